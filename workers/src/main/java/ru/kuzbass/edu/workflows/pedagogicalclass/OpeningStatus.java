package ru.kuzbass.edu.workflows.pedagogicalclass;

/** Where a school's opening stands, with the wording the school sees. */
public enum OpeningStatus {
  STARTED("Идёт подготовка к открытию класса"),
  OPENED("Класс открыт, идёт реализация программы"),
  NOT_OPENED("Класс не открывается"),
  COMPLETED("Учебный год завершён, итоги подведены");

  private final String russian;

  OpeningStatus(String russian) {
    this.russian = russian;
  }

  public String russian() {
    return russian;
  }
}
