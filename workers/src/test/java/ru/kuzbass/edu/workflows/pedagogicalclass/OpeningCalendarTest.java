package ru.kuzbass.edu.workflows.pedagogicalclass;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.kuzbass.edu.workflows.pedagogicalclass.OpeningCalendarProperties.Calendar;

class OpeningCalendarTest {

  private static final Calendar DEFAULTS = new Calendar("04-30", "06-01", "08-31", List.of("12-27", "03-22", "05-31"), "08-28", null, List.of(), 10);

  private final OpeningCalendar calendar = new OpeningCalendar(new OpeningCalendarProperties("ПК", 7, "c@example.ru", DEFAULTS,
      Map.of(2028, new Calendar(null, null, null, null, null, null, List.of(LocalDate.of(2028, 5, 1)), null),
          2029, new Calendar(null, null, null, List.of("12-25", "05-25"), "08-30", null, null, 8))));

  @Test
  void aDeadlineEndsAt2359LocalTimeOnItsDay() {
    OpeningCalendar.Deadline study = calendar.study(2027);
    assertThat(study.dueAt()).isEqualTo(OffsetDateTime.parse("2027-04-30T23:59:59+07:00"));
    // 23:59 local on the due day is on time; 00:00 the next day is late
    assertThat(OffsetDateTime.parse("2027-04-30T23:59:00+07:00").isAfter(study.dueAt())).isFalse();
    assertThat(OffsetDateTime.parse("2027-05-01T00:00:00+07:00").isAfter(study.dueAt())).isTrue();
    // the same instant seen from Moscow is still 30 April, 19:59
    assertThat(study.dueAt().toInstant()).isEqualTo(OffsetDateTime.parse("2027-04-30T19:59:59+03:00").toInstant());
  }

  @Test
  void aDeadlineOnAWeekendOrHolidayMovesToTheNextWorkingDay() {
    // 30 April 2028 is a Sunday and 1 May 2028 a holiday of that year's calendar
    assertThat(calendar.study(2028).day()).isEqualTo(LocalDate.of(2028, 5, 2));
    assertThat(calendar.study(2027).day()).isEqualTo(LocalDate.of(2027, 4, 30)); // a Friday stays
  }

  @Test
  void remindersGoOutSevenDaysBeforeAtNine() {
    assertThat(calendar.study(2027).remindAt()).isEqualTo(OffsetDateTime.parse("2027-04-23T09:00:00+07:00"));
  }

  @Test
  void theSchoolYearRunsFromSeptemberToTheAugustCouncil() {
    assertThat(calendar.termReports(2027)).extracting(OpeningCalendar.Deadline::day)
        .containsExactly(LocalDate.of(2027, 12, 27), LocalDate.of(2028, 3, 22), LocalDate.of(2028, 5, 31));
    assertThat(calendar.council(2027).day()).isEqualTo(LocalDate.of(2028, 8, 28));
    assertThat(calendar.decision(2027).day()).isEqualTo(LocalDate.of(2027, 6, 1));
    assertThat(calendar.admission(2027).day()).isEqualTo(LocalDate.of(2027, 8, 31));
  }

  @Test
  void aYearsActChangesTheEnrolmentMinimumAndTheSchoolYearDatesInOnePlace() {
    assertThat(calendar.minEnrolment(2027)).isEqualTo(10);
    assertThat(calendar.minEnrolment(2028)).isEqualTo(10); // a year that overrides only its holidays keeps the default
    assertThat(calendar.minEnrolment(2029)).isEqualTo(8);
    assertThat(calendar.termReports(2029)).extracting(OpeningCalendar.Deadline::day)
        .containsExactly(LocalDate.of(2029, 12, 25), LocalDate.of(2030, 5, 27)); // 25 May 2030 is a Saturday
    assertThat(calendar.council(2029).day()).isEqualTo(LocalDate.of(2030, 8, 30));
    assertThat(calendar.study(2029).day()).isEqualTo(LocalDate.of(2029, 4, 30)); // not overridden
  }
}
