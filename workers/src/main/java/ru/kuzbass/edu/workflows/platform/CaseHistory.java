package ru.kuzbass.edu.workflows.platform;

import static ru.kuzbass.edu.workflows.platform.UtcDateTime.fromDb;
import static ru.kuzbass.edu.workflows.platform.UtcDateTime.toDb;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The history of every case, of every process, in one table: each step once, in order. A step is
 * named by its key; recording the same key again (a retried job) changes nothing.
 */
@Repository
public class CaseHistory {

  /** One step: {@code status} is the process's own status name. */
  public record Event(String key, String status, String details, Instant occurredAt) {}

  private final JdbcClient jdbc;

  public CaseHistory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records the step unless it is already recorded; returns whether it was new. */
  public boolean record(String caseNumber, String key, String status, String details, Instant at) {
    return jdbc.sql("""
            INSERT IGNORE INTO case_event (case_number, event_key, status, details, occurred_at)
            VALUES (:caseNumber, :key, :status, :details, :at)""")
        .param("caseNumber", caseNumber).param("key", key).param("status", status)
        .param("details", details).param("at", toDb(at))
        .update() > 0;
  }

  public Optional<Event> find(String caseNumber, String key) {
    return jdbc.sql("SELECT * FROM case_event WHERE case_number = :caseNumber AND event_key = :key")
        .param("caseNumber", caseNumber).param("key", key).query(CaseHistory::map).optional();
  }

  public List<Event> events(String caseNumber) {
    return jdbc.sql("SELECT * FROM case_event WHERE case_number = :caseNumber ORDER BY occurred_at, id")
        .param("caseNumber", caseNumber).query(CaseHistory::map).list();
  }

  private static Event map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Event(rs.getString("event_key"), rs.getString("status"), rs.getString("details"),
        fromDb(rs.getObject("occurred_at", LocalDateTime.class)));
  }
}
