package ru.kuzbass.edu.workflows.developmentroute;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pace a monitoring finds, at and around the configured share, and the escalation it leads to. */
class ProgressTest {

  private static final LocalDate TODAY = LocalDate.of(2027, 8, 1);
  private static final BigDecimal SHARE = new BigDecimal("0.25");

  @Test
  void aShareOfOverdueItemsEqualToTheLevelIsOnPaceAndAboveItIsBehind() {
    // 1 of 4 overdue: exactly a quarter
    Progress atLevel = Progress.of(List.of(item("2027-07-31", ItemStatus.MISSED), item("2027-07-01", ItemStatus.COMPLETED),
        item("2027-08-01", ItemStatus.PLANNED), item("2027-12-01", ItemStatus.ENROLLED)), TODAY, SHARE);
    assertThat(atLevel).isEqualTo(new Progress(4, 2, 1, 1, PaceState.ON_PACE));
    // 2 of 7 overdue: above a quarter
    List<DevelopmentRoutes.RouteItem> items = new ArrayList<>(List.of(item("2027-07-31", ItemStatus.ENROLLED),
        item("2027-07-30", ItemStatus.PLANNED)));
    for (int i = 0; i < 5; i++) {
      items.add(item("2027-09-01", ItemStatus.PLANNED));
    }
    assertThat(Progress.of(items, TODAY, SHARE)).isEqualTo(new Progress(7, 2, 0, 2, PaceState.BEHIND));
    // an item whose planned end is today is not yet due
    assertThat(Progress.of(List.of(item("2027-08-01", ItemStatus.PLANNED)), TODAY, SHARE).state()).isEqualTo(PaceState.ON_PACE);
  }

  @Test
  void behindOnceGoesToTheSchoolAgainToTheMunicipalityAndOnPaceStartsOver() {
    assertThat(Escalation.NONE.after(PaceState.BEHIND)).isEqualTo(Escalation.SCHOOL);
    assertThat(Escalation.SCHOOL.after(PaceState.BEHIND)).isEqualTo(Escalation.MUNICIPALITY);
    assertThat(Escalation.MUNICIPALITY.after(PaceState.BEHIND)).isEqualTo(Escalation.MUNICIPALITY);
    assertThat(Escalation.MUNICIPALITY.after(PaceState.ON_PACE)).isEqualTo(Escalation.NONE);
    assertThat(Escalation.SCHOOL.after(PaceState.ON_PACE).after(PaceState.BEHIND)).isEqualTo(Escalation.SCHOOL);
  }

  @Test
  void anItemMovesForwardOnlyAndAnEventIsEnrolledBeforeItIsCompleted() {
    assertThat(ItemStatus.PLANNED.mayBecome(ItemStatus.ENROLLED, true)).isTrue();
    assertThat(ItemStatus.PLANNED.mayBecome(ItemStatus.COMPLETED, true)).isFalse();
    assertThat(ItemStatus.PLANNED.mayBecome(ItemStatus.COMPLETED, false)).isTrue();
    assertThat(ItemStatus.ENROLLED.mayBecome(ItemStatus.COMPLETED, true)).isTrue();
    assertThat(ItemStatus.ENROLLED.mayBecome(ItemStatus.MISSED, true)).isTrue();
    assertThat(ItemStatus.COMPLETED.mayBecome(ItemStatus.MISSED, true)).isFalse();
    assertThat(ItemStatus.MISSED.mayBecome(ItemStatus.ENROLLED, true)).isFalse();
  }

  private static DevelopmentRoutes.RouteItem item(String plannedTo, ItemStatus status) {
    return new DevelopmentRoutes.RouteItem(1, null, null, Competence.DIGITAL, EventKind.INFORMAL, "Самообразование", LocalDate.of(2027, 2, 1),
        LocalDate.parse(plannedTo), "PROPOSAL", status.name(), null, null);
  }
}
