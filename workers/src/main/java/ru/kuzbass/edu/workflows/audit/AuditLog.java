package ru.kuzbass.edu.workflows.audit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.kuzbass.edu.workflows.letters.LetterService;
import ru.kuzbass.edu.workflows.platform.UtcDateTime;

/**
 * The append-only, hash-chained audit log. Each event is linked into two chains: the chain of its
 * case and the global chain. A link is the SHA-256 of the previous link and the event's canonical
 * text, so editing, inserting or deleting a row breaks the chain from there on, and
 * {@link #verify()} names the first broken link. Appends lock the heads of both chains (global
 * first, then the case), so concurrent appends queue and never fork a chain.
 */
@Service
public class AuditLog {

  static final String GLOBAL = "*";

  private final JdbcClient jdbc;
  private final Clock clock;

  public AuditLog(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * One audit event. {@code key} names it once and for all (a retry with the same key adds
   * nothing); {@code details} must hold no personal data; {@code digest} is the SHA-256 of the data
   * the step read and wrote.
   */
  public record Event(String key, String caseNumber, String kind, String actor, String elementId, Long processInstanceKey, Long jobKey,
      String outcome, String details, String digest) {}

  public record Stored(long id, String caseNumber, String kind, Instant occurredAt, String actor, String elementId, Long processInstanceKey,
      Long jobKey, String outcome, String details, String digest, String casePrevHash, String caseHash, String globalPrevHash,
      String globalHash) {}

  public record Verification(boolean valid, int checked, Long firstBrokenId, String chain, String problem) {}

  /**
   * Appends the event unless its key is already there. It joins the caller's transaction, so an
   * effect (a ledger entry, a letter) and its audit row are written together or not at all.
   */
  @Transactional
  public void append(Event e) {
    append(e, null);
  }

  /**
   * Appends the event with a payload kept beside it, outside the chain: the event's digest must be
   * the SHA-256 of the payload, so the payload can later be anonymised and the chain still holds.
   */
  @Transactional
  public void append(Event e, String payload) {
    Head global = lockHead(GLOBAL);
    if (contains(e.key())) {
      return;
    }
    Head ofCase = lockHead(e.caseNumber());
    // the column keeps milliseconds; the link must hash what verification will read back
    Instant at = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    String text = canonical(e.caseNumber(), e.kind(), at, e.actor(), e.elementId(), e.processInstanceKey(), e.jobKey(), e.outcome(),
        e.details(), e.digest());
    String caseHash = link(ofCase.hash(), text);
    String globalHash = link(global.hash(), text);
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO audit_event (event_key, case_number, kind, occurred_at, actor, element_id, process_instance_key, job_key, outcome,
              details, digest, case_prev_hash, case_hash, global_prev_hash, global_hash)
            VALUES (:key, :caseNumber, :kind, :at, :actor, :elementId, :pik, :jobKey, :outcome, :details, :digest, :casePrev, :caseHash,
              :globalPrev, :globalHash)""")
        .param("key", e.key()).param("caseNumber", e.caseNumber()).param("kind", e.kind()).param("at", UtcDateTime.toDb(at))
        .param("actor", e.actor()).param("elementId", e.elementId()).param("pik", e.processInstanceKey()).param("jobKey", e.jobKey())
        .param("outcome", e.outcome()).param("details", e.details()).param("digest", e.digest())
        .param("casePrev", ofCase.hash()).param("caseHash", caseHash).param("globalPrev", global.hash()).param("globalHash", globalHash)
        .update(keys);
    long id = keys.getKeyAs(Number.class).longValue();
    if (payload != null) {
      jdbc.sql("INSERT INTO audit_payload (event_key, data) VALUES (?, ?)").params(e.key(), payload).update();
    }
    moveHead(GLOBAL, id, globalHash);
    moveHead(e.caseNumber(), id, caseHash);
  }

  /** Whether an event with this key is in the log. */
  public boolean contains(String key) {
    return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE event_key = ?").param(key).query(Integer.class).single() > 0;
  }

  /**
   * Takes the global chain's lock for the rest of the caller's transaction: whatever the caller
   * reads from the log until it appends cannot change under it.
   */
  @Transactional
  public void lockGlobalChain() {
    lockHead(GLOBAL);
  }

  /** The user who completed the newest audited instance of the user task in the process instance. */
  public java.util.Optional<String> lastCompletedBy(long processInstanceKey, String elementId) {
    return jdbc.sql("""
            SELECT actor FROM audit_event WHERE kind = 'USER_TASK' AND process_instance_key = ? AND element_id = ?
            ORDER BY id DESC LIMIT 1""").params(processInstanceKey, elementId).query(String.class).optional();
  }

  /** The case a job belongs to: its {@code caseNumber} variable, or the process instance when it has none. */
  public static String caseNumberOf(io.camunda.zeebe.client.api.response.ActivatedJob job) {
    Object caseNumber = job.getVariablesAsMap().get("caseNumber");
    return caseNumber instanceof String n ? n : "PI-" + job.getProcessInstanceKey();
  }

  /** Details as the column keeps them: at most 4,000 characters; the digest covers the full text. */
  public static String fit(String details) {
    return details.length() > 4000 ? details.substring(0, 3999) + "…" : details;
  }

  /** The case's events, oldest first. */
  public List<Stored> events(String caseNumber) {
    return jdbc.sql("SELECT * FROM audit_event WHERE case_number = ? ORDER BY id").param(caseNumber).query(AuditLog::map).list();
  }

  /**
   * Walks the global chain from the first row and every case chain, recomputing each link. Names the
   * first row whose stored links do not match: an edited row, a row inserted out of the chain, or
   * the row after a deleted one.
   */
  @Transactional(readOnly = true)
  public Verification verify() {
    String previousGlobal = null;
    Map<String, String> previousOfCase = new java.util.HashMap<>();
    int checked = 0;
    List<Stored> page;
    long after = 0;
    do {
      page = jdbc.sql("SELECT * FROM audit_event WHERE id > ? ORDER BY id LIMIT 1000").param(after).query(AuditLog::map).list();
      for (Stored s : page) {
        String text = canonical(s.caseNumber(), s.kind(), s.occurredAt(), s.actor(), s.elementId(), s.processInstanceKey(), s.jobKey(),
            s.outcome(), s.details(), s.digest());
        if (!java.util.Objects.equals(s.globalPrevHash(), previousGlobal) || !link(previousGlobal, text).equals(s.globalHash())) {
          return new Verification(false, checked, s.id(), "global", "Связь с предыдущей записью нарушена или запись изменена");
        }
        String previousCase = previousOfCase.get(s.caseNumber());
        if (!java.util.Objects.equals(s.casePrevHash(), previousCase) || !link(previousCase, text).equals(s.caseHash())) {
          return new Verification(false, checked, s.id(), s.caseNumber(), "Связь с предыдущей записью дела нарушена или запись изменена");
        }
        previousGlobal = s.globalHash();
        previousOfCase.put(s.caseNumber(), s.caseHash());
        checked++;
        after = s.id();
      }
    } while (!page.isEmpty());
    String head = jdbc.sql("SELECT last_hash FROM audit_chain_head WHERE chain = ?").param(GLOBAL).query(String.class).optional().orElse(null);
    if (!java.util.Objects.equals(head, previousGlobal)) {
      return new Verification(false, checked, null, "global", "Последние записи журнала удалены: цепочка короче, чем её вершина");
    }
    return new Verification(true, checked, null, null, null);
  }

  private record Head(String hash) {}

  /**
   * Locks a chain's head, creating it on the chain's first event. The global head is always locked
   * first (its row comes with the migration), so a case's head is created while no other append
   * runs. Only a missing row is inserted: INSERT IGNORE on an existing one takes a shared lock that
   * two appenders would then both try to raise, a deadlock.
   */
  private Head lockHead(String chain) {
    String hash = jdbc.sql("SELECT last_hash FROM audit_chain_head WHERE chain = ? FOR UPDATE").param(chain).query(String.class)
        .optional().orElse(null);
    if (hash == null) {
      jdbc.sql("INSERT IGNORE INTO audit_chain_head (chain, last_id, last_hash) VALUES (?, 0, '')").param(chain).update();
      hash = jdbc.sql("SELECT last_hash FROM audit_chain_head WHERE chain = ? FOR UPDATE").param(chain).query(String.class).single();
    }
    return new Head(hash.isEmpty() ? null : hash);
  }

  private void moveHead(String chain, long id, String hash) {
    jdbc.sql("UPDATE audit_chain_head SET last_id = ?, last_hash = ? WHERE chain = ?").params(id, hash, chain).update();
  }

  static String link(String previous, String text) {
    return LetterService.sha256(((previous == null ? "" : previous) + "\n" + text).getBytes(StandardCharsets.UTF_8));
  }

  /** The event as one line of text, fields in a fixed order; what the links hash. */
  static String canonical(String caseNumber, String kind, Instant at, String actor, String elementId, Long pik, Long jobKey, String outcome,
      String details, String digest) {
    List<String> fields = new ArrayList<>();
    for (Object f : new Object[] {caseNumber, kind, at.toString(), actor, elementId, pik, jobKey, outcome, details, digest}) {
      fields.add(f == null ? "" : f.toString().replace("\\", "\\\\").replace("|", "\\|"));
    }
    return String.join("|", fields);
  }

  private static Stored map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Stored(rs.getLong("id"), rs.getString("case_number"), rs.getString("kind"),
        UtcDateTime.fromDb(rs.getObject("occurred_at", LocalDateTime.class)), rs.getString("actor"), rs.getString("element_id"),
        (Long) rs.getObject("process_instance_key", Long.class), (Long) rs.getObject("job_key", Long.class), rs.getString("outcome"),
        rs.getString("details"), rs.getString("digest"), rs.getString("case_prev_hash"), rs.getString("case_hash"),
        rs.getString("global_prev_hash"), rs.getString("global_hash"));
  }
}
