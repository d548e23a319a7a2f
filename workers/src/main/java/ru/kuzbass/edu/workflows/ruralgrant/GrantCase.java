package ru.kuzbass.edu.workflows.ruralgrant;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A rural-grant application as stored; the applicant's personal data stays in {@code person}. The
 * school's settlement, its type and population are the school directory's at submission; the
 * previous settlement is the applicant's (null for applications made before it was asked).
 */
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
    LocalDate contractDate,
    String previousMunicipality,
    String previousSettlement,
    Long processInstanceKey) {}
