package ru.kuzbass.edu.workflows.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.impl.identity.Authentication;
import org.operaton.bpm.engine.repository.DecisionDefinition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.kuzbass.edu.workflows.engine.EngineIds;
import ru.kuzbass.edu.workflows.letters.LetterService;
import ru.kuzbass.edu.workflows.platform.ModelDeployment;
import ru.kuzbass.edu.workflows.platform.TaskCompletions;
import ru.kuzbass.edu.workflows.platform.TaskCompletions.CompletedTask;

/**
 * Audits the steps that no worker of ours performs: a user task completed in Tasklist, a decision
 * the engine evaluated, and the end of a case. The models call it through end execution listeners
 * on those elements and on each case's process, which the engine runs after the element completed and before the case goes on, so no
 * step passes unaudited. The event's key is the element instance, so a retried listener adds nothing.
 */
@Service
public class StepAudit {

  private final AuditLog audit;
  private final TaskCompletions completions;
  private final ModelCatalog models;
  private final ModelDeployment deployment;
  private final JdbcClient jdbc;
  private final ObjectMapper json;

  public StepAudit(AuditLog audit, TaskCompletions completions, ModelCatalog models, ModelDeployment deployment, JdbcClient jdbc,
      ObjectMapper json) {
    this.audit = audit;
    this.completions = completions;
    this.models = models;
    this.deployment = deployment;
    this.jdbc = jdbc;
    this.json = json;
  }

  /**
   * Records who completed the user task and the data of its form's fields (beside the chain). The completing user is
   * the earliest completed Tasklist task of the element not yet in the log; the case chain's lock
   * makes the attributions of one element queue, so two ends never take the same task. While
   * Tasklist has not imported the completion yet, the job fails and is retried with back-off.
   */
  @Transactional
  public void userTaskCompleted(ActivatedJob job) {
    String key = "user-task:" + job.getElementInstanceKey();
    audit.lockCaseChain(AuditLog.caseNumberOf(job));
    if (audit.contains(key)) {
      return;
    }
    Set<String> attributed = new HashSet<>(jdbc.sql("""
            SELECT job_key FROM audit_event
            WHERE kind = 'USER_TASK' AND process_instance_key = ? AND element_id = ? AND job_key IS NOT NULL""")
        .params(job.getProcessInstanceKey(), job.getElementId()).query(String.class).list());
    CompletedTask task = completions.nextUnattributed(job.getProcessInstanceKey(), job.getElementId(), attributed)
        .orElseThrow(() -> new IllegalStateException("Tasklist does not know yet who completed " + job.getElementId()));
    Map<String, Object> variables = job.getVariablesAsMap();
    Map<String, Object> formData = new LinkedHashMap<>();
    for (String field : models.formFields(job.getBpmnProcessId(), job.getElementId())) {
      if (variables.containsKey(field)) {
        formData.put(field, variables.get(field));
      }
    }
    // what people type may name people: the text stays beside the chain, the chain keeps its digest
    String data = write(formData);
    audit.append(new AuditLog.Event(key, AuditLog.caseNumberOf(job), "USER_TASK", task.completedBy(), job.getElementId(),
        job.getProcessInstanceKey(), task.taskId() == null ? null : Long.valueOf(task.taskId()), "COMPLETED",
        write(Map.of("fields", formData.keySet())), LetterService.sha256(data.getBytes(StandardCharsets.UTF_8))), data);
  }

  /**
   * Records who completed the user task, and the data of its form's fields (beside the chain), in the
   * transaction that completes it: Operaton runs this as the task's complete listener. The user is the
   * one logged in to Tasklist (the engine's authenticated user), else the task's assignee.
   */
  @Transactional
  public void userTaskCompleted(DelegateTask task) {
    String processId = task.getProcessEngineServices().getRepositoryService().getProcessDefinition(task.getProcessDefinitionId()).getKey();
    Map<String, Object> formData = new LinkedHashMap<>();
    for (String field : models.formFields(processId, task.getTaskDefinitionKey())) {
      if (task.hasVariable(field)) {
        formData.put(field, task.getVariable(field));
      }
    }
    Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String completedBy = user != null && user.getUserId() != null ? user.getUserId() : task.getAssignee();
    String data = write(formData);
    audit.append(new AuditLog.Event("user-task:" + task.getId(), EngineIds.caseNumberOf(task, task.getProcessInstanceId()), "USER_TASK",
        completedBy == null ? "неизвестно" : completedBy, task.getTaskDefinitionKey(), EngineIds.key(task.getProcessInstanceId()),
        EngineIds.key(task.getId()), "COMPLETED", write(Map.of("fields", formData.keySet())),
        LetterService.sha256(data.getBytes(StandardCharsets.UTF_8))), data);
  }

