package ru.kuzbass.edu.workflows.cadrereserve;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import ru.kuzbass.edu.workflows.cadrereserve.CadreReserveProperties.Weights;

/**
 * The level-1 cut, a pure function of the season's candidates. Fast-track candidates pass whatever
 * their score and take no place in the ranking. The others who finished the test are ranked; the
 * top {@code passShare} of them pass, rounded up (of 5 tested, 3 pass at 0.5). Who did not finish
 * the test does not pass.
 *
 * <p>Ties are broken in this order, each step only where the one before is equal: the composite
 * score, then leadership, then managerial potential, then organising ability (all higher first),
 * then the earlier finished test, then the earlier registration (lower candidate id). The order is
 * total, so two runs over the same data always draw the same line.
 */
final class CadreRanking {
  private CadreRanking() {}

  enum Outcome {
    FAST_TRACK, PASSED, NOT_IN_TOP, NO_TEST
  }

  record Entry(long candidateId, boolean fastTrack, BigDecimal organising, BigDecimal managerial, BigDecimal leadership,
      Instant testFinishedAt) {
    boolean tested() {
      return testFinishedAt != null && organising != null && managerial != null && leadership != null;
    }
  }

  record Result(long candidateId, Outcome outcome, BigDecimal composite, Integer rank) {
    boolean passed() {
      return outcome == Outcome.FAST_TRACK || outcome == Outcome.PASSED;
    }
  }

  static BigDecimal composite(Weights w, BigDecimal organising, BigDecimal managerial, BigDecimal leadership) {
    return w.organising().multiply(organising).add(w.managerial().multiply(managerial)).add(w.leadership().multiply(leadership))
        .setScale(3, RoundingMode.HALF_UP);
  }

  /** How many of {@code tested} candidates pass at the given share: rounded up, never more than all. */
  static int passCount(int tested, BigDecimal share) {
    return Math.min(tested, share.multiply(BigDecimal.valueOf(tested)).setScale(0, RoundingMode.CEILING).intValueExact());
  }

  static List<Result> cut(List<Entry> entries, Weights weights, BigDecimal passShare) {
    List<Result> results = new ArrayList<>();
    record Scored(Entry e, BigDecimal composite) {}
    List<Scored> pool = new ArrayList<>();
    for (Entry e : entries) {
      BigDecimal composite = e.tested() ? composite(weights, e.organising(), e.managerial(), e.leadership()) : null;
      if (e.fastTrack()) {
        results.add(new Result(e.candidateId(), Outcome.FAST_TRACK, composite, null));
      } else if (!e.tested()) {
        results.add(new Result(e.candidateId(), Outcome.NO_TEST, null, null));
      } else {
        pool.add(new Scored(e, composite));
      }
    }
    pool.sort(Comparator.comparing(Scored::composite, Comparator.reverseOrder())
        .thenComparing(s -> s.e().leadership(), Comparator.reverseOrder())
        .thenComparing(s -> s.e().managerial(), Comparator.reverseOrder())
        .thenComparing(s -> s.e().organising(), Comparator.reverseOrder())
        .thenComparing(s -> s.e().testFinishedAt())
        .thenComparingLong(s -> s.e().candidateId()));
    int passing = passCount(pool.size(), passShare);
    for (int i = 0; i < pool.size(); i++) {
      Scored s = pool.get(i);
      results.add(new Result(s.e().candidateId(), i < passing ? Outcome.PASSED : Outcome.NOT_IN_TOP, s.composite(), i + 1));
    }
    return results;
  }
}
