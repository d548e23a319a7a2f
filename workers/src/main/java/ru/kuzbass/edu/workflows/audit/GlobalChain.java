package ru.kuzbass.edu.workflows.audit;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Links the audit log's rows into the global chain, a batch at a time, shortly after they were
 * appended. An append links only its case's chain, under its case's lock: one global lock taken by
 * every append made all the system's steps queue for each other (docs/benchmarks.md). Rows join
 * the global chain in the order they are found committed, and {@code global_seq} keeps that order;
 * until then a row is guarded by its case's chain and head. Linking locks the global head, so two
 * instances of the application never fork the chain.
 */
@Component
public class GlobalChain {

  private static final Logger log = LoggerFactory.getLogger(GlobalChain.class);

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final TransactionTemplate transaction;
  private final int batchSize;

  public GlobalChain(JdbcClient jdbc, JdbcTemplate batch, PlatformTransactionManager transactions,
      @Value("${workflows.audit.global-chain.batch-size}") int batchSize) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.transaction = new TransactionTemplate(transactions);
    // its own transaction, also when a caller has one: the links must be committed before anyone verifies them
    this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    // each read sees what the last holder of the global head committed: a repeatable-read snapshot
    // taken before that lock was granted would offer rows another linker has linked since
    this.transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    this.batchSize = batchSize;
  }

  /** Links every row appended so far, a batch per transaction. */
  public void linkPending() {
    // an idle log is not written to every second
    if (jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE global_seq IS NULL").query(Integer.class).single() == 0) {
      return;
    }
    int linked;
    do {
      linked = transaction.execute(status -> linkBatch());
    } while (linked == batchSize);
  }

  @Scheduled(fixedDelayString = "${workflows.audit.global-chain.link-every}")
  void linkInBackground() {
    try {
      linkPending();
    } catch (DataAccessException | TransactionException e) {
      // the database away: the rows wait in their case chains, and a later round links them
      log.warn("The audit log's global chain could not be extended now: {}", e.getMessage());
    }
  }

  private int linkBatch() {
    AuditLog.Head head = AuditLog.lockHead(jdbc, AuditLog.GLOBAL);
    List<AuditLog.Stored> rows = jdbc.sql("SELECT * FROM audit_event WHERE global_seq IS NULL ORDER BY id LIMIT ?").param(batchSize)
        .query(AuditLog::map).list();
    if (rows.isEmpty()) {
      return 0;
    }
    long seq = head.lastId();
    String previous = head.hash();
    List<Object[]> links = new ArrayList<>();
    for (AuditLog.Stored row : rows) {
      String hash = AuditLog.link(previous, AuditLog.canonical(row));
      links.add(new Object[] {++seq, previous, hash, row.id()});
      previous = hash;
    }
    batch.batchUpdate("UPDATE audit_event SET global_seq = ?, global_prev_hash = ?, global_hash = ? WHERE id = ?", links);
    jdbc.sql("UPDATE audit_chain_head SET last_id = ?, last_hash = ? WHERE chain = ?").params(seq, previous, AuditLog.GLOBAL).update();
    return rows.size();
  }

}
