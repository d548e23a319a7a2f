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

  /** A project school: results that change direction (up then down, or down then up), or every year below {@code low}. */
  static boolean needsSupport(List<BigDecimal> results, BigDecimal low) {
    return unstable(results) || (!results.isEmpty() && results.stream().allMatch(r -> r.compareTo(low) < 0));
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
