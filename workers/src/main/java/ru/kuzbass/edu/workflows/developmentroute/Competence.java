package ru.kuzbass.edu.workflows.developmentroute;

/** The competences that the regional diagnosis of teachers measures, and that an event develops. */
public enum Competence {
  SUBJECT("предметная"),
  METHODICAL("методическая"),
  PSYCHOLOGICAL_PEDAGOGICAL("психолого-педагогическая"),
  COMMUNICATIVE("коммуникативная"),
  DIGITAL("цифровая");

  static final String NAMES = "SUBJECT, METHODICAL, PSYCHOLOGICAL_PEDAGOGICAL, COMMUNICATIVE или DIGITAL";

  private final String russian;

  Competence(String russian) {
    this.russian = russian;
  }

  /** The competence as a teacher reads it: «цифровая компетенция». */
  public String russian() {
    return russian + " компетенция";
  }
}
