package ru.kuzbass.edu.workflows.ruralgrant;

import java.time.Instant;
import java.time.LocalDate;

/** A rural-grant application as stored; the applicant's personal data stays in {@code person}. */
public record GrantCase(
    long id,
    String caseNumber,
    int campaignYear,
    long personId,
    String schoolCode,
    String municipality,
    String settlementName,
    SettlementType settlementType,
    int settlementPopulation,
    String position,
    int weeklyLoadHours,
    Instant submittedAt,
    CaseStatus status,
    String contractNumber,
    LocalDate contractDate) {}
