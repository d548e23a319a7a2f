package ru.kuzbass.edu.workflows.cadrereserve;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.kuzbass.edu.workflows.cadrereserve.CadreReserveProperties.DynamicsRule;
import ru.kuzbass.edu.workflows.cadrereserve.TeamFormation.Member;

/** The choice of internship and project schools from three years of results, and the team proposal. */
class SchoolRulesTest {

  static final BigDecimal NO_MARGIN = BigDecimal.ZERO;

  @Test
  void steadilyPositiveMeansEachYearAtLeastThePreviousOrAboveItByTheRule() {
    assertThat(SchoolDynamics.steadilyPositive(r(60, 62, 65), DynamicsRule.NON_DECREASING)).isTrue();
    assertThat(SchoolDynamics.steadilyPositive(r(70, 70, 70), DynamicsRule.NON_DECREASING)).isTrue();
    assertThat(SchoolDynamics.steadilyPositive(r(70, 70, 70), DynamicsRule.STRICTLY_INCREASING)).isFalse();
    assertThat(SchoolDynamics.steadilyPositive(r(60, 62, 65), DynamicsRule.STRICTLY_INCREASING)).isTrue();
    assertThat(SchoolDynamics.steadilyPositive(r(60, 60.01, 65), DynamicsRule.STRICTLY_INCREASING)).as("a hundredth up is up").isTrue();
    assertThat(SchoolDynamics.steadilyPositive(r(60, 65, 65), DynamicsRule.STRICTLY_INCREASING)).as("flat in the last year").isFalse();
    assertThat(SchoolDynamics.steadilyPositive(r(60, 59.99, 65), DynamicsRule.NON_DECREASING)).isFalse();
    assertThat(SchoolDynamics.steadilyPositive(r(60), DynamicsRule.NON_DECREASING)).as("one year shows no dynamics").isFalse();
  }

  @Test
  void aProjectSchoolIsUnstable() {
    assertThat(SchoolDynamics.needsSupport(r(50, 60, 55), NO_MARGIN)).as("up then down").isTrue();
    assertThat(SchoolDynamics.needsSupport(r(60, 50, 55), NO_MARGIN)).as("down then up").isTrue();
    assertThat(SchoolDynamics.needsSupport(r(60, 62, 65), NO_MARGIN)).as("a steady rise").isFalse();
  }

  @Test
  void aProjectSchoolIsLowAgainstItsOwnFiguresNotAgainstAnAbsoluteFigure() {
    // the last year against the mean of the earlier years (61 here)
    assertThat(SchoolDynamics.lowAgainstItsOwnFigures(r(60, 62, 60.99), NO_MARGIN)).as("just below its own mean").isTrue();
    assertThat(SchoolDynamics.lowAgainstItsOwnFigures(r(60, 62, 61), NO_MARGIN)).as("at its own mean").isFalse();
    assertThat(SchoolDynamics.lowAgainstItsOwnFigures(r(60, 62, 59.99), BigDecimal.ONE)).as("more than the margin below").isTrue();
    assertThat(SchoolDynamics.lowAgainstItsOwnFigures(r(60, 62, 60), BigDecimal.ONE)).as("exactly the margin below").isFalse();
    assertThat(SchoolDynamics.lowAgainstItsOwnFigures(r(60), NO_MARGIN)).as("one year has no earlier figures").isFalse();
    // no direction changes in these: only the school's own figures decide
    assertThat(SchoolDynamics.needsSupport(r(60, 60, 55), NO_MARGIN)).as("flat then down: below its own level").isTrue();
    assertThat(SchoolDynamics.needsSupport(r(95, 92, 90), NO_MARGIN)).as("high, but falling below its own figures").isTrue();
    assertThat(SchoolDynamics.needsSupport(r(95, 92, 90), BigDecimal.valueOf(4))).as("less than 4 below its mean of 93.5").isFalse();
    assertThat(SchoolDynamics.needsSupport(r(30, 30, 30), NO_MARGIN)).as("low in absolute terms, but not against itself").isFalse();
    assertThat(SchoolDynamics.needsSupport(r(45, 50, 50), NO_MARGIN)).as("below the former absolute 50, and rising").isFalse();
  }

  @Test
  void teamsMixMunicipalitiesAndDifferInSizeByOneAtMost() {
    List<Member> members = List.of(new Member(1, "A", 1), new Member(2, "A", 2), new Member(3, "A", 3), new Member(4, "B", 4),
        new Member(5, "B", 5), new Member(6, "C", 6), new Member(7, "C", 7));
    List<List<Long>> teams = TeamFormation.propose(members, 3);
    assertThat(teams).containsExactly(List.of(1L, 4L, 7L), List.of(2L, 5L), List.of(3L, 6L));
    assertThat(TeamFormation.propose(List.of(), 3)).isEmpty();
  }

  private static List<BigDecimal> r(double... values) {
    return Arrays.stream(values).mapToObj(BigDecimal::valueOf).toList();
  }
}
