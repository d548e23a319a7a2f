package ru.kuzbass.edu.workflows.payments;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import ru.kuzbass.edu.workflows.audit.AuditLog;
import ru.kuzbass.edu.workflows.letters.LetterService;

/**
 * The ledger of money that processes pay out or demand back. One entry per case and kind: a
 * retried job that records the same payment finds the entry already there and adds nothing.
 */
@Service
public class PaymentLedger {

  public record Entry(String caseNumber, String kind, BigDecimal amount, String basis) {}

  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final Clock clock;

  public PaymentLedger(JdbcClient jdbc, AuditLog audit, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  /** Records the entry unless the case already has one of this kind; returns the entry of record. */
  public Entry record(String caseNumber, String kind, BigDecimal amount, String basis) {
    jdbc.sql("""
            INSERT IGNORE INTO payment_ledger (case_number, kind, amount, basis, recorded_at)
            VALUES (:caseNumber, :kind, :amount, :basis, :now)""")
        .param("caseNumber", caseNumber)
        .param("kind", kind)
        .param("amount", amount)
        .param("basis", basis)
        .param("now", LocalDateTime.now(clock.withZone(ZoneOffset.UTC)))
        .update();
    Entry entry = jdbc.sql("SELECT case_number, kind, amount, basis FROM payment_ledger WHERE case_number = :caseNumber AND kind = :kind")
        .param("caseNumber", caseNumber)
        .param("kind", kind)
        .query(Entry.class)
        .single();
    String text = entry.kind() + " " + entry.amount().toPlainString() + " ₽: " + entry.basis();
    audit.append(new AuditLog.Event("ledger:" + caseNumber + ":" + kind, caseNumber, "LEDGER", "payment-ledger", null, null, null,
        entry.kind(), text, LetterService.sha256(text.getBytes(StandardCharsets.UTF_8))));
    return entry;
  }

  public List<Entry> entries(String caseNumber) {
    return jdbc.sql("SELECT case_number, kind, amount, basis FROM payment_ledger WHERE case_number = :caseNumber ORDER BY id")
        .param("caseNumber", caseNumber)
        .query(Entry.class)
        .list();
  }
}
