package ru.kuzbass.edu.workflows.pedagogicalclass;

import java.util.Arrays;
import java.util.Optional;

/** The seven steps of opening a psychological-pedagogical class, with the names schools see and the user task of each. */
public enum OpeningStep {
  STUDY("Шаг 1. Изучение ситуации: условия, кадры, запрос", "Task_StudySituation"),
  DECISION("Шаг 2. Решение об открытии класса", "Task_DecideOpening"),
  MODEL("Шаг 3. Выбор модели и механизма реализации", "Task_ChooseModel"),
  CURRICULUM("Шаг 4. Выбор образовательной программы", "Task_ChooseCurriculum"),
  ADMISSION("Шаг 5. Приёмная кампания", "Task_RunAdmission"),
  TERM_REPORT("Шаг 6. Реализация программы: отчёт за период", "Task_SubmitTermReport"),
  RESULTS("Шаг 7. Итоги и рефлексия на августовском педсовете", "Task_PresentResults");

  private final String russian;
  private final String userTask;

  OpeningStep(String russian, String userTask) {
    this.russian = russian;
    this.userTask = userTask;
  }

  public String russian() {
    return russian;
  }

  /** The step whose user task the model calls so. */
  static Optional<OpeningStep> ofUserTask(String taskDefinitionKey) {
    return Arrays.stream(values()).filter(s -> s.userTask.equals(taskDefinitionKey)).findFirst();
  }
}
