package ru.kuzbass.edu.workflows.cadrereserve;

/** The letters of the cadre reserve; each is issued once per case (candidate or team). */
enum CadreLetterKind {
  LEVEL1_REFUSAL("О1", "Уведомление о результатах отборочного уровня"),
  LEVEL1_PASS("О2", "Приглашение на обучающе-стажировочный уровень"),
  IDEA("И", "Приглашение в региональное сообщество и рекомендации эксперта по проектной идее"),
  COURSE_MISSED("К", "Уведомление о завершении участия в конкурсном отборе"),
  LEVEL2_RESULT("С", "Рекомендации по итогам обучающе-стажировочного уровня"),
  LEVEL2_PASS("С2", "Приглашение на экспертно-проектный уровень"),
  LEVEL3_RESULT("Р", "Уведомление о включении в кадровый резерв"),
  MUNICIPAL_DECISION("М", "Уведомление о решении муниципалитета по кадровому резерву"),
  PROJECT_COVER("П", "Сопроводительное письмо к управленческому проекту");

  private final String suffix;
  private final String title;

  CadreLetterKind(String suffix, String title) {
    this.suffix = suffix;
    this.title = title;
  }

  String title() {
    return title;
  }

  /** The letter's number: the case number with the kind's suffix, for example КР-2027-000012/О1. */
  String number(String caseNumber) {
    return caseNumber + "/" + suffix;
  }

  String fileName(String caseNumber) {
    return number(caseNumber).replace('/', '-') + ".pdf";
  }
}
