package ru.kuzbass.edu.workflows.developmentroute;

/**
 * How an event educates: formal (courses of further training, ПК, and professional retraining,
 * ПП), non-formal (events, competitions, internships) or informal (self-education, public projects).
 */
public enum EventKind {
  FORMAL,
  NON_FORMAL,
  INFORMAL;

  static final String NAMES = "FORMAL, NON_FORMAL или INFORMAL";
}
