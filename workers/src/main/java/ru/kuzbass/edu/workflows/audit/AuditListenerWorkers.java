package ru.kuzbass.edu.workflows.audit;

import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.worker.JobClient;
import io.camunda.zeebe.spring.client.annotation.JobWorker;
import org.springframework.stereotype.Component;
import ru.kuzbass.edu.workflows.platform.JobOutcome;

/** The end execution listeners on every user task and business rule task, and on every case's process. */
@Component
public class AuditListenerWorkers {

  private final StepAudit steps;
  private final JobOutcome outcome;

  public AuditListenerWorkers(StepAudit steps, JobOutcome outcome) {
    this.steps = steps;
    this.outcome = outcome;
  }

  @JobWorker(type = "audit.user-task", autoComplete = false, fetchAllVariables = true)
  public void userTaskCompleted(JobClient client, ActivatedJob job) {
    outcome.completeSelfAudited(client, job, () -> steps.userTaskCompleted(job));
  }

  @JobWorker(type = "audit.decision", autoComplete = false, fetchAllVariables = true)
  public void decisionEvaluated(JobClient client, ActivatedJob job) {
    outcome.completeSelfAudited(client, job, () -> steps.decisionEvaluated(job));
  }

  @JobWorker(type = "audit.case-closed", autoComplete = false, fetchVariables = "caseNumber")
  public void caseClosed(JobClient client, ActivatedJob job) {
    outcome.completeSelfAudited(client, job, () -> steps.caseClosed(job));
  }
}
