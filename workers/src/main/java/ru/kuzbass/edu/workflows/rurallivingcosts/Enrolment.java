package ru.kuzbass.edu.workflows.rurallivingcosts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/** A teacher's enrolment: where they work and live, which costs they claim, and since and until when. */
public record Enrolment(
    long id,
    String caseNumber,
    long personId,
    String schoolCode,
    String settlementCode,
    String position,
    Set<CostKind> costKinds,
    EnrolmentStatus status,
    Instant submittedAt,
    LocalDate enrolledOn,
    LocalDate endedOn,
    Long processInstanceKey) {}
