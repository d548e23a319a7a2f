package ru.kuzbass.edu.workflows.developmentroute;

/** Where a route comes from: the teacher's own choice, or a process that requires one. */
public enum RouteOrigin {
  SELF,
  /** A young teacher's support (a case of that process starts it). */
  YOUNG_TEACHER,
  /** A cadre-reserve candidate's development (a case of that process starts it). */
  CADRE_RESERVE
}
