package ru.kuzbass.edu.workflows.pedagogicalclass;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The opening calendar of the Kuzbass regional seven-step model and the least enrolment that opens
 * a class, per academic year Y/Y+1. Days are "MM-DD": steps 1–5 fall in year Y; term-report days
 * from September on fall in Y, the others in Y+1; the teachers' council is in August Y+1. A year
 * under {@code years} overrides the defaults and lists its non-working days (holidays; weekends are
 * always non-working). Which figures have a source: docs/processes/pedagogical-class-opening.md.
 */
@ConfigurationProperties("pedclass")
public record OpeningCalendarProperties(
    String caseNumberPrefix,
    int reminderDays,
    String defaultCuratorEmail,
    Calendar defaults,
    Map<Integer, Calendar> years) {

  public OpeningCalendarProperties {
    years = years == null ? Map.of() : Map.copyOf(years);
  }

  public record Calendar(
      String studyDue,
      String decisionDue,
      String admissionDue,
      List<String> termReportDays,
      String councilDay,
      Integer reminderDays,
      List<LocalDate> nonWorkingDays,
      Integer minEnrolment) {}

  public Calendar calendar(int academicYear) {
    Calendar y = years.get(academicYear);
    Calendar d = defaults;
    if (y == null) {
      return d;
    }
    return new Calendar(
        pick(y.studyDue(), d.studyDue()), pick(y.decisionDue(), d.decisionDue()), pick(y.admissionDue(), d.admissionDue()),
        pick(y.termReportDays(), d.termReportDays()), pick(y.councilDay(), d.councilDay()), pick(y.reminderDays(), d.reminderDays()),
        pick(y.nonWorkingDays(), d.nonWorkingDays()), pick(y.minEnrolment(), d.minEnrolment()));
  }

  private static <T> T pick(T override, T fallback) {
    return override != null ? override : fallback;
  }
}
