package ru.kuzbass.edu.workflows.cadrereserve;

import java.util.Comparator;
import java.util.Map;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.kuzbass.edu.workflows.audit.AuditLog;
import ru.kuzbass.edu.workflows.cadrereserve.CandidateService.Candidate;
import ru.kuzbass.edu.workflows.platform.CaseHistory;
import ru.kuzbass.edu.workflows.platform.InvalidInputException;
import ru.kuzbass.edu.workflows.platform.UtcDateTime;

/**
 * The municipal reserve after level 2. The programme only recommends those whose team did not pass
 * «для включения в кадровый резерв муниципального уровня»; the municipality decides. Until it
 * confirms, the candidate is MUNICIPAL_RECOMMENDED and the registry lists them apart, never as a
 * reservist; confirmed, MUNICIPAL_RESERVE with who confirmed and when; declined, MUNICIPAL_DECLINED
 * with the reason.
 */
@Service
public class MunicipalReserve {

  /** The municipality's user task in {@code cadre-reserve-candidate}. */
  static final String DECISION_TASK = "Task_DecideMunicipalReserve";

  private final JdbcClient jdbc;
  private final CandidateService candidates;
  private final CaseHistory history;
  private final AuditLog audit;
  private final Clock clock;

  public MunicipalReserve(JdbcClient jdbc, CandidateService candidates, CaseHistory history, AuditLog audit, Clock clock) {
    this.jdbc = jdbc;
    this.candidates = candidates;
    this.history = history;
    this.audit = audit;
    this.clock = clock;
  }

  /** Records that the recommendation went to the municipality, and gives its task what its form shows. */
  public Map<String, Object> recommend(long candidateId) {
    Candidate c = candidates.get(candidateId);
    history.record(c.caseNumber(), "MUNICIPAL_RECOMMENDED", c.status(), "Рекомендация о включении в кадровый резерв муниципального "
        + "уровня направлена в орган управления образованием (" + c.municipality() + ")", clock.instant());
    return Map.of("schoolCode", c.schoolCode(), "municipality", c.municipality());
  }

  /**
   * Records the municipality's decision from its task: {@code CONFIRMED}, or {@code DECLINED} with a
   * reason. Who decided is the user who completed the task, as the audit log recorded it when the
   * task was completed.
   */
  @Transactional
  public Map<String, Object> decide(long candidateId, String decision, String reason) {
    Candidate c = candidates.get(candidateId);
    boolean confirmed = "CONFIRMED".equals(decision);
    if (!confirmed && !"DECLINED".equals(decision)) {
      throw new InvalidInputException("Решение муниципалитета по кандидату " + c.caseNumber() + " не указано: " + decision);
    }
    if (!confirmed && (reason == null || reason.isBlank())) {
      throw new InvalidInputException("Муниципалитет отказал кандидату " + c.caseNumber() + " без указания причины");
    }
    String decidedBy = audit.events(c.caseNumber()).stream()
        .filter(e -> "USER_TASK".equals(e.kind()) && DECISION_TASK.equals(e.elementId()))
        .max(Comparator.comparingLong(AuditLog.Stored::id)).map(AuditLog.Stored::actor).orElse("неизвестно");
    String status = confirmed ? "MUNICIPAL_RESERVE" : "MUNICIPAL_DECLINED";
    jdbc.sql("""
            UPDATE cadre_candidate SET status = ?, reserve = ?, municipal_decision = ?, municipal_decided_by = ?, municipal_decided_at = ?,
              municipal_decline_reason = ? WHERE id = ?""")
        .params(status, confirmed ? "MUNICIPAL" : null, decision, decidedBy, UtcDateTime.toDb(clock.instant()),
            confirmed ? null : reason.trim(), candidateId)
        .update();
    history.record(c.caseNumber(), "MUNICIPAL_DECISION", status, confirmed
        ? "Муниципалитет (" + c.municipality() + ") подтвердил включение в муниципальный кадровый резерв; решение внёс " + decidedBy
        : "Муниципалитет (" + c.municipality() + ") не подтвердил включение в муниципальный кадровый резерв: " + reason.trim()
            + "; решение внёс " + decidedBy, clock.instant());
    return Map.of("municipalConfirmed", confirmed);
  }
}
