package ru.kuzbass.edu.workflows.ruralgrant;

/** Whether the grant requires the teacher to move from another settlement to the school's one. */
public enum RelocationRule {
  /** The previous residence must not be in the school's settlement. */
  DIFFERENT_SETTLEMENT,
  /** Anyone may apply, including teachers who already live there. */
  NONE
}