  /** Records that the case's process instance has ended (Operaton: the process's end listener). */
  public void caseClosed(DelegateExecution execution) {
    String processId = execution.getProcessEngineServices().getRepositoryService()
        .getProcessDefinition(execution.getProcessDefinitionId()).getKey();
    audit.append(new AuditLog.Event("case-closed:" + execution.getProcessInstanceId(), EngineIds.caseNumberOf(execution), "CASE",
        processId, processId, EngineIds.key(execution.getProcessInstanceId()), null, "CLOSED", null, null));
  }

  /** Records that the case's process instance has ended; retention counts its years from here. */
  public void caseClosed(ActivatedJob job) {
    audit.append(new AuditLog.Event("case-closed:" + job.getProcessInstanceKey(), AuditLog.caseNumberOf(job), "CASE", job.getBpmnProcessId(),
        job.getElementId(), job.getProcessInstanceKey(), job.getKey(), "CLOSED", null, null));
  }

  /**
   * Records the decision the business rule task has just evaluated on the embedded engine (a listener
   * on the task's end calls it, in the evaluating transaction): the table's id, the version the task
   * called (its latest), the SHA-256 of the deployed file, the configuration year whose thresholds
   * were its inputs, and the result. The inputs and outputs in full are in the engine's history.
   */
  public void decisionEvaluated(DelegateExecution execution, String decisionId, Object result) {
    var repository = execution.getProcessEngineServices().getRepositoryService();
    DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(decisionId).latestVersion()
        .singleResult();
    byte[] file;
    try (var in = repository.getResourceAsStream(definition.getDeploymentId(), definition.getResourceName())) {
      file = in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("The deployed file of decision " + decisionId + " cannot be read", e);
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("decisionId", decisionId);
    details.put("decisionVersion", definition.getVersion());
    details.put("decisionKey", definition.getId());
    details.put("tableSha256", LetterService.sha256(file));
    details.put("configurationYear", execution.getVariable("campaignYear"));
    details.put("result", result);
    String written = write(details);
    audit.append(new AuditLog.Event("decision:" + execution.getActivityInstanceId(), EngineIds.caseNumberOf(execution), "DECISION",
        decisionId, execution.getCurrentActivityId(), EngineIds.key(execution.getProcessInstanceId()), null, "EVALUATED",
        AuditLog.fit(written), LetterService.sha256(written.getBytes(StandardCharsets.UTF_8))));
  }

  /**
   * Records the decision the business rule task evaluated: the table's id and engine version, the
   * SHA-256 of its file, the configuration year whose thresholds were its inputs, and the result.
   */
  public void decisionEvaluated(ActivatedJob job) {
    ModelCatalog.CalledDecision called = models.calledDecision(job.getBpmnProcessId(), job.getElementId());
    ModelDeployment.DecisionVersion version = deployment.decision(called.decisionId())
        .orElseThrow(() -> new IllegalStateException("The version of decision " + called.decisionId() + " is not known yet"));
    Map<String, Object> variables = job.getVariablesAsMap();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("decisionId", version.decisionId());
    details.put("decisionVersion", version.version());
    details.put("decisionKey", version.decisionKey());
    details.put("tableSha256", version.fileSha256());
    details.put("configurationYear", variables.get("campaignYear"));
    Object result = variables.get(called.resultVariable());
    // a hit-policy COLLECT table that matched no rule yields null, which JSON output would drop
    details.put("result", result == null ? "ни одно правило не сработало" : result);
    String written = write(details);
    audit.append(new AuditLog.Event("decision:" + job.getElementInstanceKey(), AuditLog.caseNumberOf(job), "DECISION", called.decisionId(),
        job.getElementId(), job.getProcessInstanceKey(), job.getKey(), "EVALUATED", AuditLog.fit(written),
        LetterService.sha256((job.getVariables() + "\n" + written).getBytes(StandardCharsets.UTF_8))));
  }

  private String write(Map<String, Object> data) {
    try {
      return json.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Step data cannot be written as JSON", e);
    }
  }
}
