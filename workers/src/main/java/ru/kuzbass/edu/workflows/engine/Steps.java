package ru.kuzbass.edu.workflows.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.operaton.bpm.engine.delegate.BpmnError;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.JavaDelegate;
import org.operaton.bpm.engine.impl.context.Context;
import org.operaton.bpm.engine.impl.jobexecutor.JobExecutorContext;
import org.operaton.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;
import ru.kuzbass.edu.workflows.audit.AuditLog;
import ru.kuzbass.edu.workflows.letters.LetterService;

/**
 * Makes the delegates of the automated steps. Each step is asynchronous in its model
 * ({@code camunda:asyncBefore}), so the job executor runs it in a transaction of its own: the
 * step's business writes, its audit row and the engine's move to the next wait commit together or
 * not at all. A step that throws is rolled back whole and retried after the back-off of
 * {@code workflows.jobs.retry-intervals}; when the tries run out, the engine raises an incident with
 * the exception's message, which Cockpit shows and can retry. A business outcome that the diagram
 * models is a {@link org.operaton.bpm.engine.delegate.BpmnError}, which the engine routes.
 *
 * <p>{@code type} names the step as the audit log keeps it ({@code pedagogical-class.plan-deadlines}),
 * the same words as the delegate's bean ({@code planDeadlines}) and the element ({@code Task_PlanDeadlines}).
 */
@Component
public class Steps {

  private final AuditLog audit;
  private final ObjectMapper json;

  public Steps(AuditLog audit, ObjectMapper json) {
    this.audit = audit;
    this.json = json;
  }

  /**
   * A step that sets the variables it returns. A value wrapped as transient
   * ({@code Variables.untypedValue(list, true)}) lives only until the step's transaction ends: that is how a
   * step hands a list to a decision that follows it in the same transaction, with no serialized
   * variable left in the engine. The audit row keeps its plain value. A {@link BpmnError} (a business
   * outcome the diagram routes, which commits) is audited as {@code BPMN_ERROR:<code>} with its message.
   */
  public JavaDelegate setting(String type, Function<DelegateExecution, Map<String, Object>> step) {
    return execution -> {
      Map<String, Object> inputs = new TreeMap<>(execution.getVariables());
      Map<String, Object> outputs;
      try {
        outputs = step.apply(execution);
      } catch (BpmnError e) {
        audit.append(event(type, execution, "ERROR", "BPMN_ERROR:" + e.getErrorCode(), inputs, Map.of("message", e.getMessage())));
        throw e;
      }
      execution.setVariables(outputs);
      audit.append(event(type, execution, "COMPLETED", "COMPLETED", inputs, outputs));
    };
  }

  /** A step that only has effects outside the engine (a letter, a record). */
  public JavaDelegate running(String type, Consumer<DelegateExecution> step) {
    return setting(type, execution -> {
      step.accept(execution);
      return Map.of();
    });
  }

  /** What the step read and wrote, as the audit keeps it: the outputs in full, and a digest of inputs and outputs. */
  private AuditLog.Event event(String type, DelegateExecution execution, String ending, String outcome, Map<String, Object> inputs,
      Map<String, Object> outputs) {
    Map<String, Object> plain = new TreeMap<>();
    outputs.forEach((name, value) -> plain.put(name, value instanceof TypedValue typed ? typed.getValue() : value));
    String written = write(plain);
    Long jobId = currentJobId();
    String key = (jobId != null ? "job:" + jobId : "step:" + execution.getActivityInstanceId()) + ":" + ending;
    return new AuditLog.Event(key, EngineIds.caseNumberOf(execution), "JOB", type, execution.getCurrentActivityId(),
        EngineIds.key(execution.getProcessInstanceId()), jobId, outcome, AuditLog.fit(written),
        LetterService.sha256((write(inputs) + "\n" + written).getBytes(StandardCharsets.UTF_8)));
  }

  /** The job the job executor is running this step in; null when the step runs in its caller's transaction. */
  public static Long currentJobId() {
    JobExecutorContext context = Context.getJobExecutorContext();
    return context == null || context.getCurrentJob() == null ? null : EngineIds.key(context.getCurrentJob().getId());
  }

  private String write(Map<String, Object> data) {
    try {
      return json.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      return String.valueOf(data);
    }
  }
}
