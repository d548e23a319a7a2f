package ru.kuzbass.edu.workflows.ruralgrant;

/** How much of the grant a teacher who leaves early must return; set per region and campaign year. */
public enum RefundMode {
  /** grant × unworked days / days of the whole term */
  PROPORTIONAL,
  /** the whole grant */
  FULL
}
