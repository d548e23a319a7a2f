package ru.kuzbass.edu.workflows.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import ru.kuzbass.edu.workflows.audit.CaseSubjects.Subject;

/**
 * A case's timeline for auditors: the audit log's events (with the form data kept beside the
 * chain) merged in time order with the engine's own history of the case's instances ({@link EngineHistory}).
 * Personal data is masked unless the caller asks for it; the controller logs such a request in the
 * case's own chain.
 */
@Service
public class CaseTimeline {

  /**
   * One line of the timeline. {@code source} is {@code AUDIT} (the log; {@code auditId} and
   * {@code caseHash} name its row and link) or {@code ENGINE} (the engine's history: an element
   * instance, a completed user task, an incident or a decision; see {@link ProcessHistory.EngineEvent}).
   */
  public record Entry(String source, Instant at, String kind, String actor, String elementId, Long processInstanceKey, Long key,
      String outcome, String details, String formData, String digest, Long auditId, String caseHash) {}

  /** A person the case is about; masked: initials and the SNILS's last two digits, nothing else. */
  public record SubjectView(long personId, String name, String snils, LocalDate birthDate, String email, String phone, boolean anonymised) {}

  public record Timeline(String caseNumber, boolean personalDataShown, List<SubjectView> subjects, boolean engineHistoryShown,
      String engineHistoryProblem, List<Entry> entries) {}

  private final AuditLog audit;
  private final CaseSubjects subjects;
  private final EngineHistory engine;
  private final JdbcClient jdbc;

  public CaseTimeline(AuditLog audit, CaseSubjects subjects, EngineHistory engine, JdbcClient jdbc) {
    this.audit = audit;
    this.subjects = subjects;
    this.engine = engine;
    this.jdbc = jdbc;
  }

  /** Empty when the audit log has nothing on the case. */
  public Optional<Timeline> of(String caseNumber, boolean personalData) {
    List<AuditLog.Stored> events = audit.events(caseNumber);
    if (events.isEmpty()) {
      return Optional.empty();
    }
    List<Subject> people = subjects.of(caseNumber);
    Map<Long, String> formData = jdbc.sql("""
            SELECT e.id, p.data FROM audit_payload p JOIN audit_event e ON e.event_key = p.event_key WHERE e.case_number = ?""")
        .param(caseNumber).query((rs, i) -> Map.entry(rs.getLong(1), rs.getString(2))).list().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    List<Entry> entries = new ArrayList<>();
    for (AuditLog.Stored e : events) {
      String data = formData.get(e.id());
      entries.add(new Entry("AUDIT", e.occurredAt(), e.kind(), e.actor(), e.elementId(), e.processInstanceKey(), e.jobKey(), e.outcome(),
          personalData ? e.details() : PersonalDataMask.text(e.details(), people),
          personalData ? data : PersonalDataMask.text(data, people), e.digest(), e.id(), e.caseHash()));
    }
    ProcessHistory.History history = engineHistory(events);
    for (ProcessHistory.EngineEvent e : history.events()) {
      entries.add(new Entry("ENGINE", e.at(), e.kind(), e.actor(), e.elementId(), e.processInstanceKey(), e.key(), e.state(),
          personalData ? e.details() : PersonalDataMask.text(e.details(), people), null, null, null, null));
    }
    // the audit row of a step is written before the engine completes it: at the same instant, the log comes first
    entries.sort(Comparator.comparing(Entry::at, Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(Entry::source).thenComparing(Entry::auditId, Comparator.nullsLast(Comparator.naturalOrder())));
    List<SubjectView> views = people.stream().map(p -> personalData
        ? new SubjectView(p.personId(), String.join(" ", p.surname(), p.givenName(), Objects.toString(p.patronymic(), "")).trim(),
            p.snils(), p.birthDate(), p.email(), p.phone(), p.anonymised())
        : new SubjectView(p.personId(), PersonalDataMask.identifiers(p).get(0), PersonalDataMask.identifiers(p).get(1), null, null, null,
            p.anonymised()))
        .toList();
    return Optional.of(new Timeline(caseNumber, personalData, views, history.available(), history.problem(), entries));
  }

  /**
   * The engine's history of the case's instances. An instance the log names and the engine does not
   * know (a case begun on Camunda 8 before the move, whose history stayed in Operate) is named as missing.
   */
  private ProcessHistory.History engineHistory(List<AuditLog.Stored> events) {
    List<Long> instances = events.stream().map(AuditLog.Stored::processInstanceKey).filter(Objects::nonNull).distinct().toList();
    Set<Long> known = engine.known(instances);
    ProcessHistory.History history = engine.of(instances.stream().filter(known::contains).toList());
    List<Long> unknown = instances.stream().filter(i -> !known.contains(i)).toList();
    return unknown.isEmpty() || !history.available() ? history
        : new ProcessHistory.History(false, "В истории движка нет экземпляров " + unknown.stream().map(String::valueOf)
            .collect(Collectors.joining(", ")) + ": история движка по ним не показана", history.events());
  }
}
