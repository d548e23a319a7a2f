package ru.kuzbass.edu.workflows.ruralgrant;

/** The decision letters of a rural-grant case; each is sent at most once per case. */
public enum GrantLetterKind {
  REJECTION("О", "Уведомление об отказе в предоставлении единовременной компенсационной выплаты", CaseStatus.REJECTED),
  APPROVAL("Р", "Уведомление о решении предоставить единовременную компенсационную выплату", CaseStatus.APPROVED),
  PAYMENT("В", "Уведомление о произведённой единовременной компенсационной выплате", CaseStatus.PAID),
  REFUND_DEMAND("Т", "Требование о возврате части единовременной компенсационной выплаты", CaseStatus.REFUND_DEMANDED),
  COMPLETION("И", "Уведомление об исполнении обязательства по договору", CaseStatus.COMPLETED);

  private final String numberSuffix;
  private final String title;
  private final CaseStatus status;

  GrantLetterKind(String numberSuffix, String title, CaseStatus status) {
    this.numberSuffix = numberSuffix;
    this.title = title;
    this.status = status;
  }

  public String number(String caseNumber) {
    return caseNumber + "/" + numberSuffix;
  }

  public String title() {
    return title;
  }

  /** The status the case takes once this letter is sent. */
  public CaseStatus status() {
    return status;
  }
}
