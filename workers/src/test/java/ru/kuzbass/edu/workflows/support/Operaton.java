package ru.kuzbass.edu.workflows.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.operaton.bpm.engine.EntityTypes;
import org.operaton.bpm.engine.OptimisticLockingException;
import org.operaton.bpm.engine.ProcessEnginePersistenceException;
import org.operaton.bpm.engine.exception.NullValueException;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.history.HistoricActivityInstance;
import org.operaton.bpm.engine.history.HistoricProcessInstance;
import org.operaton.bpm.engine.history.HistoricTaskInstance;
import org.operaton.bpm.engine.history.UserOperationLogEntry;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.jobexecutor.JobExecutor;
import org.operaton.bpm.engine.runtime.Incident;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.task.IdentityLink;
import org.operaton.bpm.engine.task.IdentityLinkType;
import org.operaton.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.operaton.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The process tests' view of the embedded engine: start, wait, complete user tasks as Tasklist
 * does (logged in, claimed, then completed), and read the history. Instance ids are numeric
 * ({@code id-generator: simple}); the tests hold them as the {@code long} the case tables keep.
 */
public class Operaton {

  private static final Duration WAIT = Duration.ofSeconds(60);

  private final ProcessEngine engine;

  public Operaton(ProcessEngine engine) {
    this.engine = engine;
  }

  public ProcessEngine engine() {
    return engine;
  }

  /**
   * Deletes every running instance, without listeners, so no timer of an earlier test fires in the
   * next one. The job executor may be moving one of them on, or ending it, at that moment (the delete
   * then meets its optimistic lock, an instance that is gone, or a deadlock MariaDB breaks by rolling
   * the delete back): the delete is tried again, on the instances then running, until nothing runs.
   */
  public void deleteRunningInstances() {
    for (int attempt = 1; ; attempt++) {
      List<String> ids = engine.getRuntimeService().createProcessInstanceQuery().list().stream().map(ProcessInstance::getId).toList();
      if (ids.isEmpty()) {
        return;
      }
      try {
        engine.getRuntimeService().deleteProcessInstances(ids, "test clean-up", true, true);
        return;
      } catch (OptimisticLockingException | NullValueException busy) {
        if (attempt == 20) {
          throw busy;
        }
        pause();
      } catch (ProcessEnginePersistenceException e) {
        if (attempt == 20 || !deadlock(e)) {
          throw e;
        }
        pause();
      }
    }
  }

  /**
   * Waits until the job executor runs no job. A job acquired before {@link #deleteRunningInstances}
   * may still be inside its transaction (sending a letter, appending to the audit log), holding row
   * locks that the next test's emptying of the tables would wait for until MariaDB gives up.
   */
  public void awaitNoJobRunning() {
    JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    if (!(executor instanceof SpringJobExecutor spring && spring.getTaskExecutor() instanceof ThreadPoolTaskExecutor pool)) {
      throw new IllegalStateException("The job executor is not Spring's thread pool but " + executor + ": its running jobs cannot be counted");
    }
    await("no job running", () -> pool.getActiveCount() == 0);
  }

