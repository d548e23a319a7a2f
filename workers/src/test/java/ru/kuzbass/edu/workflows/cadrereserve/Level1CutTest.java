package ru.kuzbass.edu.workflows.cadrereserve;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import ru.kuzbass.edu.workflows.cadrereserve.CadreRankingModel.Entry;
import ru.kuzbass.edu.workflows.cadrereserve.CadreRankingModel.Result;
import ru.kuzbass.edu.workflows.cadrereserve.CadreReserveProperties.PassBase;
import ru.kuzbass.edu.workflows.cadrereserve.CadreReserveProperties.Weights;
import ru.kuzbass.edu.workflows.support.ProcessTest;

/** The level-1 cut in MariaDB: the share and its base, the fast track, the missing test, the tie rule, and agreement with the Java model. */
class Level1CutTest extends ProcessTest {

  static final Weights WEIGHTS = new Weights(new BigDecimal("0.3"), new BigDecimal("0.3"), new BigDecimal("0.4"));
  static final BigDecimal HALF = new BigDecimal("0.5");
  static final Instant T = Instant.parse("2027-03-01T03:00:00Z");

  @Autowired Level1Cut cut;

  @ParameterizedTest(name = "base {0}, {1} ranked, share {2}: {3} pass")
  @CsvSource({"0, 0, 0.5, 0", "1, 1, 0.5, 1", "2, 2, 0.5, 1", "3, 3, 0.5, 2", "4, 4, 0.5, 2", "5, 5, 0.5, 3", "5000, 5000, 0.5, 2500",
      "5001, 5001, 0.5, 2501", "10, 10, 0.3, 3", "10, 10, 1.0, 10", "10, 10, 0, 0",
      // the base counts everyone registered; the ranked cap it
      "100, 70, 0.5, 50", "101, 70, 0.5, 51", "99, 70, 0.5, 50", "100, 51, 0.5, 50", "100, 50, 0.5, 50", "100, 49, 0.5, 49"})
  void passCountIsTheShareOfTheBaseRoundedUpAndAtMostTheRanked(int base, int ranked, BigDecimal share, int passing) {
    assertThat(Level1Cut.passCount(base, ranked, share)).isEqualTo(passing);
  }

  /** The example of issue 16: 100 registered, 20 on the fast track, 10 untested: 50 pass by score, and the 20 besides. */
  @Test
  void halfOfAllRegisteredPassByScoreAndTheFastTrackBesides() {
    List<Entry> season = new ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      season.add(i <= 20 ? entry(i, true, 50, 50, 50, T) : i <= 30 ? new Entry(i, false, null, null, null, null)
          : entry(i, false, i, i, i, T));
    }
    SeasonRows.insert(jdbc, 2027, season);
    assertThat(cut.run(2027, WEIGHTS, HALF, PassBase.REGISTERED)).isEqualTo(new Level1Cut.Outcome(100, 70, 70));
    // the 50 best of the 70 ranked (ids 51 to 100) pass; 50 is the first below the line
    assertThat(jdbc.sql("SELECT MIN(id) FROM cadre_candidate WHERE level1_passed AND fast_track_evidence IS NULL").query(Integer.class).single())
        .isEqualTo(51);
    assertThat(jdbc.sql("SELECT level1_rank FROM cadre_candidate WHERE id = 50").query(Integer.class).single()).isEqualTo(51);

