package ru.kuzbass.edu.workflows.developmentroute;

/** The competences that the regional diagnosis of teachers measures, and that an event develops. */
public enum Competence {
  SUBJECT,
  METHODICAL,
  PSYCHOLOGICAL_PEDAGOGICAL,
  COMMUNICATIVE,
  DIGITAL;

  static final String NAMES = "SUBJECT, METHODICAL, PSYCHOLOGICAL_PEDAGOGICAL, COMMUNICATIVE или DIGITAL";
}
