package ru.kuzbass.edu.workflows.cadrereserve;

import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.kuzbass.edu.workflows.cadrereserve.CadreRankingModel.Entry;
import ru.kuzbass.edu.workflows.cadrereserve.CadreReserveProperties.PassBase;
import ru.kuzbass.edu.workflows.cadrereserve.CadreReserveProperties.Weights;
import ru.kuzbass.edu.workflows.platform.UtcDateTime;
import ru.kuzbass.edu.workflows.support.EmbeddedMariaDb;

/**
 * P3: the level-1 cut of a large season in MariaDB ({@link Level1Cut}, as the season's job runs
 * it), against the naive way in the same run: load the season into Java, rank it there
 * ({@link CadreRankingModel}) and write every row back in a batch. Each in one transaction, as
 * the job does; the median of five runs after two warm-up runs each. Before every run, timed or
 * not, the season is put back as the job finds it (no scores, places or decisions yet): a re-run
 * on a cut season changes no row, and MariaDB skips unchanged rows, so it would time reading, not
 * the writing of 20,000 rows that the real cut does.
 */
public final class RankingBenchmark {
  private RankingBenchmark() {}

  public record Result(int candidates, Duration sql, Duration naive) {}

  private static final int SEASON = 2099;
  private static final Weights WEIGHTS = new Weights(new BigDecimal("0.3"), new BigDecimal("0.3"), new BigDecimal("0.4"));
  private static final BigDecimal SHARE = new BigDecimal("0.5");

  public static Result run(int candidates) {
    try (HikariDataSource db = new HikariDataSource()) {
      db.setJdbcUrl(EmbeddedMariaDb.jdbcUrl());
      db.setUsername("root");
      db.setPassword("");
      Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
      JdbcClient jdbc = JdbcClient.create(db);
      jdbc.sql("DELETE FROM cadre_candidate WHERE season = ?").param(SEASON).update();
      jdbc.sql("DELETE FROM person WHERE id >= ?").param(SEASON * 1_000_000L).update();
      SeasonRows.insert(jdbc, SEASON, SeasonRows.tied(candidates, 1, 7));
      TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(db));
      Level1Cut sql = new Level1Cut(jdbc);
      JdbcTemplate batch = new JdbcTemplate(db);
      Runnable inDatabase = () -> tx.executeWithoutResult(s -> sql.run(SEASON, WEIGHTS, SHARE, PassBase.REGISTERED));
      Runnable inJava = () -> tx.executeWithoutResult(s -> naive(jdbc, batch));
      Runnable uncut = () -> jdbc.sql("""
              UPDATE cadre_candidate SET composite_score = NULL, level1_rank = NULL, level1_passed = NULL, status = 'REGISTERED'
              WHERE season = ?""").param(SEASON).update();
      return new Result(candidates, median(inDatabase, uncut), median(inJava, uncut));
    }
  }

  /** Everything into Java, sorted there, every row written back. */
  private static void naive(JdbcClient jdbc, JdbcTemplate batch) {
    List<Entry> entries = jdbc.sql("""
            SELECT id, fast_track_evidence, organising_score, managerial_score, leadership_score, test_finished_at
            FROM cadre_candidate WHERE season = ?""").param(SEASON)
        .query((rs, i) -> {
          java.time.LocalDateTime finished = rs.getObject("test_finished_at", java.time.LocalDateTime.class);
          return new Entry(rs.getLong("id"), rs.getString("fast_track_evidence") != null, rs.getBigDecimal("organising_score"),
              rs.getBigDecimal("managerial_score"), rs.getBigDecimal("leadership_score"), finished == null ? null : UtcDateTime.fromDb(finished));
        }).list();
    List<Object[]> rows = new ArrayList<>();
    for (CadreRankingModel.Result r : CadreRankingModel.cut(entries, WEIGHTS, SHARE, PassBase.REGISTERED)) {
      rows.add(new Object[] {r.composite(), r.rank(), r.passed(), r.passed() ? "LEVEL2" : "LEVEL1_FAILED", r.candidateId()});
    }
    batch.batchUpdate("UPDATE cadre_candidate SET composite_score = ?, level1_rank = ?, level1_passed = ?, status = ? WHERE id = ?", rows);
  }

  private static Duration median(Runnable cut, Runnable uncut) {
    for (int i = 0; i < 2; i++) {
      uncut.run();
      cut.run();
    }
    List<Duration> times = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      uncut.run();
      Instant t0 = Instant.now();
      cut.run();
      times.add(Duration.between(t0, Instant.now()));
    }
    Collections.sort(times);
    return times.get(2);
  }
}
