package ru.kuzbass.edu.workflows.platform;

import java.util.Optional;
import java.util.Set;

/**
 * Who completed a user task. Tasklist knows it (the assignee who pressed "Complete Task"); the
 * engine does not, for job-based user tasks. The audit log asks here when a user task ends.
 */
public interface TaskCompletions {

  /** A completed task: Tasklist's task id (the key of the user task's job) and the user who completed it. */
  record CompletedTask(String taskId, String completedBy) {}

  /**
   * The earliest completed instance of the element in the process instance whose task id is not
   * among {@code attributed} (those the audit log already holds); empty while Tasklist has not
   * imported it yet.
   */
  Optional<CompletedTask> nextUnattributed(long processInstanceKey, String elementId, Set<String> attributed);
}
