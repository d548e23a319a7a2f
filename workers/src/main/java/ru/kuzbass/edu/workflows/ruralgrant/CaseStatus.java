package ru.kuzbass.edu.workflows.ruralgrant;

/** Where a rural-grant case stands, with the wording the applicant sees. */
public enum CaseStatus {
  SUBMITTED("Заявление принято"),
  DOCUMENTS_REQUESTED("Запрошены дополнительные документы"),
  DOCUMENTS_SUPPLEMENTED("Дополнительные документы представлены"),
  REJECTED("Отказано в предоставлении выплаты"),
  APPROVED("Комиссия решила предоставить выплату"),
  PAID("Выплата произведена"),
  IN_OBLIGATION("Идёт срок работы по договору"),
  EMPLOYMENT_CONFIRMED("Работа в школе подтверждена"),
  DEPARTED("Сообщено об увольнении"),
  REFUND_DEMANDED("Направлено требование о возврате выплаты"),
  COMPLETED("Обязательство исполнено");

  private final String russian;

  CaseStatus(String russian) {
    this.russian = russian;
  }

  public String russian() {
    return russian;
  }
}
