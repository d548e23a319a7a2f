package ru.kuzbass.edu.workflows.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Asks Tasklist's REST API (v1) who completed a task: it logs in with a service account, then
 * searches the instance's completed tasks of that element and takes the earliest one not yet
 * attributed. A job-based task's id in Tasklist is the key of its job, so the audit row names the
 * exact task.
 * Tasklist imports from the engine with a delay of seconds, so "not yet known" is an ordinary
 * answer that the calling job turns into a retry with back-off.
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

  private final TasklistProperties properties;
  private final ObjectMapper json;
  private final HttpClient http;
  private String csrfToken;

  public TasklistTaskCompletions(TasklistProperties properties, ObjectMapper json) {
    this.properties = properties;
    this.json = json;
    this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
  }

  @Override
  public synchronized Optional<CompletedTask> nextUnattributed(long processInstanceKey, String elementId, Set<String> attributed) {
    try {
      HttpResponse<String> response = search(processInstanceKey, elementId);
      if (response.statusCode() == 401 || response.statusCode() == 403) {
        login();
        response = search(processInstanceKey, elementId);
      }
      if (response.statusCode() != 200) {
        throw new IllegalStateException("Tasklist answered " + response.statusCode() + " to the task search");
      }
      return StreamSupport.stream(json.readTree(response.body()).spliterator(), false)
          .filter(t -> t.hasNonNull("assignee") && t.hasNonNull("completionDate") && !attributed.contains(t.get("id").asText()))
          .min(Comparator.comparing((JsonNode t) -> t.get("completionDate").asText()).thenComparing(t -> Long.parseLong(t.get("id").asText())))
          .map(t -> new CompletedTask(t.get("id").asText(), t.get("assignee").asText()));
    } catch (IOException e) {
      throw new UncheckedIOException("Tasklist is not reachable at " + properties.url(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> search(long processInstanceKey, String elementId) throws IOException, InterruptedException {
    String body = json.writeValueAsString(Map.of(
        "processInstanceKey", Long.toString(processInstanceKey), "taskDefinitionId", elementId, "state", "COMPLETED", "pageSize", 50));
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(properties.url() + "/v1/tasks/search"))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (csrfToken != null) {
      request.header("X-CSRF-TOKEN", csrfToken);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private void login() throws IOException, InterruptedException {
    String form = "username=" + URLEncoder.encode(properties.username(), StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(properties.password(), StandardCharsets.UTF_8);
    HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(properties.url() + "/api/login"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.discarding());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException("Tasklist refused the service log-in (" + response.statusCode() + ")");
    }
    csrfToken = response.headers().firstValue("X-CSRF-TOKEN").orElse(null);
  }
}
