package ru.kuzbass.edu.workflows.platform;

import java.util.Optional;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * For a deployment without Tasklist ({@code workflows.tasklist.enabled=false}: the benchmark, the
 * scale tests), where user tasks are completed through the engine by a program. Nobody can be
 * named, so the audit log says so instead of waiting for a Tasklist that will never answer.
 */
@Component
@ConditionalOnProperty(name = "workflows.tasklist.enabled", havingValue = "false")
public class UnattendedTaskCompletions implements TaskCompletions {

  public static final String UNATTRIBUTED = "unattributed (no Tasklist)";

  @Override
  public Optional<CompletedTask> nextUnattributed(long processInstanceKey, String elementId, Set<String> attributed) {
    return Optional.of(new CompletedTask(null, UNATTRIBUTED));
  }
}
