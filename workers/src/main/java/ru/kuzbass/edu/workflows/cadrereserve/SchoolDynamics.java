package ru.kuzbass.edu.workflows.cadrereserve;

import java.math.BigDecimal;
import java.util.List;
import ru.kuzbass.edu.workflows.cadrereserve.CadreReserveProperties.DynamicsRule;

/**
 * Reads a school's results over the last years, oldest first. A school qualifies only with a
 * result for every one of those years; with a gap it is neither proposed nor excluded by these
 * rules, and the coordinator decides.
 */
final class SchoolDynamics {
  private SchoolDynamics() {}

  /** An internship school: each year at least (or, by the rule, above) the previous one. */
  static boolean steadilyPositive(List<BigDecimal> results, DynamicsRule rule) {
    for (int i = 1; i < results.size(); i++) {
      int c = results.get(i).compareTo(results.get(i - 1));
      if (c < 0 || (c == 0 && rule == DynamicsRule.STRICTLY_INCREASING)) {
        return false;
      }
    }
    return results.size() > 1;
  }

  /**
   * A project school: «нестабильные и/или стабильно низкие результаты … в сравнении с собственными
   * показателями». Unstable: the results change direction (up then down, or down then up). Low
   * against its own figures: the last year more than {@code margin} points below the mean of the
   * school's own earlier years. No absolute figure: a school is measured against itself.
   */
  static boolean needsSupport(List<BigDecimal> results, BigDecimal margin) {
    return unstable(results) || lowAgainstItsOwnFigures(results, margin);
  }

  /** The last result below the mean of the earlier ones less the margin; compared as sums, so no rounding decides. */
  static boolean lowAgainstItsOwnFigures(List<BigDecimal> results, BigDecimal margin) {
    if (results.size() < 2) {
      return false;
    }
    List<BigDecimal> earlier = results.subList(0, results.size() - 1);
    BigDecimal n = BigDecimal.valueOf(earlier.size());
    BigDecimal earlierSum = earlier.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    return results.getLast().multiply(n).compareTo(earlierSum.subtract(margin.multiply(n))) < 0;
  }

  static boolean unstable(List<BigDecimal> results) {
    int previousDirection = 0;
    for (int i = 1; i < results.size(); i++) {
      int direction = Integer.signum(results.get(i).compareTo(results.get(i - 1)));
      if (direction != 0 && previousDirection != 0 && direction != previousDirection) {
        return true;
      }
      if (direction != 0) {
        previousDirection = direction;
      }
    }
    return false;
  }
}
