package ru.kuzbass.edu.workflows.rurallivingcosts;

/** Where an enrolment is; the case history keeps each step. */
public enum EnrolmentStatus {
  SUBMITTED("Заявление принято, идёт проверка"),
  REFUSED("В назначении компенсации отказано"),
  ENROLLED("Компенсация назначена"),
  ENDED("Компенсация прекращена");

  private final String russian;

  EnrolmentStatus(String russian) {
    this.russian = russian;
  }

  public String russian() {
    return russian;
  }
}
