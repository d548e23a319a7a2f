package ru.kuzbass.edu.workflows.cadrereserve;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ru.kuzbass.edu.workflows.cadrereserve.CadreReserveProperties.PassBase;
import ru.kuzbass.edu.workflows.cadrereserve.CadreReserveProperties.Weights;

/**
 * The cut after level 1, done where the data is: one count and one UPDATE over the season's rows
 * in MariaDB, whatever the size of the season (a season of 20,000 is cut in about half a second;
 * see docs/benchmarks.md, P3).
 *
 * <p>The rule. Candidates on the fast track pass whatever their score and take no place in the
 * ranking. The others who finished the test are ranked by the composite score
 * {@code organising × w1 + managerial × w2 + leadership × w3}, rounded half up to three decimals.
 * How many of them pass is {@code passShare} of the base ({@link PassBase}: by default every
 * registered participant of the season, fast track and untested included, as the programme counts
 * «от общего количества участников»), rounded up, and never more than are ranked: of 100
 * registered, 20 on the fast track and 10 untested, 50 pass by score and the 20 besides. Who did
 * not finish the test does not pass. Ties are broken in this order, each step only where the one
 * before is equal: the composite, then leadership, then managerial potential, then organising
 * ability (all higher first), then the earlier finished test, then the earlier registration
 * (lower candidate id). The order is total, so the line falls in the same place every time.
 */
@Repository
class Level1Cut {

  private final JdbcClient jdbc;

  Level1Cut(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @param candidates every registered candidate of the season
   * @param tested     the ranked ones: tested, not on the fast track
   * @param passed     all who pass, by score and by the fast track
   */
  record Outcome(int candidates, int tested, int passed) {}

  /**
   * How many ranked candidates pass: the share of the base, rounded up (half a place is a place:
   * the programme says «50%», and rounding up never passes fewer than half), never more than are ranked.
   */
  static int passCount(int base, int ranked, BigDecimal share) {
    return Math.min(ranked, share.multiply(BigDecimal.valueOf(base)).setScale(0, RoundingMode.CEILING).intValueExact());
  }

  /** A candidate finished the test: the time and all three scores are in. */
  private static final String TESTED =
      "test_finished_at IS NOT NULL AND organising_score IS NOT NULL AND managerial_score IS NOT NULL AND leadership_score IS NOT NULL";

  /**
   * Ranks and cuts the season; run inside the caller's transaction, and safe to run again.
   *
   * <p>Every row is written once, in one statement: writing 20,000 rows was the cost, and the
   * earlier three statements (composite, then place, then the line) wrote most rows three times
   * (docs/benchmarks.md, P3). The derived table scores and places the whole season first;
   * STRAIGHT_JOIN keeps the candidate table first in the join, so MariaDB updates each row as it
   * reads it instead of collecting row ids in a temporary table and visiting them again.
   */
  Outcome run(int season, Weights w, BigDecimal passShare, PassBase base) {
    record Counts(int registered, int tested) {}
    Counts counts = jdbc.sql("SELECT COUNT(*), COALESCE(SUM(fast_track_evidence IS NULL AND " + TESTED + "), 0) FROM cadre_candidate WHERE season = ?")
        .param(season).query((rs, i) -> new Counts(rs.getInt(1), rs.getInt(2))).single();
    int passing = passCount(base == PassBase.REGISTERED ? counts.registered() : counts.tested(), counts.tested(), passShare);
    int candidates = jdbc.sql("""
            UPDATE cadre_candidate c STRAIGHT_JOIN (
              SELECT id, composite, place, fast_track OR COALESCE(place <= :passing, FALSE) AS passed
              FROM (
                SELECT id, composite, fast_track,
                       IF(ranked, ROW_NUMBER() OVER (PARTITION BY ranked ORDER BY composite DESC, leadership_score DESC,
                                                     managerial_score DESC, organising_score DESC, test_finished_at, id), NULL) AS place
                FROM (
                  SELECT id, fast_track_evidence IS NOT NULL AS fast_track, fast_track_evidence IS NULL AND %1$s AS ranked,
                         IF(%1$s, ROUND(:wo * organising_score + :wm * managerial_score + :wl * leadership_score, 3), NULL) AS composite,
                         leadership_score, managerial_score, organising_score, test_finished_at
                  FROM cadre_candidate WHERE season = :season) scored) placed) cut ON cut.id = c.id
            SET c.composite_score = cut.composite, c.level1_rank = cut.place, c.level1_passed = cut.passed,
                c.status = IF(cut.passed, 'LEVEL2', 'LEVEL1_FAILED')
            WHERE c.season = :season""".formatted(TESTED))
        .param("wo", w.organising()).param("wm", w.managerial()).param("wl", w.leadership()).param("passing", passing)
        .param("season", season).update();
    int passed = jdbc.sql("SELECT COUNT(*) FROM cadre_candidate WHERE season = ? AND level1_passed").param(season)
        .query(Integer.class).single();
    return new Outcome(candidates, counts.tested(), passed);
  }
}
