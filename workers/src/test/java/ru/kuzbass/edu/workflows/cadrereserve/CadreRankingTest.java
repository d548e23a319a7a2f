package ru.kuzbass.edu.workflows.cadrereserve;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.kuzbass.edu.workflows.cadrereserve.CadreRanking.Entry;
import ru.kuzbass.edu.workflows.cadrereserve.CadreRanking.Outcome;
import ru.kuzbass.edu.workflows.cadrereserve.CadreRanking.Result;
import ru.kuzbass.edu.workflows.cadrereserve.CadreReserveProperties.Weights;

/** The level-1 cut: the share, the composite, the fast track, the missing test and the tie rule. */
class CadreRankingTest {

  static final Weights WEIGHTS = new Weights(new BigDecimal("0.3"), new BigDecimal("0.3"), new BigDecimal("0.4"));
  static final BigDecimal HALF = new BigDecimal("0.5");
  static final Instant T = Instant.parse("2027-03-01T03:00:00Z");

  @ParameterizedTest(name = "{0} tested at share {1}: {2} pass")
  @CsvSource({"0, 0.5, 0", "1, 0.5, 1", "2, 0.5, 1", "3, 0.5, 2", "4, 0.5, 2", "5, 0.5, 3", "5000, 0.5, 2500", "5001, 0.5, 2501",
      "10, 0.3, 3", "10, 1.0, 10", "10, 0, 0"})
  void passCountIsTheShareRoundedUp(int tested, BigDecimal share, int passing) {
    assertThat(CadreRanking.passCount(tested, share)).isEqualTo(passing);
  }

  @Test
  void theCompositeWeighsTheThreeScales() {
    assertThat(CadreRanking.composite(WEIGHTS, bd(80), bd(70), bd(90))).isEqualByComparingTo("81.000");
  }

  @Test
  void fastTrackPassesAndTakesNoPlaceWhileAMissingTestFails() {
    List<Result> results = CadreRanking.cut(List.of(
        entry(1, false, 90, 90, 90, T), entry(2, false, 80, 80, 80, T), entry(3, true, 10, 10, 10, T), entry(4, true, 0, 0, 0, null),
        new Entry(5, false, null, null, null, null), entry(6, false, 70, 70, 70, T)), WEIGHTS, HALF);
    Map<Long, Outcome> outcome = results.stream().collect(Collectors.toMap(Result::candidateId, Result::outcome));
    // three tested without the fast track: two pass (1.5 rounded up)
    assertThat(outcome).containsEntry(1L, Outcome.PASSED).containsEntry(2L, Outcome.PASSED).containsEntry(6L, Outcome.NOT_IN_TOP)
        .containsEntry(3L, Outcome.FAST_TRACK).containsEntry(4L, Outcome.FAST_TRACK).containsEntry(5L, Outcome.NO_TEST);
  }

  @Test
  void tiesAreBrokenByLeadershipThenManagerialThenOrganisingThenTheEarlierTestThenRegistration() {
    // all five have the composite 80; one place is left for them after the clear leader
    List<Result> results = CadreRanking.cut(List.of(
        entry(10, false, 100, 100, 100, T),
        entry(11, false, 80, 80, 80, T),               // leadership 80
        entry(12, false, 75, 75, 87.5, T),             // leadership 87.5: first of the tied
        entry(13, false, 80, 80, 80, T.minusSeconds(60)), // same scores as 11, tested earlier
        entry(14, false, 80, 80, 80, T.minusSeconds(60)), // same as 13, registered later
        entry(15, false, 90, 70, 80, T)),             // managerial 70 ranks below 80
        WEIGHTS, HALF);
    Map<Long, Integer> rank = results.stream().collect(Collectors.toMap(Result::candidateId, Result::rank));
    assertThat(rank).containsExactlyInAnyOrderEntriesOf(Map.of(10L, 1, 12L, 2, 13L, 3, 14L, 4, 11L, 5, 15L, 6));
    assertThat(results.stream().filter(Result::passed).map(Result::candidateId)).containsExactlyInAnyOrder(10L, 12L, 13L);
  }

  @Test
  void theCutIsTheSameWhateverTheOrderOfTheRows() {
    List<Entry> entries = List.of(entry(1, false, 50, 50, 50, T), entry(2, false, 50, 50, 50, T), entry(3, false, 50, 50, 50, T));
    List<Entry> reversed = List.of(entries.get(2), entries.get(1), entries.get(0));
    assertThat(passed(CadreRanking.cut(entries, WEIGHTS, HALF))).isEqualTo(passed(CadreRanking.cut(reversed, WEIGHTS, HALF)))
        .containsExactlyInAnyOrder(1L, 2L);
  }

  private static List<Long> passed(List<Result> results) {
    return results.stream().filter(Result::passed).map(Result::candidateId).sorted().toList();
  }

  private static Entry entry(long id, boolean fastTrack, double organising, double managerial, double leadership, Instant finished) {
    return new Entry(id, fastTrack, bd(organising), bd(managerial), bd(leadership), finished);
  }

  private static BigDecimal bd(double v) {
    return BigDecimal.valueOf(v);
  }
}
