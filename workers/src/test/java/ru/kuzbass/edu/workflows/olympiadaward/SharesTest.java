package ru.kuzbass.edu.workflows.olympiadaward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The award split by shares: to the kopeck, never a kopeck lost or added. */
class SharesTest {

  @Test
  void sixtyFortySplitsExactly() {
    assertThat(Shares.split(new BigDecimal("100000"), List.of(60, 40))).containsExactly(new BigDecimal("60000.00"), new BigDecimal("40000.00"));
  }

  @Test
  void leftoverKopecksGoToTheLargestRemaindersTheEarlierShareOnATie() {
    List<BigDecimal> odd = Shares.split(new BigDecimal("0.05"), List.of(33, 33, 34));
    assertThat(odd.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("0.05");
    // 5 kopecks: 1.65, 1.65, 1.70 → 1, 1, 1 and two left over to the largest remainders (0.70, then 0.65 of the first)
    assertThat(odd).containsExactly(new BigDecimal("0.02"), new BigDecimal("0.01"), new BigDecimal("0.02"));
  }

  @Test
  void everySplitOfAnAwkwardAmountAddsUpToTheKopeck() {
    BigDecimal amount = new BigDecimal("77777.77");
    for (List<Integer> shares : List.of(List.of(1, 99), List.of(7, 13, 80), List.of(33, 33, 33, 1), List.of(25, 25, 25, 25), List.of(100))) {
      List<BigDecimal> parts = Shares.split(amount, shares);
      assertThat(parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).as("%s", shares).isEqualByComparingTo(amount);
      for (int i = 0; i < parts.size(); i++) {
        BigDecimal exact = amount.multiply(BigDecimal.valueOf(shares.get(i))).divide(BigDecimal.valueOf(100));
        assertThat(parts.get(i).subtract(exact).abs()).as("part %d of %s", i, shares).isLessThan(new BigDecimal("0.01"));
      }
    }
  }

  @Test
  void sharesThatDoNotSumToAHundredAreNotSplit() {
    assertThatThrownBy(() -> Shares.split(new BigDecimal("100"), List.of(50, 49))).isInstanceOf(IllegalArgumentException.class);
  }
}
