package ru.kuzbass.edu.workflows.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.operaton.bpm.dmn.engine.DmnDecisionResult;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.impl.identity.Authentication;
import org.operaton.bpm.engine.repository.DecisionDefinition;
import org.operaton.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.kuzbass.edu.workflows.engine.EngineIds;
import ru.kuzbass.edu.workflows.engine.Steps;
import ru.kuzbass.edu.workflows.letters.LetterService;

/**
 * Audits the steps that no delegate of ours performs: a user task completed in Tasklist, a decision
 * the engine evaluated, and the end of a case. The models call it through listeners, which the
 * engine runs in the transaction that completes the element, so no step passes unaudited and no
 * audit row outlives a rolled-back step. Each event's key is the element instance's.
 */
@Service
public class StepAudit {

  private final AuditLog audit;
  private final ModelCatalog models;
  private final ObjectMapper json;

  public StepAudit(AuditLog audit, ModelCatalog models, ObjectMapper json) {
    this.audit = audit;
    this.models = models;
    this.json = json;
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
    // what people type may name people: the text stays beside the chain, the chain keeps its digest
    String data = write(formData);
    audit.append(new AuditLog.Event("user-task:" + task.getId(), EngineIds.caseNumberOf(task, task.getProcessInstanceId()), "USER_TASK",
        completedBy == null ? "неизвестно" : completedBy, task.getTaskDefinitionKey(), EngineIds.key(task.getProcessInstanceId()),
        EngineIds.key(task.getId()), "COMPLETED", write(Map.of("fields", formData.keySet())),
        LetterService.sha256(data.getBytes(StandardCharsets.UTF_8))), data);
  }

  /**
   * Records the decision the business rule task evaluated (its end listener, in the transaction that
   * evaluated it): the table's id and version as deployed with the process, the SHA-256 of its file
   * as deployed, the configuration year whose thresholds were its inputs, and the result. The models
   * bind the table deployed with them ({@code camunda:decisionRefBinding="deployment"}).
   */
  public void decisionEvaluated(DelegateExecution execution) {
    RepositoryService repository = execution.getProcessEngineServices().getRepositoryService();
    ProcessDefinition process = repository.getProcessDefinition(execution.getProcessDefinitionId());
    ModelCatalog.CalledDecision called = models.calledDecision(process.getKey(), execution.getCurrentActivityId());
    DecisionDefinition table = repository.createDecisionDefinitionQuery().deploymentId(process.getDeploymentId())
        .decisionDefinitionKey(called.decisionId()).singleResult();
    if (table == null) {
      throw new IllegalStateException("Decision " + called.decisionId() + " is not in the deployment of " + process.getKey());
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("decisionId", table.getKey());
    details.put("decisionVersion", table.getVersion());
    details.put("decisionDefinitionId", table.getId());
    details.put("tableSha256", sha256(repository, table));
    details.put("configurationYear", execution.getVariable("campaignYear"));
    // the task's result variable, else the engine's transient decisionResult that an output mapping read
    Object result = execution.getVariable(called.resultVariable() != null ? called.resultVariable() : "decisionResult");
    if (result instanceof DmnDecisionResult decision) {
      result = decision.isEmpty() ? null : decision.getResultList();
    }
    // a hit-policy COLLECT table that matched no rule yields an empty result, which JSON output would drop
    details.put("result", result == null ? "ни одно правило не сработало" : result);
    String written = write(details);
    Map<String, Object> inputs = new TreeMap<>(execution.getVariables());
    inputs.remove("decisionResult");
    audit.append(new AuditLog.Event("decision:" + execution.getActivityInstanceId(), EngineIds.caseNumberOf(execution), "DECISION",
        called.decisionId(), execution.getCurrentActivityId(), EngineIds.key(execution.getProcessInstanceId()), Steps.currentJobId(),
        "EVALUATED", AuditLog.fit(written), LetterService.sha256((write(inputs) + "\n" + written).getBytes(StandardCharsets.UTF_8))));
  }

  /** Records that the case's process instance has ended (the process's end listener); retention counts its years from here. */
  public void caseClosed(DelegateExecution execution) {
    String processId = execution.getProcessEngineServices().getRepositoryService()
        .getProcessDefinition(execution.getProcessDefinitionId()).getKey();
    audit.append(new AuditLog.Event("case-closed:" + execution.getProcessInstanceId(), EngineIds.caseNumberOf(execution), "CASE",
        processId, processId, EngineIds.key(execution.getProcessInstanceId()), null, "CLOSED", null, null));
  }

  private static String sha256(RepositoryService repository, DecisionDefinition table) {
    try (InputStream in = repository.getResourceAsStream(table.getDeploymentId(), table.getResourceName())) {
      return LetterService.sha256(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String write(Map<String, Object> data) {
    try {
      return json.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Step data cannot be written as JSON", e);
    }
  }
}
