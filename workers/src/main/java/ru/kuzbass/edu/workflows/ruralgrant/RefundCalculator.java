package ru.kuzbass.edu.workflows.ruralgrant;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The refund owed by a teacher who leaves before the term ends. PROPORTIONAL: grant × unworked
 * days / days of the term (the federal rule of decree № 1430 as most regions adopt it); FULL: the
 * whole grant (the rule some regions and courts apply). Kopecks are rounded half up.
 */
public final class RefundCalculator {
  private RefundCalculator() {}

  public record Refund(BigDecimal amount, LocalDate termEnd, long termDays, long workedDays, long unworkedDays, RefundMode mode) {}

  public static Refund compute(BigDecimal grant, LocalDate contractDate, int termYears, LocalDate departureDate, RefundMode mode) {
    LocalDate termEnd = contractDate.plusYears(termYears);
    long termDays = ChronoUnit.DAYS.between(contractDate, termEnd);
    long worked = Math.clamp(ChronoUnit.DAYS.between(contractDate, departureDate), 0, termDays);
    long unworked = termDays - worked;
    BigDecimal amount = switch (mode) {
      case FULL -> grant;
      case PROPORTIONAL -> grant.multiply(BigDecimal.valueOf(unworked)).divide(BigDecimal.valueOf(termDays), 2, RoundingMode.HALF_UP);
    };
    return new Refund(amount.setScale(2, RoundingMode.HALF_UP), termEnd, termDays, worked, unworked, mode);
  }
}
