package ru.kuzbass.edu.workflows.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.operaton.bpm.engine.EntityTypes;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.history.HistoricActivityInstance;
import org.operaton.bpm.engine.history.HistoricDecisionInputInstance;
import org.operaton.bpm.engine.history.HistoricDecisionInstance;
import org.operaton.bpm.engine.history.HistoricDecisionOutputInstance;
import org.operaton.bpm.engine.history.HistoricIncident;
import org.operaton.bpm.engine.history.HistoricProcessInstance;
import org.operaton.bpm.engine.history.HistoricTaskInstance;
import org.operaton.bpm.engine.history.UserOperationLogEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The embedded engine's own history of a case's instances (history level {@code full}): every
 * activity instance, every user task completed with the user who completed it (the user operation
 * log) and its assignee, every incident and every decision with its inputs and outputs. Unlike
 * Operaton's open-source Cockpit, it covers finished instances too. Instance ids are numeric
 * ({@code id-generator: simple}), as the audit log keeps them.
 *
 * <p>The queries run without an authenticated engine user, so the engine's authorization does not
 * narrow them: who may read a timeline is decided by the API (role {@code AUDITOR}).
 */
@Component
public class EngineHistory implements ProcessHistory {

  private static final Logger log = LoggerFactory.getLogger(EngineHistory.class);

  private final HistoryService history;
  private final RepositoryService repository;

  public EngineHistory(ProcessEngine engine) {
    this.history = engine.getHistoryService();
    this.repository = engine.getRepositoryService();
  }

  /** Those of the instances that the engine ran (or runs). */
  public Set<Long> known(Collection<Long> processInstanceKeys) {
    if (processInstanceKeys.isEmpty()) {
      return Set.of();
    }
    return history.createHistoricProcessInstanceQuery()
        .processInstanceIds(processInstanceKeys.stream().map(String::valueOf).collect(Collectors.toSet())).list().stream()
        .map(HistoricProcessInstance::getId).map(Long::valueOf).collect(Collectors.toSet());
  }

  @Override
  public History of(Collection<Long> processInstanceKeys) {
    try {
      List<EngineEvent> events = new ArrayList<>();
      Map<String, Integer> decisionVersions = new HashMap<>();
      for (long key : processInstanceKeys) {
        String id = Long.toString(key);
        activities(key, id, events);
        userTasks(key, id, events);
        incidents(key, id, events);
        decisions(key, id, events, decisionVersions);
      }
      return new History(true, null, events);
    } catch (RuntimeException e) {
      log.warn("The embedded engine's history of instances {} is not available: {}", processInstanceKeys, e.toString());
      return History.none("История встроенного движка недоступна: история движка не показана");
    }
  }

  private void activities(long key, String id, List<EngineEvent> events) {
    for (HistoricActivityInstance a : history.createHistoricActivityInstanceQuery().processInstanceId(id)
        .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list()) {
      String state = a.getEndTime() == null ? "ACTIVE" : a.isCanceled() ? "CANCELED" : "COMPLETED";
      // a user task's activity names the task, as the USER_TASK entry and the audit row do
      Long activityKey = a.getTaskId() != null ? number(a.getTaskId()) : number(a.getId().substring(a.getId().lastIndexOf(':') + 1));
      events.add(new EngineEvent(instant(a.getStartTime()), "ELEMENT", key, activityKey, a.getActivityId(), a.getActivityName(), state,
          instant(a.getEndTime()), a.getActivityType(), null));
    }
  }

  /** Completed user tasks; who completed each comes from the user operation log (empty when no user was logged in). */
  private void userTasks(long key, String id, List<EngineEvent> events) {
    Map<String, String> completedBy = new HashMap<>();
    for (UserOperationLogEntry entry : history.createUserOperationLogQuery().processInstanceId(id).entityType(EntityTypes.TASK)
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).orderByTimestamp().asc().list()) {
      if (entry.getTaskId() != null && entry.getUserId() != null) {
        completedBy.putIfAbsent(entry.getTaskId(), entry.getUserId());
      }
    }
    for (HistoricTaskInstance t : history.createHistoricTaskInstanceQuery().processInstanceId(id).finished().list()) {
      if ("completed".equals(t.getDeleteReason())) {
        events.add(new EngineEvent(instant(t.getEndTime()), "USER_TASK", key, number(t.getId()), t.getTaskDefinitionKey(), t.getName(),
            "COMPLETED", null, t.getAssignee() == null ? "не назначена" : "назначена " + t.getAssignee(), completedBy.get(t.getId())));
      }
    }
  }

  private void incidents(long key, String id, List<EngineEvent> events) {
    for (HistoricIncident i : history.createHistoricIncidentQuery().processInstanceId(id).list()) {
      String state = i.isOpen() ? "OPEN" : i.isResolved() ? "RESOLVED" : "DELETED";
      events.add(new EngineEvent(instant(i.getCreateTime()), "INCIDENT", key, number(i.getId()), i.getActivityId(), i.getIncidentType(),
          state, instant(i.getEndTime()), i.getIncidentMessage(), null));
    }
  }

  private void decisions(long key, String id, List<EngineEvent> events, Map<String, Integer> versions) {
    for (HistoricDecisionInstance d : history.createHistoricDecisionInstanceQuery().processInstanceId(id).includeInputs().includeOutputs()
        .list()) {
      Integer version = versions.computeIfAbsent(d.getDecisionDefinitionId(),
          definition -> repository.getDecisionDefinition(definition).getVersion());
      Map<String, Object> inputs = new LinkedHashMap<>();
      for (HistoricDecisionInputInstance in : d.getInputs()) {
        inputs.put(in.getClauseName() != null ? in.getClauseName() : in.getClauseId(), in.getValue());
      }
      // a COLLECT table gives one output per matched rule and clause, names repeating
      List<String> outputs = new ArrayList<>();
      for (HistoricDecisionOutputInstance out : d.getOutputs()) {
        outputs.add((out.getVariableName() != null ? out.getVariableName() : out.getClauseId()) + "=" + out.getValue());
      }
      events.add(new EngineEvent(instant(d.getEvaluationTime()), "DECISION", key, number(d.getId()), d.getActivityId(),
          d.getDecisionDefinitionKey(), "EVALUATED", null, "версия " + version + ", входы " + inputs + ", выходы " + outputs, null));
    }
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  /** The engine's ids are numeric here; anything else (an id made elsewhere) is shown without a key. */
  private static Long number(String id) {
    try {
      return id == null ? null : Long.valueOf(id);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
