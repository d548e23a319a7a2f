package ru.kuzbass.edu.workflows.audit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import ru.kuzbass.edu.workflows.letters.LetterService;
import ru.kuzbass.edu.workflows.platform.UtcDateTime;

/**
 * The append-only, hash-chained audit log. Each event is linked into two chains: the chain of its
 * case and the global chain. A link is the SHA-256 of the previous link and the event's canonical
 * text, so editing, inserting or deleting a row breaks the chain from there on, and
 * {@link #verify()} names the first broken link. An append locks its case's head, so the appends of
 * one case queue and never fork its chain, while other cases go on; {@link GlobalChain} links the
 * new rows into the global chain in batches shortly after.
 */
@Service
public class AuditLog {

  static final String GLOBAL = "*";

  private final JdbcClient jdbc;
  private final Clock clock;
  private final GlobalChain globalChain;
  private final TransactionTemplate readOnly;

  public AuditLog(JdbcClient jdbc, Clock clock, GlobalChain globalChain, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.globalChain = globalChain;
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
  }

  /**
   * One audit event. {@code key} names it once and for all (a retry with the same key adds
   * nothing); {@code details} must hold no personal data; {@code digest} is the SHA-256 of the data
   * the step read and wrote.
   */
  public record Event(String key, String caseNumber, String kind, String actor, String elementId, Long processInstanceKey, Long jobKey,
      String outcome, String details, String digest) {}

