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

  static final BigDecimal LOW = BigDecimal.valueOf(50);

  @Test
  void steadilyPositiveMeansEachYearAtLeastThePreviousOrAboveItByTheRule() {
    assertThat(SchoolDynamics.steadilyPositive(r(60, 62, 65), DynamicsRule.NON_DECREASING)).isTrue();
    assertThat(SchoolDynamics.steadilyPositive(r(70, 70, 70), DynamicsRule.NON_DECREASING)).isTrue();
    assertThat(SchoolDynamics.steadilyPositive(r(70, 70, 70), DynamicsRule.STRICTLY_INCREASING)).isFalse();
    assertThat(SchoolDynamics.steadilyPositive(r(60, 62, 65), DynamicsRule.STRICTLY_INCREASING)).isTrue();
    assertThat(SchoolDynamics.steadilyPositive(r(60, 59.99, 65), DynamicsRule.NON_DECREASING)).isFalse();
    assertThat(SchoolDynamics.steadilyPositive(r(60), DynamicsRule.NON_DECREASING)).as("one year shows no dynamics").isFalse();
  }

  @Test
  void aProjectSchoolIsUnstableOrPersistentlyLow() {
    assertThat(SchoolDynamics.needsSupport(r(50, 60, 55), LOW)).as("up then down").isTrue();
    assertThat(SchoolDynamics.needsSupport(r(60, 50, 55), LOW)).as("down then up").isTrue();
    assertThat(SchoolDynamics.needsSupport(r(60, 60, 55), LOW)).as("flat then down is one direction").isFalse();
    assertThat(SchoolDynamics.needsSupport(r(45, 40, 35), LOW)).as("every year below 50").isTrue();
    assertThat(SchoolDynamics.needsSupport(r(49.99, 49.99, 49.99), LOW)).isTrue();
    assertThat(SchoolDynamics.needsSupport(r(45, 50, 50), LOW)).as("50 is not below 50, and the rise is steady").isFalse();
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
