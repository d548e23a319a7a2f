package ru.kuzbass.edu.workflows.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain JDBC on the embedded MariaDB for the integration tests, whose application runs in a process
 * of its own: a count, waiting for a count, rows, an update. Each call opens its own connection, so a
 * test goes on asking while the database restarts.
 */
public final class ExternalDb {

  private ExternalDb() {}

  public static int count(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(EmbeddedMariaDb.jdbcUrl(), "root", "");
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** Waits until the count reaches {@code expected}; fails naming the count reached. */
  public static void awaitCount(String sql, int expected, Duration within) throws SQLException, InterruptedException {
    Instant deadline = Instant.now().plus(within);
    int n = 0;
    while (Instant.now().isBefore(deadline)) {
      n = count(sql);
      if (n >= expected) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError(sql + ": " + n + " of " + expected + " after " + within.toSeconds() + " s");
  }

  /** Reads one row of a query's result into what the caller needs. */
  @FunctionalInterface
  public interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /** The rows of a query, each read by {@code row}. */
  public static <T> List<T> query(String sql, Row<T> row) throws SQLException {
    try (Connection c = DriverManager.getConnection(EmbeddedMariaDb.jdbcUrl(), "root", "");
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      List<T> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(row.read(rs));
      }
      return rows;
    }
  }

  public static void update(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(EmbeddedMariaDb.jdbcUrl(), "root", "")) {
      c.createStatement().executeUpdate(sql);
    }
  }
}
