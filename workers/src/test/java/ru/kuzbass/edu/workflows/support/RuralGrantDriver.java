package ru.kuzbass.edu.workflows.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives rural-grant cases on the packaged application without Tasklist, for the fault tests and
 * the benchmark: applications with distinct valid SNILS, and a thread that completes each user
 * task through the engine's REST API the way HR and the commission would (documents complete,
 * grant approved, contract signed today).
 */
public final class RuralGrantDriver {

  public static final String SCHOOL = "BENCH-1";
  /** {@link #SCHOOL} in the school directory, which the application names only by its code. */
  public static final List<String> DIRECTORY_SQL = List.of(
      "INSERT IGNORE INTO municipality (code, name) VALUES ('IZH', 'Ижморский муниципальный округ')",
      "INSERT IGNORE INTO school (code, name, municipality_code, settlement_name, settlement_type, settlement_population) VALUES ('"
          + SCHOOL + "', 'МБОУ «Ижморская СОШ № 1»', 'IZH', 'Ижморский', 'URBAN_TYPE_SETTLEMENT', 9800)");
  private static final ObjectMapper JSON = new ObjectMapper();

  private RuralGrantDriver() {}

  /** Completes the user tasks as fast as they come, through one node, one at a time, until {@code running} turns false. */
  public static Thread userTasks(String baseUrl, AtomicBoolean running) {
    return userTasks(List.of(baseUrl), 1, running);
  }

  /**
   * Completes the user tasks as fast as they come, until {@code running} turns false: {@code threads}
   * at a time, each completion through the next of the nodes in turn, as behind a load balancer. A
   * task handed out is not handed out again, even when a query that began before its completion
   * lists it once more (completing it twice would fail, and cost the node a logged stack trace).
   */
  public static Thread userTasks(List<String> nodes, int threads, AtomicBoolean running) {
    HttpClient http = HttpClient.newHttpClient();
    Set<String> handedOutBefore = ConcurrentHashMap.newKeySet();
    AtomicLong turn = new AtomicLong();
    Thread t = new Thread(() -> {
      try (ExecutorService completers = Executors.newFixedThreadPool(threads)) {
        while (running.get()) {
          try {
            // a short page, asked for often: a long one costs the node more to list than the driver saves
            JsonNode tasks = JSON.readTree(send(http, HttpRequest.newBuilder(URI.create(nodes.getFirst()
                + "/engine-rest/task?processDefinitionKey=rural-teacher-grant&maxResults=" + 4 * threads)).GET()).body());
            int handedOut = 0;
            for (JsonNode task : tasks) {
              String id = task.path("id").asText();
              if (handedOutBefore.add(id)) {
                handedOut++;
                String node = nodes.get((int) (turn.getAndIncrement() % nodes.size()));
                completers.execute(() -> {
                  try {
                    int status = complete(http, node, task);
                    if (status / 100 != 2 && status != 404) {
                      handedOutBefore.remove(id); // refused for now (a conflict, the node starting): ask again later
                    }
                  } catch (IOException e) {
                    handedOutBefore.remove(id); // the node restarting, or a slow answer: the task comes back in a later query
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
              }
            }
            Thread.sleep(handedOut == 0 ? 100 : 50);
          } catch (IOException e) {
            pause(); // the application restarting, or a slow answer: ask again
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
    }, "rural-grant-user-tasks");
    t.start();
    return t;
  }

  /** Completes the task through the node; the answer's status (404: the task is done already). */
  private static int complete(HttpClient http, String node, JsonNode task) throws IOException, InterruptedException {
    Map<String, Object> vars = switch (task.path("taskDefinitionKey").asText()) {
      case "Task_CheckDocuments" -> Map.of("documentCheckOutcome", "COMPLETE");
      case "Task_DecideByCommission" -> Map.of("commissionScore", 80, "commissionDecision", "APPROVE", "commissionReason", "ok");
      case "Task_RecordContract" -> Map.of("contractNumber", "B-" + task.path("processInstanceId").asText(),
          "contractDate", LocalDate.now().toString());
      default -> Map.of();
    };
    return send(http, HttpRequest.newBuilder(URI.create(node + "/engine-rest/task/" + task.path("id").asText() + "/complete"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(completion(vars)))).statusCode();
  }

  private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) throws IOException, InterruptedException {
    return http.send(request.header("Authorization", PackagedApplication.ADMIN_BASIC_AUTH).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The REST API's completion body: each variable as {@code {"value": ...}}, its type taken from the JSON value. */
  private static String completion(Map<String, Object> vars) throws IOException {
    Map<String, Object> typed = new java.util.HashMap<>();
    vars.forEach((name, value) -> typed.put(name, Map.of("value", value)));
    return JSON.writeValueAsString(Map.of("variables", typed));
  }

  private static void pause() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The body of application number {@code n}: its own SNILS and e-mail, for school {@link #SCHOOL}. */
  public static String application(long n) {
    String digits = String.format("%09d", 100_000_000 + n % 800_000_000);
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (digits.charAt(i) - '0') * (9 - i);
    }
    String snils = digits + String.format("%02d", sum % 101 == 100 ? 0 : sum % 101);
    return """
        {"applicant": {"surname": "Тестова", "name": "Анна", "birthDate": "1994-05-17", "snils": "%s", "email": "b%d@example.ru",
                       "phone": "+7 913 555-12-34"},
         "school": {"code": "%s"},
         "position": "Учитель математики", "weeklyLoadHours": 22, "previousResidence": "г. Кемерово, ул. Весенняя, д. 5",
         "previousSettlement": {"municipality": "Кемерово", "name": "Кемерово"}, "personalDataConsent": true}
        """.formatted(snils, n, SCHOOL);
  }
}
