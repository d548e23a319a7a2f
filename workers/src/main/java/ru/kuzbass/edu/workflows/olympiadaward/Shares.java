package ru.kuzbass.edu.workflows.olympiadaward;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Splits an amount by whole-percent shares into roubles and kopecks. Each part is rounded down to
 * the kopeck and the kopecks left over go, one each, to the parts that lost the most in rounding
 * (the largest remainder; the earlier share on a tie), so the parts always add up to the amount:
 * no kopeck is lost or added.
 */
final class Shares {
  private Shares() {}

  static List<BigDecimal> split(BigDecimal amount, List<Integer> percents) {
    if (percents.stream().mapToInt(Integer::intValue).sum() != 100) {
      throw new IllegalArgumentException("Shares must sum to 100: " + percents);
    }
    long kopecks = amount.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
    List<Long> parts = new ArrayList<>();
    List<Long> remainders = new ArrayList<>();
    for (int percent : percents) {
      parts.add(kopecks * percent / 100);
      remainders.add(kopecks * percent % 100);
    }
    long left = kopecks - parts.stream().mapToLong(Long::longValue).sum();
    List<Integer> order = IntStream.range(0, percents.size()).boxed()
        .sorted(Comparator.comparing((Integer i) -> remainders.get(i)).reversed().thenComparing(i -> i)).toList();
    for (int k = 0; k < left; k++) {
      int i = order.get(k);
      parts.set(i, parts.get(i) + 1);
    }
    return parts.stream().map(p -> BigDecimal.valueOf(p, 2)).toList();
  }
}
