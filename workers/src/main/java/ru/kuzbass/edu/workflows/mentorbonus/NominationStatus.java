package ru.kuzbass.edu.workflows.mentorbonus;

/** Where a nomination stands, with the wording the school sees. */
public enum NominationStatus {
  SUBMITTED("Заявка принята"),
  IN_APPROVAL("На согласовании"),
  RETURNED("Возвращена на доработку"),
  WAITING_FOR_BUDGET("В листе ожидания: средств пока недостаточно"),
  ACTIVE("Доплата установлена, идёт наставничество"),
  ENDED("Наставничество завершено, ожидается итоговый отчёт"),
  CLOSED("Закрыта, свидетельство направлено"),
  REJECTED("Отказано");

  private final String russian;

  NominationStatus(String russian) {
    this.russian = russian;
  }

  public String russian() {
    return russian;
  }
}