    // one more registration (untested) moves the line by one: 50.5 rounds up to 51
    SeasonRows.insert(jdbc, 2027, List.of(new Entry(101, false, null, null, null, null)));
    assertThat(cut.run(2027, WEIGHTS, HALF, PassBase.REGISTERED)).isEqualTo(new Level1Cut.Outcome(101, 70, 71));
    // the former rule, half of the ranked: 35 by score
    assertThat(cut.run(2027, WEIGHTS, HALF, PassBase.TESTED_NOT_FAST_TRACK)).isEqualTo(new Level1Cut.Outcome(101, 70, 55));
  }

  @Test
  void theBaseCannotPassMoreThanAreRanked() {
    // 10 registered, 6 on the fast track, 1 untested: half of 10 is 5, but only 3 are ranked
    List<Entry> season = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      season.add(i <= 6 ? entry(i, true, 50, 50, 50, T) : i == 7 ? new Entry(i, false, null, null, null, null) : entry(i, false, i, i, i, T));
    }
    SeasonRows.insert(jdbc, 2027, season);
    assertThat(cut.run(2027, WEIGHTS, HALF, PassBase.REGISTERED)).isEqualTo(new Level1Cut.Outcome(10, 3, 9));
    assertThat(passed()).containsEntry(7L, false).containsEntry(8L, true);
  }

  @Test
  void fastTrackPassesAndTakesNoPlaceWhileAMissingTestFails() {
    SeasonRows.insert(jdbc, 2027, List.of(
        entry(1, false, 90, 90, 90, T), entry(2, false, 80, 80, 80, T), entry(3, true, 10, 10, 10, T), entry(4, true, 0, 0, 0, null),
        new Entry(5, false, null, null, null, null), new Entry(7, false, bd(99), null, bd(99), T), entry(6, false, 70, 70, 70, T)));
    Level1Cut.Outcome outcome = cut.run(2027, WEIGHTS, HALF, PassBase.TESTED_NOT_FAST_TRACK);
    // three tested without the fast track, and the share taken of them: two pass (1.5 rounded up)
    assertThat(outcome).isEqualTo(new Level1Cut.Outcome(7, 3, 4));
    assertThat(passed()).containsExactlyInAnyOrderEntriesOf(Map.of(1L, true, 2L, true, 3L, true, 4L, true, 5L, false, 6L, false, 7L, false));
    assertThat(jdbc.sql("SELECT composite_score FROM cadre_candidate WHERE id = 1").query(BigDecimal.class).single()).isEqualByComparingTo("90.000");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM cadre_candidate WHERE level1_rank IS NOT NULL").query(Integer.class).single()).isEqualTo(3);
  }

  @Test
  void tiesAreBrokenByLeadershipThenManagerialThenOrganisingThenTheEarlierTestThenRegistration() {
    // all five have the composite 80; two places are left for them after the clear leader
    SeasonRows.insert(jdbc, 2027, List.of(
        entry(10, false, 100, 100, 100, T),
        entry(11, false, 80, 80, 80, T),                  // leadership 80
        entry(12, false, 75, 75, 87.5, T),                // leadership 87.5: first of the tied
        entry(13, false, 80, 80, 80, T.minusSeconds(60)), // same scores as 11, tested earlier
        entry(14, false, 80, 80, 80, T.minusSeconds(60)), // same as 13, registered later
        entry(15, false, 90, 70, 80, T)));                // managerial 70 ranks below 80
    cut.run(2027, WEIGHTS, HALF, PassBase.REGISTERED);
    Map<Long, Integer> rank = jdbc.sql("SELECT id, level1_rank FROM cadre_candidate").query((rs, i) -> Map.entry(rs.getLong(1), rs.getInt(2)))
        .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    assertThat(rank).containsExactlyInAnyOrderEntriesOf(Map.of(10L, 1, 12L, 2, 13L, 3, 14L, 4, 11L, 5, 15L, 6));
    assertThat(passed()).containsExactlyInAnyOrderEntriesOf(Map.of(10L, true, 12L, true, 13L, true, 14L, false, 11L, false, 15L, false));
  }

  @ParameterizedTest
  @EnumSource(PassBase.class)
  void theSqlCutAgreesWithTheJavaModelOnASeasonFullOfTies(PassBase base) {
    List<Entry> season = SeasonRows.tied(3000, 1, 42);
    SeasonRows.insert(jdbc, 2027, season);
    cut.run(2027, WEIGHTS, HALF, base);
    cut.run(2027, WEIGHTS, HALF, base); // a retried job changes nothing
    Map<Long, Result> model = CadreRankingModel.cut(season, WEIGHTS, HALF, base).stream()
        .collect(Collectors.toMap(Result::candidateId, r -> r));
    List<Map<String, Object>> rows = jdbc.sql("SELECT id, composite_score, level1_rank, level1_passed FROM cadre_candidate").query().listOfRows();
    assertThat(rows).hasSize(3000);
    for (Map<String, Object> row : rows) {
      Result expected = model.get(((Number) row.get("id")).longValue());
      assertThat(row.get("level1_rank") == null ? null : ((Number) row.get("level1_rank")).intValue()).as("rank of " + row.get("id"))
          .isEqualTo(expected.rank());
      assertThat(row.get("level1_passed")).as("passed " + row.get("id")).isEqualTo(expected.passed());
      if (expected.composite() != null) {
        assertThat((BigDecimal) row.get("composite_score")).isEqualByComparingTo(expected.composite());
      }
    }
  }

  private Map<Long, Boolean> passed() {
    return jdbc.sql("SELECT id, level1_passed FROM cadre_candidate").query((rs, i) -> Map.entry(rs.getLong(1), rs.getBoolean(2)))
        .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private static Entry entry(long id, boolean fastTrack, double organising, double managerial, double leadership, Instant finished) {
    return new Entry(id, fastTrack, bd(organising), bd(managerial), bd(leadership), finished);
  }

  private static BigDecimal bd(double v) {
    return BigDecimal.valueOf(v);
  }
}
