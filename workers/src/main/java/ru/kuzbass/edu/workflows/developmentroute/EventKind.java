package ru.kuzbass.edu.workflows.developmentroute;

/**
 * How an event educates: formal (courses of further training, ПК, and professional retraining,
 * ПП), non-formal (events, competitions, internships) or informal (self-education, public projects).
 */
public enum EventKind {
  FORMAL("формальное (курсы ПК и ПП)"),
  NON_FORMAL("неформальное (мероприятия, конкурсы, стажировки)"),
  INFORMAL("информальное (самообразование, общественные проекты)");

  static final String NAMES = "FORMAL, NON_FORMAL или INFORMAL";

  private final String russian;

  EventKind(String russian) {
    this.russian = russian;
  }

  public String russian() {
    return russian;
  }
}
