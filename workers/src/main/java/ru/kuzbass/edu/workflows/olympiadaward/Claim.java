package ru.kuzbass.edu.workflows.olympiadaward;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A stored claim; the teachers are named by their person ids. */
record Claim(long id, String caseNumber, int year, String subject, String participantCode, OlympiadPlace place, String schoolCode,
    String schoolEmail, ClaimStatus status, BigDecimal amount, String confirmedBy, String listNumber, String refusalReason, Instant submittedAt, List<Coach> coaches) {

  /** A teacher of the claim, their share in percent and, once the amount is known, their part. */
  record Coach(long personId, int share, BigDecimal amount) {}
}
