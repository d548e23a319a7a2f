package ru.kuzbass.edu.workflows.cadrereserve;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ru.kuzbass.edu.workflows.cadrereserve.CadreReserveProperties.Weights;

/**
 * The cut after level 1, done where the data is: three statements over the season's rows in
 * MariaDB, whatever the size of the season (a season of 20,000 is cut in well under a second; see
 * docs/benchmarks.md, P3).
 *
 * <p>The rule. Candidates on the fast track pass whatever their score and take no place in the
 * ranking. The others who finished the test are ranked by the composite score
 * {@code organising × w1 + managerial × w2 + leadership × w3}, rounded half up to three decimals;
 * the top {@code passShare} of them pass, rounded up (of 5 tested, 3 pass at 0.5). Who did not
 * finish the test does not pass. Ties are broken in this order, each step only where the one
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

  record Outcome(int candidates, int tested, int passed) {}

  /** How many of {@code tested} candidates pass at the given share: rounded up, never more than all. */
  static int passCount(int tested, BigDecimal share) {
    return Math.min(tested, share.multiply(BigDecimal.valueOf(tested)).setScale(0, RoundingMode.CEILING).intValueExact());
  }

  /** Ranks and cuts the season; run inside the caller's transaction, and safe to run again. */
  Outcome run(int season, Weights w, BigDecimal passShare) {
    jdbc.sql("""
            UPDATE cadre_candidate
            SET composite_score = IF(test_finished_at IS NULL OR organising_score IS NULL OR managerial_score IS NULL
                                     OR leadership_score IS NULL, NULL,
                                     ROUND(:wo * organising_score + :wm * managerial_score + :wl * leadership_score, 3)),
                level1_rank = NULL
            WHERE season = :season""")
        .param("wo", w.organising()).param("wm", w.managerial()).param("wl", w.leadership()).param("season", season).update();
    int tested = jdbc.sql("""
            UPDATE cadre_candidate c JOIN (
              SELECT id, ROW_NUMBER() OVER (ORDER BY composite_score DESC, leadership_score DESC, managerial_score DESC,
                                                     organising_score DESC, test_finished_at, id) AS place
              FROM cadre_candidate
              WHERE season = :season AND fast_track_evidence IS NULL AND composite_score IS NOT NULL) ranked ON ranked.id = c.id
            SET c.level1_rank = ranked.place""")
        .param("season", season).update();
    int passing = passCount(tested, passShare);
    // MariaDB assigns left to right, so status reads the level1_passed just set
    int candidates = jdbc.sql("""
            UPDATE cadre_candidate
            SET level1_passed = (fast_track_evidence IS NOT NULL OR COALESCE(level1_rank <= :passing, FALSE)),
                status = IF(level1_passed, 'LEVEL2', 'LEVEL1_FAILED')
            WHERE season = :season""")
        .param("passing", passing).param("season", season).update();
    int passed = jdbc.sql("SELECT COUNT(*) FROM cadre_candidate WHERE season = ? AND level1_passed").param(season)
        .query(Integer.class).single();
    return new Outcome(candidates, tested, passed);
  }
}
