package ru.kuzbass.edu.workflows.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import ru.kuzbass.edu.workflows.platform.RegionTime;
import ru.kuzbass.edu.workflows.platform.UtcDateTime;

/**
 * Anonymises the personal data of people whose every case has been closed for the configured
 * number of years (152-FZ, art. 5 part 7: kept no longer than its purposes need; see
 * docs/personal-data.md). The audit chain holds no personal data, only digests, so it stays
 * verifiable: what is anonymised lives beside it (the person, their letters' PDFs and mails, the
 * form data of their cases). Each case gets a RETENTION event in its chain.
 */
@Service
public class Retention {

  private static final Logger log = LoggerFactory.getLogger(Retention.class);

  /**
   * @param years how long after a person's last case closed their data is kept (default 5)
   * @param cron when the daily run starts, in the region's time ({@code -} switches it off)
   */
  @ConfigurationProperties("workflows.retention")
  public record RetentionProperties(Integer years, String cron) {
    public RetentionProperties {
      years = years == null ? 5 : years;
      if (years < 1) {
        throw new IllegalArgumentException("workflows.retention.years must be at least 1");
      }
    }
  }

  private final RetentionProperties properties;
  private final CaseSubjects subjects;
  private final AuditLog audit;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final ObjectMapper json;
  private final Clock clock;

  public Retention(RetentionProperties properties, CaseSubjects subjects, AuditLog audit, JdbcClient jdbc, TransactionTemplate transactions,
      ObjectMapper json, Clock clock) {
    this.properties = properties;
    this.subjects = subjects;
    this.audit = audit;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.json = json;
    this.clock = clock;
  }

  @Scheduled(cron = "${workflows.retention.cron:0 30 2 * * *}", zone = RegionTime.ZONE_ID)
  public void daily() {
    int anonymised = anonymiseDue();
    log.info("Retention: {} people anonymised (cases closed more than {} years ago)", anonymised, properties.years());
  }

  /** Anonymises every person who is due, each in a transaction of its own; returns how many. */
  public int anonymiseDue() {
    LocalDateTime cutoff = UtcDateTime.toDb(clock.instant().atZone(RegionTime.ZONE).minusYears(properties.years()).toInstant());
    List<Long> due = jdbc.sql("""
            SELECT pc.person_id FROM (""" + CaseSubjects.PERSON_CASES + """
            ) pc JOIN person p ON p.id = pc.person_id AND p.anonymised_at IS NULL
            GROUP BY pc.person_id
            HAVING SUM(NOT EXISTS (SELECT 1 FROM audit_event e WHERE e.kind = 'CASE' AND e.outcome = 'CLOSED'
                                   AND e.case_number = pc.case_number AND e.occurred_at < :cutoff)) = 0""")
        .param("cutoff", cutoff).query(Long.class).list();
    for (long personId : due) {
      transactions.executeWithoutResult(status -> anonymise(personId));
    }
    return due.size();
  }

  private void anonymise(long personId) {
    Instant now = clock.instant();
    List<String> cases = jdbc.sql("SELECT case_number FROM (" + CaseSubjects.PERSON_CASES + ") pc WHERE pc.person_id = ?")
        .param(personId).query(String.class).list();
    for (String caseNumber : cases) {
      List<CaseSubjects.Subject> people = subjects.of(caseNumber);
      // masked while the names are still known, so that typed-in mentions go too
      for (Map.Entry<String, String> p : jdbc.sql("""
              SELECT p.event_key, p.data FROM audit_payload p JOIN audit_event e ON e.event_key = p.event_key
              WHERE e.case_number = ? AND p.anonymised_at IS NULL""").param(caseNumber)
          .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2))).list()) {
        jdbc.sql("UPDATE audit_payload SET data = ?, anonymised_at = ? WHERE event_key = ?")
            .params(PersonalDataMask.text(p.getValue(), people), UtcDateTime.toDb(now), p.getKey()).update();
      }
      // the letters' hashes stay in the chain; their PDFs, which name the person, go
      jdbc.sql("UPDATE letter SET pdf = '' WHERE case_number = ?").param(caseNumber).update();
      jdbc.sql("""
              UPDATE mail_outbox SET recipient = 'anonymised@invalid', body = '[обезличено]'
              WHERE message_key LIKE CONCAT(?, ':%')""").param(caseNumber).update();
      jdbc.sql("UPDATE cadre_idea i JOIN cadre_candidate c ON c.id = i.candidate_id SET i.pdf = NULL WHERE c.case_number = ?")
          .param(caseNumber).update();
      jdbc.sql("UPDATE rural_grant_application SET previous_residence = '[обезличено]' WHERE case_number = ?").param(caseNumber).update();
      audit.append(new AuditLog.Event("retention:" + personId + ":" + caseNumber, caseNumber, "RETENTION", "retention", null, null, null,
          "ANONYMISED", details(personId), null));
    }
    // SNILS and its index go; the birth year stays for statistics
    jdbc.sql("""
            UPDATE person SET snils = NULL, snils_index = NULL, surname = 'Обезличено', given_name = 'Обезличено', patronymic = NULL,
              birth_date = MAKEDATE(YEAR(birth_date), 1), email = CONCAT('anonymised-', id, '@invalid'), phone = '', anonymised_at = ?,
              updated_at = ?
            WHERE id = ?""").params(UtcDateTime.toDb(now), UtcDateTime.toDb(now), personId).update();
  }

  /** In a fixed order: the chain hashes this text. */
  private String details(long personId) {
    Map<String, Object> values = new java.util.LinkedHashMap<>();
    values.put("personId", personId);
    values.put("years", properties.years());
    try {
      return json.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
