package ru.kuzbass.edu.workflows.mentorbonus;

/** The letters of a mentor-bonus case; each is issued at most once per case. */
public enum MentorLetterKind {
  REJECTION("О", "Уведомление об отказе в установлении доплаты за наставничество", NominationStatus.REJECTED),
  WAITING_LIST("Л", "Уведомление о включении заявки в лист ожидания", NominationStatus.WAITING_FOR_BUDGET),
  ORDER("П", "Приказ об установлении доплаты за наставничество", NominationStatus.ACTIVE),
  CERTIFICATE("С", "Свидетельство «Почётный наставник»", NominationStatus.CLOSED);

  private final String numberSuffix;
  private final String title;
  private final NominationStatus status;

  MentorLetterKind(String numberSuffix, String title, NominationStatus status) {
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

  public NominationStatus status() {
    return status;
  }
}
