package ru.kuzbass.edu.workflows.support;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import ru.kuzbass.edu.workflows.platform.TaskCompletions;

/**
 * Stands in for Tasklist, which the in-memory engine does not have: tests say who completes a user
 * task ({@link ProcessTest#completeUserTaskAs}) and the approval workers read it back here. The
 * real lookup (TasklistTaskCompletions) is exercised by the browser test against the real Tasklist.
 */
public class RecordedTaskCompletions implements TaskCompletions {

  private final Map<String, String> completedBy = new ConcurrentHashMap<>();

  public void record(long processInstanceKey, String elementId, String user) {
    completedBy.put(processInstanceKey + "/" + elementId, user);
  }

  public void clear() {
    completedBy.clear();
  }

  @Override
  public Optional<String> completedBy(long processInstanceKey, String elementId) {
    return Optional.ofNullable(completedBy.get(processInstanceKey + "/" + elementId));
  }
}
