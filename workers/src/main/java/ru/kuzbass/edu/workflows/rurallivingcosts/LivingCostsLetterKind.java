package ru.kuzbass.edu.workflows.rurallivingcosts;

/**
 * The letters of the living-cost compensation. The enrolment's letters are kept under the
 * enrolment's case number, a month's under the claim's: each is issued at most once per case.
 */
public enum LivingCostsLetterKind {
  REFUSAL("О", "Уведомление об отказе в назначении компенсации расходов на оплату жилого помещения и коммунальных услуг"),
  ENROLMENT("Н", "Уведомление о назначении компенсации расходов на оплату жилого помещения и коммунальных услуг"),
  ENDING("П", "Уведомление о прекращении выплаты компенсации расходов на оплату жилого помещения и коммунальных услуг"),
  PAYMENT("В", "Уведомление о выплате компенсации расходов за месяц"),
  CLAIM_REJECTION("О", "Уведомление об отказе в компенсации расходов за месяц");

  private final String numberSuffix;
  private final String title;

  LivingCostsLetterKind(String numberSuffix, String title) {
    this.numberSuffix = numberSuffix;
    this.title = title;
  }

  public String number(String caseNumber) {
    return caseNumber + "/" + numberSuffix;
  }

  public String title() {
    return title;
  }

  String fileName(String caseNumber) {
    return number(caseNumber).replace('/', '-') + ".pdf";
  }

  /** Whether the letter decides against the teacher, and so states how to appeal. */
  boolean appealable() {
    return this == REFUSAL || this == ENDING || this == CLAIM_REJECTION;
  }
}
