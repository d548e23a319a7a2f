package ru.kuzbass.edu.workflows.rurallivingcosts;

import java.math.BigDecimal;
import java.time.YearMonth;

/** One month's claim of an enrolment; {@code round} counts its submissions (1, then one more per correction). */
public record Claim(long id, String caseNumber, long enrolmentId, YearMonth month, ClaimStatus status, int round, Long processInstanceKey) {

  /**
   * A line of the claim: what was claimed, and after the officer's check what is compensated
   * ({@code accepted}, null until checked) and why a line is refused or cut ({@code reason}).
   */
  public record Line(CostKind kind, BigDecimal claimed, BigDecimal accepted, String reason) {}

  /** A receipt's description; its bytes are read only to download it. */
  public record Receipt(long id, String fileName, String contentType, int sizeBytes, String sha256) {}
}
