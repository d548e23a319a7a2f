package ru.kuzbass.edu.workflows.developmentroute;

/** What a monitoring found of a route's pace (column {@code development_route.pace_state}). */
public enum PaceState {
  ON_PACE("маршрут выполняется в темпе"),
  BEHIND("маршрут отстаёт от темпа");

  private final String russian;

  PaceState(String russian) {
    this.russian = russian;
  }

  public String russian() {
    return russian;
  }
}
