package ru.kuzbass.edu.workflows.mentorbonus;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The yearly budget envelopes. A reservation takes money only by a single conditional update
 * ({@code reserved + amount <= total}), so approvals that run at the same moment can never take
 * more than the envelope holds; the table's CHECK is the last guard.
 */
@Component
public class BudgetEnvelopes {

  private static final Logger log = LoggerFactory.getLogger(BudgetEnvelopes.class);

  public enum Outcome { RESERVED, INSUFFICIENT }

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final MentoringProperties properties;
  private final Clock clock;

  public BudgetEnvelopes(JdbcClient jdbc, TransactionTemplate transaction, MentoringProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.properties = properties;
    this.clock = clock;
  }

  /** Brings the configured totals into the table; what is reserved stays. */
  @EventListener(ApplicationReadyEvent.class)
  public void loadConfiguredTotals() {
    properties.envelopes().forEach((year, sources) -> sources.forEach((source, total) -> {
      jdbc.sql("""
              INSERT INTO budget_envelope (budget_year, funding_source, total_amount) VALUES (?, ?, ?)
              ON DUPLICATE KEY UPDATE total_amount = GREATEST(VALUES(total_amount), reserved_amount)""")
          .params(year, source, total).update();
      log.info("Budget envelope {} {}: {}", year, source, total);
    }));
  }

  /**
   * Reserves the amount for the nomination once; a second call finds the reservation. The
   * envelope row is locked first (the conditional update), so concurrent reservations queue on
   * it instead of deadlocking on the reservation's foreign key.
   */
  public Outcome reserve(long nominationId, int year, String source, BigDecimal amount) {
    try {
      return transaction.execute(status -> {
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM budget_reservation WHERE nomination_id = ?").param(nominationId)
            .query(Integer.class).single() > 0;
        if (exists) {
          return Outcome.RESERVED;
        }
        int taken = jdbc.sql("""
                UPDATE budget_envelope SET reserved_amount = reserved_amount + :amount
                WHERE budget_year = :year AND funding_source = :source AND reserved_amount + :amount <= total_amount""")
            .param("amount", amount).param("year", year).param("source", source).update();
        if (taken == 0) {
          return Outcome.INSUFFICIENT;
        }
        jdbc.sql("""
                INSERT INTO budget_reservation (nomination_id, budget_year, funding_source, amount, reserved_at)
                VALUES (?, ?, ?, ?, ?)""")
            .params(nominationId, year, source, amount, now()).update();
        return Outcome.RESERVED;
      });
    } catch (DuplicateKeyException concurrentRetry) {
      // The same nomination was reserved by a parallel delivery of its job; this transaction rolled back.
      return Outcome.RESERVED;
    }
  }

  /** Returns what was reserved but not paid out, once. */
  @Transactional
  public BigDecimal release(long nominationId, BigDecimal paidOut) {
    Map<String, Object> r = jdbc.sql("SELECT * FROM budget_reservation WHERE nomination_id = ? FOR UPDATE").param(nominationId)
        .query().listOfRows().stream().findFirst().orElse(null);
    if (r == null || r.get("released_at") != null) {
      return r == null ? BigDecimal.ZERO : (BigDecimal) r.get("released_amount");
    }
    BigDecimal unused = ((BigDecimal) r.get("amount")).subtract(paidOut).max(BigDecimal.ZERO);
    jdbc.sql("UPDATE budget_reservation SET released_amount = ?, released_at = ? WHERE nomination_id = ?")
        .params(unused, now(), nominationId).update();
    jdbc.sql("UPDATE budget_envelope SET reserved_amount = reserved_amount - ? WHERE budget_year = ? AND funding_source = ?")
        .params(unused, r.get("budget_year"), r.get("funding_source")).update();
    return unused;
  }

  public BigDecimal reserved(int year, String source) {
    return jdbc.sql("SELECT COALESCE(MAX(reserved_amount), 0) FROM budget_envelope WHERE budget_year = ? AND funding_source = ?")
        .params(year, source).query(BigDecimal.class).single();
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
  }
}
