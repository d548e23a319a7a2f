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

/**
 * A service account's session with the REST API (v1) of Tasklist or Operate in Camunda 8.6 Self-Managed:
 * a form log-in at {@code /api/login} gives a session cookie and a CSRF token, which every POST then
 * carries. When the session expires (401/403), it logs in again once and repeats the request.
 */
public class CamundaWebSession {

  private final String url;
  private final String username;
  private final String password;
  private final ObjectMapper json;
  private final HttpClient http;
  private String csrfToken;

  public CamundaWebSession(String url, String username, String password, ObjectMapper json) {
    this.url = url;
    this.username = username;
    this.password = password;
    this.json = json;
    this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** POSTs the body as JSON and returns the answer; anything but 200 is an error naming the path. */
  public synchronized JsonNode post(String path, Object body) {
    try {
      HttpResponse<String> response = send(path, body);
      if (response.statusCode() == 401 || response.statusCode() == 403) {
        login();
        response = send(path, body);
      }
      if (response.statusCode() != 200) {
        throw new IllegalStateException(url + path + " answered " + response.statusCode());
      }
      return json.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("Camunda's web API is not reachable at " + url, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> send(String path, Object body) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
    if (csrfToken != null) {
      request.header("X-CSRF-TOKEN", csrfToken);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private void login() throws IOException, InterruptedException {
    String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url + "/api/login"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.discarding());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(url + " refused the service log-in (" + response.statusCode() + ")");
    }
    csrfToken = response.headers().firstValue("X-CSRF-TOKEN").orElse(null);
  }
}
