package ru.kuzbass.edu.workflows.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import ru.kuzbass.edu.workflows.support.PackagedApplication;
import ru.kuzbass.edu.workflows.support.RuralGrantDriver;

/**
 * P1's driver: starts rural-grant cases on one or more nodes, each case on the next node in turn as
 * a load balancer would, and completes their user tasks the way HR and the commission would
 * ({@link RuralGrantDriver}). A real case comes in through the intake API; a ceiling case is
 * started through the engine's REST API with the variables the intake gives it.
 */
final class CaseLoad implements AutoCloseable {

  enum Intake { API, ENGINE }

  /** How many requests the driver has open at once when it sends as fast as it can. */
  private static final int SENDERS = 4;

  private final List<String> nodes;
  private final Intake intake;
  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread userTasks;
  private long next = System.currentTimeMillis() % 1_000_000;

  CaseLoad(List<String> nodes, Intake intake) {
    this.nodes = nodes;
    this.intake = intake;
    this.userTasks = RuralGrantDriver.userTasks(nodes, SENDERS, running);
  }

  /** Sends {@code cases} cases as fast as the nodes take them. */
  void sendAll(int cases) throws Exception {
    send(cases, 0);
  }

  /** Sends {@code cases} cases at {@code perSecond}, evenly spaced, whether or not the nodes keep up. */
  void sendAt(int cases, double perSecond) throws Exception {
    send(cases, perSecond);
  }

  private void send(int cases, double perSecond) throws Exception {
    try (ExecutorService senders = Executors.newFixedThreadPool(perSecond > 0 ? 64 : SENDERS)) {
      List<Future<HttpResponse<String>>> sent = new ArrayList<>();
      long begin = System.nanoTime();
      for (int i = 0; i < cases; i++) {
        if (perSecond > 0) {
          long due = begin + (long) (i * 1e9 / perSecond);
          TimeUnit.NANOSECONDS.sleep(Math.max(0, due - System.nanoTime()));
        }
        HttpRequest request = request(nodes.get(i % nodes.size()), next++);
        sent.add(senders.submit(() -> PackagedApplication.sendAsAClientWould(http, request)));
      }
      for (Future<HttpResponse<String>> f : sent) {
        HttpResponse<String> response = f.get();
        if (response.statusCode() / 100 != 2) {
          throw new IllegalStateException("A case was refused: " + response.statusCode() + " " + response.body());
        }
      }
    }
  }

  private HttpRequest request(String node, long n) {
    return switch (intake) {
      case API -> HttpRequest.newBuilder(URI.create(node + "/api/rural-grants/applications")).header("Content-Type", "application/json")
          .timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.ofString(RuralGrantDriver.application(n))).build();
      case ENGINE -> HttpRequest.newBuilder(URI.create(node + "/engine-rest/process-definition/key/rural-teacher-grant/start"))
          .header("Content-Type", "application/json").header("Authorization", PackagedApplication.ADMIN_BASIC_AUTH)
          .timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.ofString(engineStart(n))).build();
    };
  }

  /** The variables the intake starts a case with ({@code RuralGrantService.submit}). */
  private static String engineStart(long n) {
    return """
        {"businessKey": "ЗУ-BENCH-%1$06d", "variables": {
          "caseId": {"value": %1$d, "type": "Long"}, "caseNumber": {"value": "ЗУ-BENCH-%1$06d"},
          "campaignYear": {"value": %2$d}, "schoolCode": {"value": "%3$s"},
          "municipality": {"value": "Ижморский муниципальный округ"}, "position": {"value": "Учитель математики"}}}
        """.formatted(n, java.time.Year.now().getValue(), RuralGrantDriver.SCHOOL);
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    userTasks.join();
  }
}
