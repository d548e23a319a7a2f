package ru.kuzbass.edu.workflows.engine;

import java.util.Comparator;
import java.util.Objects;
import org.operaton.bpm.engine.EntityTypes;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.history.HistoricTaskInstance;
import org.operaton.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Component;

/**
 * Who completed a user task, from the engine's history: the user operation log's {@code Complete}
 * entry, which the engine writes for the user logged in to Tasklist. Approvals and confirmations
 * read the person from here, not from a form field anyone could type, so that a four-eyes rule
 * compares real logins.
 */
@Component
public class CompletedTasks {

  /** One completion: the task's id tells one pass through the same user task from the next. */
  public record Completed(String taskId, String user) {}

  private final HistoryService history;

  public CompletedTasks(HistoryService history) {
    this.history = history;
  }

  /**
   * The newest completed instance of the user task in the process instance and the user who
   * completed it. A task completed by no one logged in (from code) names no one, and the step fails:
   * an approval must name a person.
   */
  public Completed last(String processInstanceId, String taskDefinitionKey) {
    HistoricTaskInstance task = history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(taskDefinitionKey).finished().list().stream()
        .max(Comparator.comparing(HistoricTaskInstance::getEndTime).thenComparing(t -> Long.valueOf(t.getId())))
        .orElseThrow(() -> new IllegalStateException("The engine's history holds no completed " + taskDefinitionKey + " in " + processInstanceId));
    String user = history.createUserOperationLogQuery().taskId(task.getId()).entityType(EntityTypes.TASK)
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list().stream()
        .map(UserOperationLogEntry::getUserId).filter(Objects::nonNull).findFirst()
        .orElseThrow(() -> new IllegalStateException("The engine's history names no one who completed task " + task.getId()
            + " (" + taskDefinitionKey + ")"));
    return new Completed(task.getId(), user);
  }
}
