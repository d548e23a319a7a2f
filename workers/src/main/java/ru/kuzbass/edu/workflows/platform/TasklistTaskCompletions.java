package ru.kuzbass.edu.workflows.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Asks Tasklist's REST API (v1) who completed a task: it searches the instance's completed tasks of
 * that element and takes the earliest one not yet attributed. A job-based task's id in Tasklist is
 * the key of its job, so the audit row names the exact task. Tasklist imports from the engine with
 * a delay of seconds, so "not yet known" is an ordinary answer that the calling job turns into a
 * retry with back-off.
 */
@Component
@ConditionalOnProperty(name = "workflows.tasklist.enabled", havingValue = "true", matchIfMissing = true)
public class TasklistTaskCompletions implements TaskCompletions {

  @ConfigurationProperties("workflows.tasklist")
  public record TasklistProperties(Boolean enabled, String url, String username, String password) {
    public TasklistProperties {
      url = url == null ? "http://localhost:8080" : url;
      username = username == null ? "demo" : username;
      password = password == null ? "demo" : password;
    }
  }

  private final CamundaWebSession tasklist;

  public TasklistTaskCompletions(TasklistProperties properties, ObjectMapper json) {
    this.tasklist = new CamundaWebSession(properties.url(), properties.username(), properties.password(), json);
  }

  @Override
  public Optional<CompletedTask> nextUnattributed(long processInstanceKey, String elementId, Set<String> attributed) {
    JsonNode tasks = tasklist.post("/v1/tasks/search", Map.of(
        "processInstanceKey", Long.toString(processInstanceKey), "taskDefinitionId", elementId, "state", "COMPLETED", "pageSize", 50));
    return StreamSupport.stream(tasks.spliterator(), false)
        .filter(t -> t.hasNonNull("assignee") && t.hasNonNull("completionDate") && !attributed.contains(t.get("id").asText()))
        .min(Comparator.comparing((JsonNode t) -> t.get("completionDate").asText()).thenComparing(t -> Long.parseLong(t.get("id").asText())))
        .map(t -> new CompletedTask(t.get("id").asText(), t.get("assignee").asText()));
  }
}