  /** MariaDB chose the delete as the victim of a deadlock with a job's transaction. */
  private static boolean deadlock(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.sql.SQLTransactionRollbackException) {
        return true;
      }
    }
    return false;
  }

  public long start(String processId, Map<String, Object> variables) {
    return Long.parseLong(engine.getRuntimeService().startProcessInstanceByKey(processId, variables).getId());
  }

  /** Waits for the instance's open user task of that element. */
  public Task awaitTask(long instance, String elementId) {
    Task[] found = new Task[1];
    await(elementId + " open in " + instance, () -> {
      found[0] = engine.getTaskService().createTaskQuery().processInstanceId(Long.toString(instance)).taskDefinitionKey(elementId)
          .active().list().stream().findFirst().orElse(null);
      return found[0] != null;
    });
    return found[0];
  }

  /**
   * Completes the user task as the named Tasklist user, a member of the task's candidate groups: logged
   * in, claimed, completed with the form's variables. Authorization is on, so a user outside those
   * groups would be refused.
   */
  public void completeTask(long instance, String elementId, String user, Map<String, Object> formVariables) {
    completeTask(awaitTask(instance, elementId), user, formVariables);
  }

  /** Completes this task as the named Tasklist user, as {@link #completeTask(long, String, String, Map)} does. */
  public void completeTask(Task task, String user, Map<String, Object> formVariables) {
    List<String> groups = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null).map(IdentityLink::getGroupId).toList();
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      engine.getTaskService().claim(task.getId(), user);
      engine.getTaskService().complete(task.getId(), formVariables);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /** Waits until the instance has {@code count} open user tasks of that element (a multi-instance task), and returns them. */
  public List<Task> awaitTasks(long instance, String elementId, int count) {
    List<List<Task>> found = new java.util.ArrayList<>(List.of(List.of()));
    await(count + " of " + elementId + " open in " + instance, () -> {
      found.set(0, engine.getTaskService().createTaskQuery().processInstanceId(Long.toString(instance)).taskDefinitionKey(elementId)
          .active().list());
      return found.get(0).size() >= count;
    });
    return found.get(0);
  }

  /** The variables the task's form sees, as Tasklist shows them. */
  public Map<String, Object> taskVariables(Task task) {
    return engine.getTaskService().getVariables(task.getId());
  }

  /** Waits until the element has been entered {@code times} times (its boundary timers then exist). */
  public void awaitEntered(long instance, String elementId, int times) {
    await(elementId + " entered " + times + " time(s) in " + instance, () -> activities(instance, elementId, false) >= times);
  }

  /** Waits until the element has been completed {@code times} times. */
  public void awaitPassed(long instance, String elementId, int times) {
    await(elementId + " passed " + times + " time(s) in " + instance, () -> activities(instance, elementId, true) >= times);
  }

  public void awaitPassed(long instance, String elementId) {
    awaitPassed(instance, elementId, 1);
  }

  public boolean passed(long instance, String elementId) {
    return activities(instance, elementId, true) > 0;
  }

  public void awaitEnded(long instance) {
    await(instance + " ended", () -> ended(instance));
  }

  public boolean ended(long instance) {
    HistoricProcessInstance h = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(Long.toString(instance))
        .singleResult();
    return h != null && h.getEndTime() != null;
  }

  /** The message of the instance's first incident, once there is one. */
  public String awaitIncidentMessage(long instance) {
    Incident[] found = new Incident[1];
    await("an incident in " + instance, () -> {
      found[0] = engine.getRuntimeService().createIncidentQuery().processInstanceId(Long.toString(instance)).list().stream()
          .findFirst().orElse(null);
      return found[0] != null;
    });
    return found[0].getIncidentMessage();
  }

  /** Every value of every variable the engine recorded, in any instance, as name=value. */
  public List<String> recordedVariables() {
    return engine.getHistoryService().createHistoricDetailQuery().variableUpdates().list().stream()
        .map(d -> ((org.operaton.bpm.engine.history.HistoricVariableUpdate) d))
        .map(d -> d.getVariableName() + "=" + d.getValue()).toList();
  }

  /**
   * The audit log holds a row for every step the engine completed in the instance, with no gaps:
   * every automated step, every user task with the user who completed it in Tasklist, as the
   * engine's history (its user operation log) has them, every decision with the table's version the
   * engine evaluated, and the case's end once it ended.
   */
  public void assertAuditTrailComplete(JdbcClient jdbc, long instance) {
    String id = Long.toString(instance);
    List<String> automated = engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(id)
        .activityType("serviceTask").finished().list().stream().filter(a -> !a.isCanceled())
        .map(HistoricActivityInstance::getActivityId).sorted().toList();
    assertThat(automated).isNotEmpty();
    assertThat(audited(jdbc, "JOB", "element_id", instance)).as("audited automated steps of instance %d", instance).isEqualTo(automated);

    List<String> userTasks = engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(id).finished().list().stream()
        .filter(t -> "completed".equals(t.getDeleteReason()))
        .map(t -> t.getTaskDefinitionKey() + "#" + t.getId() + "#" + completedBy(t)).sorted().toList();
    assertThat(audited(jdbc, "USER_TASK", "CONCAT(element_id, '#', job_key, '#', actor)", instance))
        .as("audited user tasks of instance %d: element, task and the user who completed it", instance).isEqualTo(userTasks);

    List<String> decisions = engine.getHistoryService().createHistoricDecisionInstanceQuery().processInstanceId(id).rootDecisionInstancesOnly()
        .list().stream().map(d -> d.getActivityId() + "#" + d.getDecisionDefinitionKey() + "#"
            + engine.getRepositoryService().getDecisionDefinition(d.getDecisionDefinitionId()).getVersion()).sorted().toList();
    assertThat(audited(jdbc, "DECISION", "CONCAT(element_id, '#', actor, '#', JSON_VALUE(details, '$.decisionVersion'))", instance))
        .as("audited decisions of instance %d: element, decision and version", instance).isEqualTo(decisions);

    assertThat(audited(jdbc, "CASE", "outcome", instance)).as("the closing of instance %d", instance)
        .isEqualTo(ended(instance) ? List.of("CLOSED") : List.of());
  }

  /** Who completed the task, from the engine's user operation log. */
  private String completedBy(HistoricTaskInstance task) {
    return engine.getHistoryService().createUserOperationLogQuery().taskId(task.getId()).entityType(EntityTypes.TASK)
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list().stream().map(UserOperationLogEntry::getUserId)
        .findFirst().orElse("(nobody)");
  }

  private static List<String> audited(JdbcClient jdbc, String kind, String column, long instance) {
    String outcome = switch (kind) {
      case "CASE" -> "CLOSED";
      case "DECISION" -> "EVALUATED";
      default -> "COMPLETED";
    };
    return jdbc.sql("SELECT " + column + " FROM audit_event WHERE kind = ? AND outcome = ? AND process_instance_key = ?")
        .params(kind, outcome, instance).query(String.class).list().stream().sorted().toList();
  }

  private long activities(long instance, String elementId, boolean finished) {
    var query = engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(Long.toString(instance))
        .activityId(elementId);
    return finished ? query.finished().count() : query.count();
  }

  private static void await(String what, BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(WAIT);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Not within " + WAIT.toSeconds() + " s: " + what);
      }
      pause();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