  /** A stored event; its global links are null until {@link GlobalChain} has linked it. */
  public record Stored(long id, String caseNumber, String kind, Instant occurredAt, String actor, String elementId, Long processInstanceKey,
      Long jobKey, String outcome, String details, String digest, String casePrevHash, String caseHash, Long globalSeq,
      String globalPrevHash, String globalHash) {}

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
    Head ofCase = lockHead(jdbc, e.caseNumber());
    if (contains(e.key())) {
      return;
    }
    // the column keeps milliseconds; the link must hash what verification will read back
    Instant at = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    String caseHash = link(ofCase.hash(), canonical(e.caseNumber(), e.kind(), at, e.actor(), e.elementId(), e.processInstanceKey(),
        e.jobKey(), e.outcome(), e.details(), e.digest()));
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO audit_event (event_key, case_number, kind, occurred_at, actor, element_id, process_instance_key, job_key, outcome,
              details, digest, case_prev_hash, case_hash)
            VALUES (:key, :caseNumber, :kind, :at, :actor, :elementId, :pik, :jobKey, :outcome, :details, :digest, :casePrev, :caseHash)""")
        .param("key", e.key()).param("caseNumber", e.caseNumber()).param("kind", e.kind()).param("at", UtcDateTime.toDb(at))
        .param("actor", e.actor()).param("elementId", e.elementId()).param("pik", e.processInstanceKey()).param("jobKey", e.jobKey())
        .param("outcome", e.outcome()).param("details", e.details()).param("digest", e.digest())
        .param("casePrev", ofCase.hash()).param("caseHash", caseHash)
        .update(keys);
    long id = keys.getKeyAs(Number.class).longValue();
    if (payload != null) {
      jdbc.sql("INSERT INTO audit_payload (event_key, data) VALUES (?, ?)").params(e.key(), payload).update();
    }
    jdbc.sql("UPDATE audit_chain_head SET last_id = ?, last_hash = ? WHERE chain = ?").params(id, caseHash, e.caseNumber()).update();
  }

  /** Whether an event with this key is in the log. */
  public boolean contains(String key) {
    return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE event_key = ?").param(key).query(Integer.class).single() > 0;
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
   * Links every row appended so far into the global chain, then walks every case chain (in the
   * order of ids) and the global chain (in its own order), recomputing each link, and compares each
   * chain's end with its head. Names the first row, by id, whose stored links do not match: an
   * edited row, a row inserted out of its chains, or the row after a deleted one; or the chain
   * whose last rows were cut off.
   */
  public Verification verify() {
    globalChain.linkPending();
    return readOnly.execute(status -> walk());
  }

  private record Break(long id, String chain, String problem) {}

  private Verification walk() {
    Map<String, String> lastOfCase = new HashMap<>();
    Break ofCase = walkCaseChains(lastOfCase);
    String[] lastGlobal = new String[1];
    Break global = walkGlobalChain(lastGlobal);
    Break first = ofCase == null ? global : global == null || ofCase.id() <= global.id() ? ofCase : global;
    if (first != null) {
      int checked = jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE id < ?").param(first.id()).query(Integer.class).single();
      return new Verification(false, checked, first.id(), first.chain(), first.problem());
    }
    int checked = jdbc.sql("SELECT COUNT(*) FROM audit_event").query(Integer.class).single();
    Map<String, String> heads = new HashMap<>();
    jdbc.sql("SELECT chain, last_hash FROM audit_chain_head").query((java.sql.ResultSet rs) -> {
      heads.put(rs.getString("chain"), rs.getString("last_hash").isEmpty() ? null : rs.getString("last_hash"));
    });
    if (!Objects.equals(heads.get(GLOBAL), lastGlobal[0])) {
      return new Verification(false, checked, null, "global", "Последние записи журнала удалены: цепочка короче, чем её вершина");
    }
    heads.remove(GLOBAL);
    for (String caseNumber : union(heads.keySet(), lastOfCase.keySet())) {
      if (!Objects.equals(heads.get(caseNumber), lastOfCase.get(caseNumber))) {
        return new Verification(false, checked, null, caseNumber,
            "Последние записи дела удалены или вершина его цепочки изменена: цепочка дела не сходится с её вершиной");
      }
    }
    return new Verification(true, checked, null, null, null);
  }

  /** The first break in any case chain, by id; fills in each case's last link on the way. */
  private Break walkCaseChains(Map<String, String> lastOfCase) {
    long after = 0;
    List<Stored> page;
    do {
      page = jdbc.sql("SELECT * FROM audit_event WHERE id > ? ORDER BY id LIMIT 1000").param(after).query(AuditLog::map).list();
      for (Stored s : page) {
        String previous = lastOfCase.get(s.caseNumber());
        if (!Objects.equals(s.casePrevHash(), previous) || !link(previous, canonical(s)).equals(s.caseHash())) {
          return new Break(s.id(), s.caseNumber(), "Связь с предыдущей записью дела нарушена или запись изменена");
        }
        lastOfCase.put(s.caseNumber(), s.caseHash());
        after = s.id();
      }
    } while (!page.isEmpty());
    return null;
  }

  /** The first break in the global chain, walked in its own order; leaves its last link in {@code last[0]}. */
  private Break walkGlobalChain(String[] last) {
    long after = 0;
    List<Stored> page;
    do {
      page = jdbc.sql("SELECT * FROM audit_event WHERE global_seq > ? ORDER BY global_seq LIMIT 1000").param(after).query(AuditLog::map)
          .list();
      for (Stored s : page) {
        if (!Objects.equals(s.globalPrevHash(), last[0]) || !link(last[0], canonical(s)).equals(s.globalHash())) {
          return new Break(s.id(), "global", "Связь с предыдущей записью нарушена или запись изменена");
        }
        last[0] = s.globalHash();
        after = s.globalSeq();
      }
    } while (!page.isEmpty());
    return null;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return all;
  }

  /** A chain's head: the id (for the global chain, the place) and the link of its last row. */
  record Head(long lastId, String hash) {}

  /**
   * Locks a chain's head for the rest of the transaction, creating it on the chain's first event.
   * The insert comes first and, on a head that exists, takes its row's exclusive lock at once: a
   * locking read of a missing row would take a gap lock that two first appends of one case could
   * both hold and then both wait on, a deadlock.
   */
  static Head lockHead(JdbcClient jdbc, String chain) {
    jdbc.sql("INSERT INTO audit_chain_head (chain, last_id, last_hash) VALUES (?, 0, '') ON DUPLICATE KEY UPDATE last_id = last_id")
        .param(chain).update();
    return jdbc.sql("SELECT last_id, last_hash FROM audit_chain_head WHERE chain = ? FOR UPDATE").param(chain)
        .query((rs, i) -> new Head(rs.getLong("last_id"), rs.getString("last_hash").isEmpty() ? null : rs.getString("last_hash"))).single();
  }

  static String link(String previous, String text) {
    return LetterService.sha256(((previous == null ? "" : previous) + "\n" + text).getBytes(StandardCharsets.UTF_8));
  }

  static String canonical(Stored s) {
    return canonical(s.caseNumber(), s.kind(), s.occurredAt(), s.actor(), s.elementId(), s.processInstanceKey(), s.jobKey(), s.outcome(),
        s.details(), s.digest());
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

  static Stored map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Stored(rs.getLong("id"), rs.getString("case_number"), rs.getString("kind"),
        UtcDateTime.fromDb(rs.getObject("occurred_at", LocalDateTime.class)), rs.getString("actor"), rs.getString("element_id"),
        (Long) rs.getObject("process_instance_key", Long.class), (Long) rs.getObject("job_key", Long.class), rs.getString("outcome"),
        rs.getString("details"), rs.getString("digest"), rs.getString("case_prev_hash"), rs.getString("case_hash"),
        (Long) rs.getObject("global_seq", Long.class), rs.getString("global_prev_hash"), rs.getString("global_hash"));
  }
}
