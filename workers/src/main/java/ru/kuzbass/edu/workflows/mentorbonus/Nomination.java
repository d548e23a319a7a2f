package ru.kuzbass.edu.workflows.mentorbonus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/** A mentor-bonus nomination as stored; people are referred to by their teacher records. */
public record Nomination(
    long id,
    String caseNumber,
    int campaignYear,
    long mentorTeacherId,
    String schoolCode,
    String schoolEmail,
    String fundingSource,
    String goals,
    LocalDate startDate,
    LocalDate endDate,
    NominationStatus status,
    String schoolHeadApprover,
    String budgetApprover,
    LocalDate endedOn,
    Instant submittedAt) {

  public YearMonth firstMonth() {
    return YearMonth.from(startDate);
  }

  public YearMonth lastMonth() {
    return YearMonth.from(endDate);
  }

  /** Every calendar month the plan touches is a paid month. */
  public int months() {
    return (int) ChronoUnit.MONTHS.between(firstMonth(), lastMonth()) + 1;
  }
}
