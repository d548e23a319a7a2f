package ru.kuzbass.edu.workflows.cadrereserve;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import ru.kuzbass.edu.workflows.cadrereserve.CadreReserveProperties.PassBase;
import ru.kuzbass.edu.workflows.cadrereserve.CadreReserveProperties.Weights;

/**
 * The level-1 cut the naive way, as a readable model of the rule in {@link Level1Cut}: load the
 * season into Java, sort it with the tie rule, draw the line. The tests check the SQL against it,
 * and the benchmark (P3) times it against the SQL.
 */
public final class CadreRankingModel {
  private CadreRankingModel() {}

  public enum Outcome {
    FAST_TRACK, PASSED, NOT_IN_TOP, NO_TEST
  }

  public record Entry(long candidateId, boolean fastTrack, BigDecimal organising, BigDecimal managerial, BigDecimal leadership,
      Instant testFinishedAt) {
    public boolean tested() {
      return testFinishedAt != null && organising != null && managerial != null && leadership != null;
    }
  }

  public record Result(long candidateId, Outcome outcome, BigDecimal composite, Integer rank) {
    public boolean passed() {
      return outcome == Outcome.FAST_TRACK || outcome == Outcome.PASSED;
    }
  }

  public static BigDecimal composite(Weights w, BigDecimal organising, BigDecimal managerial, BigDecimal leadership) {
    return w.organising().multiply(organising).add(w.managerial().multiply(managerial)).add(w.leadership().multiply(leadership))
        .setScale(3, RoundingMode.HALF_UP);
  }

  public static List<Result> cut(List<Entry> entries, Weights weights, BigDecimal passShare, PassBase base) {
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
    int passing = Level1Cut.passCount(base == PassBase.REGISTERED ? entries.size() : pool.size(), pool.size(), passShare);
    for (int i = 0; i < pool.size(); i++) {
      Scored s = pool.get(i);
      results.add(new Result(s.e().candidateId(), i < passing ? Outcome.PASSED : Outcome.NOT_IN_TOP, s.composite(), i + 1));
    }
    return results;
  }
}
