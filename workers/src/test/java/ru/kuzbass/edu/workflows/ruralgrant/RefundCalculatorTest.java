package ru.kuzbass.edu.workflows.ruralgrant;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RefundCalculatorTest {

  private static final BigDecimal GRANT = new BigDecimal("1000000");
  private static final LocalDate CONTRACT = LocalDate.of(2027, 3, 1);

  @Test
  void proportionalRefundCountsTheUnworkedDays() {
    var refund = RefundCalculator.compute(GRANT, CONTRACT, 5, LocalDate.of(2029, 9, 15), RefundMode.PROPORTIONAL);
    assertThat(refund.termDays()).isEqualTo(1827); // two 29 Februaries inside the term
    assertThat(refund.workedDays()).isEqualTo(929);
    assertThat(refund.unworkedDays()).isEqualTo(898);
    assertThat(refund.amount()).isEqualByComparingTo("491516.15");
  }

  @Test
  void fullRefundIsTheWholeGrant() {
    var refund = RefundCalculator.compute(GRANT, CONTRACT, 5, LocalDate.of(2031, 2, 27), RefundMode.FULL);
    assertThat(refund.amount()).isEqualByComparingTo("1000000.00");
  }

  @Test
  void leavingOnTheFirstDayReturnsEverythingAndAtTheEndNothing() {
    assertThat(RefundCalculator.compute(GRANT, CONTRACT, 5, CONTRACT, RefundMode.PROPORTIONAL).amount()).isEqualByComparingTo("1000000.00");
    assertThat(RefundCalculator.compute(GRANT, CONTRACT, 5, CONTRACT.plusYears(5), RefundMode.PROPORTIONAL).amount()).isEqualByComparingTo("0.00");
    assertThat(RefundCalculator.compute(GRANT, CONTRACT, 5, CONTRACT.minusDays(3), RefundMode.PROPORTIONAL).amount()).isEqualByComparingTo("1000000.00");
  }
}
