package ru.kuzbass.edu.workflows.support;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import ru.kuzbass.edu.workflows.platform.TaskCompletions;

/**
 * Stands in for Tasklist, which the in-memory engine does not have: tests say who completes a user
 * task ({@link ProcessTest#completeUserTaskAs}) and the audit log reads it back here, as it reads
 * Tasklist's answer in production. The real lookup (TasklistTaskCompletions) is exercised by the
 * browser test against the real Tasklist.
 */
public class RecordedTaskCompletions implements TaskCompletions {

  private final Map<String, List<CompletedTask>> completed = new ConcurrentHashMap<>();

  /** Call before completing the task's job, as Tasklist knows the completion once it has sent it. */
  public void record(long processInstanceKey, String elementId, long jobKey, String user) {
    completed.computeIfAbsent(processInstanceKey + "/" + elementId, k -> new CopyOnWriteArrayList<>())
        .add(new CompletedTask(Long.toString(jobKey), user));
  }

  /** The user recorded for the task whose job has this key. */
  public String userOf(long jobKey) {
    return completed.values().stream().flatMap(List::stream).filter(t -> t.taskId().equals(Long.toString(jobKey)))
        .map(CompletedTask::completedBy).findFirst().orElse(null);
  }

  public void clear() {
    completed.clear();
  }

  @Override
  public Optional<CompletedTask> nextUnattributed(long processInstanceKey, String elementId, Set<String> attributed) {
    return completed.getOrDefault(processInstanceKey + "/" + elementId, List.of()).stream()
        .filter(t -> !attributed.contains(t.taskId())).findFirst();
  }
}
