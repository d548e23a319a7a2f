package ru.kuzbass.edu.workflows.pedagogicalclass;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import ru.kuzbass.edu.workflows.platform.RegionTime;

/**
 * Turns the configured calendar into deadlines. A deadline ends at 23:59:59 Asia/Novokuznetsk on
 * its day; a day that is not a working day (a weekend or a listed holiday) moves the deadline to the
 * next working day, as article 193 of the Civil Code does for the last day of a term. A reminder
 * goes out at 09:00 local time the configured number of days before.
 */
@Component
public class OpeningCalendar {

  private static final int REMINDER_HOUR = 9;

  private final OpeningCalendarProperties properties;

  public OpeningCalendar(OpeningCalendarProperties properties) {
    this.properties = properties;
  }

  /** One deadline: its (possibly moved) day, its last instant, and when to remind. */
  public record Deadline(LocalDate day, OffsetDateTime dueAt, OffsetDateTime remindAt) {}

  public Deadline study(int year) {
    return deadline(year, MonthDay.parse("--" + calendar(year).studyDue()).atYear(year));
  }

  public Deadline decision(int year) {
    return deadline(year, MonthDay.parse("--" + calendar(year).decisionDue()).atYear(year));
  }

  public Deadline admission(int year) {
    return deadline(year, MonthDay.parse("--" + calendar(year).admissionDue()).atYear(year));
  }

  /** The end-of-term report deadlines of the school year, in order. */
  public List<Deadline> termReports(int year) {
    return calendar(year).termReportDays().stream()
        .map(d -> MonthDay.parse("--" + d))
        .map(md -> md.atYear(md.getMonthValue() >= 9 ? year : year + 1))
        .sorted()
        .map(day -> deadline(year, day))
        .toList();
  }

  public Deadline council(int year) {
    return deadline(year, MonthDay.parse("--" + calendar(year).councilDay()).atYear(year + 1));
  }

  /** The fewest pupils enrolled that open the class in academic year Y/Y+1. */
  public int minEnrolment(int year) {
    return calendar(year).minEnrolment();
  }

  Deadline deadline(int year, LocalDate nominal) {
    Set<LocalDate> holidays = Set.copyOf(calendar(year).nonWorkingDays() == null ? List.of() : calendar(year).nonWorkingDays());
    LocalDate day = nominal;
    while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY || holidays.contains(day)) {
      day = day.plusDays(1);
    }
    int lead = calendar(year).reminderDays() == null ? properties.reminderDays() : calendar(year).reminderDays();
    OffsetDateTime remindAt = day.minusDays(lead).atTime(REMINDER_HOUR, 0).atZone(RegionTime.ZONE).toOffsetDateTime();
    return new Deadline(day, RegionTime.endOfDay(day), remindAt);
  }

  private OpeningCalendarProperties.Calendar calendar(int year) {
    return properties.calendar(year);
  }
}
