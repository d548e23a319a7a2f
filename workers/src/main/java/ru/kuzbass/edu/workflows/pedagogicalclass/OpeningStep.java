package ru.kuzbass.edu.workflows.pedagogicalclass;

/** The seven steps of opening a psychological-pedagogical class, with the names schools see. */
public enum OpeningStep {
  STUDY("Шаг 1. Изучение ситуации: условия, кадры, запрос"),
  DECISION("Шаг 2. Решение об открытии класса"),
  MODEL("Шаг 3. Выбор модели и механизма реализации"),
  CURRICULUM("Шаг 4. Выбор образовательной программы"),
  ADMISSION("Шаг 5. Приёмная кампания"),
  TERM_REPORT("Шаг 6. Реализация программы: отчёт за период"),
  RESULTS("Шаг 7. Итоги и рефлексия на августовском педсовете");

  private final String russian;

  OpeningStep(String russian) {
    this.russian = russian;
  }

  public String russian() {
    return russian;
  }
}
