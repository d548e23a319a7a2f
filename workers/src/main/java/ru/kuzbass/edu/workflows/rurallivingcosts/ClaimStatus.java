package ru.kuzbass.edu.workflows.rurallivingcosts;

/** Where a monthly claim is. */
public enum ClaimStatus {
  SUBMITTED("Заявка за месяц принята, идёт проверка"),
  CORRECTION_REQUESTED("Запрошено исправление заявки"),
  CORRECTED("Заявка исправлена, идёт проверка"),
  PAID("Компенсация за месяц выплачена"),
  REJECTED("В компенсации за месяц отказано");

  private final String russian;

  ClaimStatus(String russian) {
    this.russian = russian;
  }

  public String russian() {
    return russian;
  }
}
