package ru.kuzbass.edu.workflows.platform;

import java.util.Optional;

/**
 * Who completed a user task. Tasklist knows it (the assignee who pressed "Complete Task"); the
 * engine does not, for job-based user tasks. Approval steps that must name their approver ask here.
 */
public interface TaskCompletions {

  /** The user who completed the newest completed instance of the element, once Tasklist has imported it. */
  Optional<String> completedBy(long processInstanceKey, String elementId);
}
