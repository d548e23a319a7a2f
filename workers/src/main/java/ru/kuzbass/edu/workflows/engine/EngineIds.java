package ru.kuzbass.edu.workflows.engine;

import org.operaton.bpm.engine.delegate.VariableScope;

/**
 * The engine's ids as the application keeps them. The engine makes numeric ids
 * ({@code operaton.bpm.id-generator: simple}), so an instance, task or job id fits the BIGINT
 * columns that the audit log and the case tables have for them.
 */
public final class EngineIds {

  private EngineIds() {}

  public static Long key(String id) {
    return id == null ? null : Long.valueOf(id);
  }

  /** The case's row id, which every step of a case reads from the variable {@code caseId}. */
  public static long caseId(org.operaton.bpm.engine.delegate.DelegateExecution execution) {
    return ((Number) execution.getVariable("caseId")).longValue();
  }

  /** The case's number, or the instance's id while the case has none yet (a case started from a Tasklist form). */
  public static String caseNumberOf(org.operaton.bpm.engine.delegate.DelegateExecution execution) {
    return caseNumberOf(execution, execution.getProcessInstanceId());
  }

  public static String caseNumberOf(VariableScope scope, String processInstanceId) {
    Object caseNumber = scope.getVariable("caseNumber");
    return caseNumber instanceof String n ? n : "PI-" + processInstanceId;
  }
}
