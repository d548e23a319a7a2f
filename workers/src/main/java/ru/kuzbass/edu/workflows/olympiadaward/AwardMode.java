package ru.kuzbass.edu.workflows.olympiadaward;

/** How many awards one teacher may receive in an olympiad year. */
public enum AwardMode {
  /** One award per pupil trained: a pupil placed in two subjects brings the teacher one award. */
  PER_PUPIL,
  /** One award a year, whatever the number of pupils. */
  PER_YEAR
}
