package ru.kuzbass.edu.workflows.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the engine's own history says of the cases of one run, read from its database: how many
 * reached the wait for their first yearly confirmation, how fast, and the latency of cases and jobs.
 * The same queries serve the real and the ceiling run, so both are measured alike. Cases of a run
 * are those the engine started after its {@linkplain #mark() mark}.
 */
final class CaseFigures {

  /** The wait that ends P1's part of a case: the first yearly confirmation, a year after the contract. */
  private static final String WAIT = "Event_ConfirmationDue";
  /** {@code HistoricJobLog}'s states: created and successful. */
  private static final int CREATED = 0;
  private static final int SUCCESSFUL = 2;

  /**
   * A run's figures. A case's latency runs from its start to its wait, less the time its user tasks
   * stood open (the driver's time, not the system's); a job's, from its creation to its successful
   * end: the wait in the queue, the hand-over and the work.
   */
  record Run(int cases, double casesPerSecond, long p50Millis, long p99Millis, long jobP50Millis, long jobP99Millis, int jobs) {}

  private final String db;

  CaseFigures(String db) {
    this.db = db;
  }

  /** The start of the newest case so far: cases started after it belong to the next run. */
  Timestamp mark() throws SQLException {
    try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery("SELECT MAX(START_TIME_) FROM ACT_HI_PROCINST")) {
      rs.next();
      Timestamp newest = rs.getTimestamp(1);
      return newest == null ? new Timestamp(0) : newest;
    }
  }

  /** Waits until {@code cases} cases started after {@code mark} wait for their first confirmation. */
  void awaitAtWait(Timestamp mark, int cases, Duration within) throws SQLException, InterruptedException {
    Instant deadline = Instant.now().plus(within);
    int done = 0;
    while (Instant.now().isBefore(deadline)) {
      done = atWait(mark);
      if (done >= cases) {
        return;
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(done + " of " + cases + " cases reached their first confirmation within " + within.toMinutes() + " min");
  }

  private int atWait(Timestamp mark) throws SQLException {
    try (Connection c = connect(); PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM ACT_HI_PROCINST p JOIN ACT_HI_ACTINST w "
        + "ON w.PROC_INST_ID_ = p.ID_ AND w.ACT_ID_ = '" + WAIT + "' WHERE p.START_TIME_ > ?")) {
      s.setTimestamp(1, mark);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  /** The figures of the cases started after {@code mark}; throughput from the first start to the last wait. */
  Run run(Timestamp mark) throws SQLException {
    List<Long> cases = new ArrayList<>();
    long span;
    try (Connection c = connect(); PreparedStatement s = c.prepareStatement("""
        SELECT TIMESTAMPDIFF(MICROSECOND, p.START_TIME_, w.START_TIME_) / 1000
               - COALESCE((SELECT SUM(t.DURATION_) FROM ACT_HI_TASKINST t WHERE t.PROC_INST_ID_ = p.ID_), 0),
               TIMESTAMPDIFF(MICROSECOND, MIN(p.START_TIME_) OVER (), MAX(w.START_TIME_) OVER ()) / 1000
        FROM ACT_HI_PROCINST p JOIN ACT_HI_ACTINST w ON w.PROC_INST_ID_ = p.ID_ AND w.ACT_ID_ = '%s'
        WHERE p.START_TIME_ > ?""".formatted(WAIT))) {
      s.setTimestamp(1, mark);
      try (ResultSet rs = s.executeQuery()) {
        span = 0;
        while (rs.next()) {
          cases.add(rs.getLong(1));
          span = rs.getLong(2);
        }
      }
    }
    List<Long> jobs = jobLatencies(mark);
    Collections.sort(cases);
    Collections.sort(jobs);
    return new Run(cases.size(), cases.size() * 1000.0 / Math.max(span, 1), percentile(cases, 0.5), percentile(cases, 0.99),
        percentile(jobs, 0.5), percentile(jobs, 0.99), jobs.size());
  }

  /** Creation to success of each step's job (timers left out: they wait by design), paired in Java: the log has no index on the job. */
  private List<Long> jobLatencies(Timestamp mark) throws SQLException {
    Map<String, Timestamp> created = new HashMap<>();
    List<Long> latencies = new ArrayList<>();
    try (Connection c = connect(); PreparedStatement s = c.prepareStatement("""
        SELECT j.JOB_ID_, j.JOB_STATE_, j.TIMESTAMP_ FROM ACT_HI_JOB_LOG j JOIN ACT_HI_PROCINST p ON p.ID_ = j.PROCESS_INSTANCE_ID_
        WHERE p.START_TIME_ > ? AND j.JOB_DEF_TYPE_ = 'async-continuation' AND j.JOB_STATE_ IN (%d, %d)
        ORDER BY j.TIMESTAMP_, j.JOB_STATE_""".formatted(CREATED, SUCCESSFUL))) {
      s.setTimestamp(1, mark);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          if (rs.getInt(2) == CREATED) {
            created.put(rs.getString(1), rs.getTimestamp(3));
          } else if (created.containsKey(rs.getString(1))) {
            latencies.add(Duration.between(created.get(rs.getString(1)).toInstant(), rs.getTimestamp(3).toInstant()).toMillis());
          }
        }
      }
    }
    return latencies;
  }

  /**
   * What MariaDB did, from its global status: row-lock waits, the statements it was sent and the
   * rows it read by scanning whole tables (where a missing index shows).
   */
  record DbLoad(long lockWaits, long statements, long selects, long inserts, long updates, long scannedRows) {
    private static final List<String> COUNTERS = List.of("Innodb_row_lock_waits", "Questions", "Com_select", "Com_insert", "Com_update",
        "Handler_read_rnd_next");

    DbLoad minus(DbLoad before) {
      return new DbLoad(lockWaits - before.lockWaits, statements - before.statements, selects - before.selects, inserts - before.inserts,
          updates - before.updates, scannedRows - before.scannedRows);
    }
  }

  DbLoad dbLoad() throws SQLException {
    Map<String, Long> status = new HashMap<>();
    try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN ('"
        + String.join("', '", DbLoad.COUNTERS) + "')")) {
      while (rs.next()) {
        status.put(rs.getString(1), rs.getLong(2));
      }
    }
    long[] v = DbLoad.COUNTERS.stream().mapToLong(name -> status.getOrDefault(name, 0L)).toArray();
    return new DbLoad(v[0], v[1], v[2], v[3], v[4], v[5]);
  }

  private static long percentile(List<Long> sorted, double share) {
    return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, Math.max(0, (int) Math.ceil(sorted.size() * share) - 1)));
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(db, "root", "");
  }
}
