package ru.kuzbass.edu.workflows.olympiadaward;

/** Where a claim is; the case history keeps each step with its status. */
public enum ClaimStatus {
  SUBMITTED,
  /** Not on the list, out of the claim period, a second award the rules do not allow, or the coaching not confirmed. */
  REFUSED,
  AWAITING_CONFIRMATION,
  /** Confirmed; waits for the year's list. */
  CONFIRMED,
  /** In a list the commission has before it. */
  IN_LIST,
  APPROVED,
  PAID
}
