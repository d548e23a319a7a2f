package ru.kuzbass.edu.workflows.developmentroute;

/**
 * Who has been told that a route falls behind its pace: first the school's administration, and if
 * the next monitoring finds it behind again, the municipality. A route found on pace starts over.
 */
public enum Escalation {
  NONE("не передавалось"),
  SCHOOL("администрации школы"),
  MUNICIPALITY("муниципальному органу управления образованием");

  private final String russian;

  Escalation(String russian) {
    this.russian = russian;
  }

  public String russian() {
    return russian;
  }

  /** The level after a monitoring that found {@code pace}, this being the level before it. */
  Escalation after(PaceState pace) {
    if (pace == PaceState.ON_PACE) {
      return NONE;
    }
    return this == NONE ? SCHOOL : MUNICIPALITY;
  }
}
