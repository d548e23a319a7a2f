package ru.kuzbass.edu.workflows.olympiadaward;

/** Where a claim is; the case history keeps each step with its status. */
public enum ClaimStatus {
  SUBMITTED,
  /** Not on the list, out of the claim period, or a second award the rules do not allow. */
  REFUSED,
  AWAITING_CONFIRMATION,
  /** The municipal office refused to confirm the coaching. */
  NOT_CONFIRMED,
  /** Confirmed; waits for the year's list. */
  CONFIRMED,
  /** In a list the commission has before it. */
  IN_LIST,
  APPROVED,
  PAID
}
