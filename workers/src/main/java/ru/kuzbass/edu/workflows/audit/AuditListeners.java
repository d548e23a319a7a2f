package ru.kuzbass.edu.workflows.audit;

import org.operaton.bpm.engine.delegate.ExecutionListener;
import org.operaton.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The listeners the Operaton models name: {@code ${auditUserTask}} on every user task's completion,
 * {@code ${auditDecision}} on every business rule task's end, {@code ${auditCaseClosed}} on every case's end. They run in the engine's transaction, so no step
 * passes unaudited and no audit row outlives a rolled-back step.
 */
@Configuration(proxyBeanMethods = false)
class AuditListeners {

  @Bean("auditUserTask")
  TaskListener auditUserTask(StepAudit steps) {
    return steps::userTaskCompleted;
  }

  @Bean("auditDecision")
  ExecutionListener auditDecision(StepAudit steps) {
    return steps::decisionEvaluated;
  }

  @Bean("auditCaseClosed")
  ExecutionListener auditCaseClosed(StepAudit steps) {
    return steps::caseClosed;
  }
}
