package ru.kuzbass.edu.workflows.people;

/** A teacher's qualification category (квалификационная категория). */
public enum QualificationCategory {
  NONE("без категории"),
  FIRST("первая"),
  HIGHEST("высшая");

  private final String russian;

  QualificationCategory(String russian) {
    this.russian = russian;
  }

  public String russian() {
    return russian;
  }
}
