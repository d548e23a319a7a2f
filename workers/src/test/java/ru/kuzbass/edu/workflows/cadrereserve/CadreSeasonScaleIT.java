package ru.kuzbass.edu.workflows.cadrereserve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.kuzbass.edu.workflows.platform.RegionTime;
import ru.kuzbass.edu.workflows.support.EmbeddedMariaDb;
import ru.kuzbass.edu.workflows.support.ExternalDb;
import ru.kuzbass.edu.workflows.support.RealEngine;
import ru.kuzbass.edu.workflows.support.SharedMailServer;

/**
 * A season of 5,000 candidates through the level-1 cut on the real engine (the Zeebe 8.6 broker,
 * its clock moved past the close of registration) with the packaged application, MariaDB and an
 * SMTP server: 5,000 registrations through the API, one candidate case each, the cut as one job,
 * 5,000 messages, 5,000 letters. The in-memory test engine copies its whole state on every
 * lookup, so a season of this size is run here and not in the process tests. Prints the times;
 * asserts the counts.
 */
class CadreSeasonScaleIT {

  static final int CANDIDATES = 5_000;
  static final int PORT = 8097;
  static final String API = "http://localhost:" + PORT + "/api/cadre-reserve/";

  static Process broker;
  static Process workers;
  static String db;
  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

  @BeforeAll
  static void start() throws Exception {
    Path root = RealEngine.root();
    broker = RealEngine.startBroker(root, root.resolve("workers/target/it-broker.log"), true);
    db = EmbeddedMariaDb.jdbcUrl();
    workers = RealEngine.startWorkers(root, db, SharedMailServer.port(), PORT, root.resolve("workers/target/it-workers.log"), List.of(), List.of());
  }

  @AfterAll
  static void stop() throws Exception {
    RealEngine.stop(workers);
    RealEngine.stop(broker);
  }

  @Test
  void fiveThousandCandidatesPassTheLevelOneCut() throws Exception {
    LocalDate today = RegionTime.today(java.time.Clock.systemUTC());
    int season = today.isAfter(LocalDate.of(today.getYear(), 4, 30)) ? today.getYear() + 1 : today.getYear();
    Map<?, ?> started = json.readValue(post(API + "seasons", "{\"season\": " + season + "}", 201), Map.class);
    OffsetDateTime closes = OffsetDateTime.parse((String) started.get("registrationClosesAt"));

    Instant t0 = Instant.now();
    List<Long> ids = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      List<Future<String>> registered = new ArrayList<>();
      for (int n = 1; n <= CANDIDATES; n++) {
        String body = json.writeValueAsString(CadreReserveFixtures.candidate(n, "Муниципалитет " + (n % 31), List.of()));
        registered.add(pool.submit(() -> post(API + season + "/candidates", body, 201)));
      }
      for (Future<String> f : registered) {
        ids.add(((Number) json.readValue(f.get(), Map.class).get("id")).longValue());
      }
      // every tenth candidate did not finish the test; the others score 0..99
      List<Future<String>> tested = new ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        if (i % 10 != 0) {
          int s = (i * 37) % 100;
          String url = API + season + "/candidates/" + ids.get(i) + "/test-results";
          tested.add(pool.submit(() -> post(url, "{\"organising\": " + s + ", \"managerial\": " + s + ", \"leadership\": " + s + "}", 204)));
        }
      }
      for (Future<String> f : tested) {
        f.get();
      }
    }
    Duration registration = Duration.between(t0, Instant.now());
    ExternalDb.awaitCount("SELECT COUNT(*) FROM case_event WHERE event_key = 'FAST_TRACK'", CANDIDATES, Duration.ofMinutes(5));
    Duration casesReady = Duration.between(t0, Instant.now());

    Instant t1 = Instant.now();
    RealEngine.advanceClock(Duration.between(Instant.now(), closes.toInstant()).plusMinutes(1));
    ExternalDb.awaitCount("SELECT COUNT(*) FROM cadre_candidate WHERE level1_passed IS NOT NULL", CANDIDATES, Duration.ofMinutes(3));
    Duration cut = Duration.between(t1, Instant.now());
    ExternalDb.awaitCount("SELECT COUNT(*) FROM mail_outbox WHERE status = 'SENT'", CANDIDATES, Duration.ofMinutes(10));
    Duration letters = Duration.between(t1, Instant.now());

    System.out.printf("Cadre season of %d candidates on the real engine: registration and test results through the API %d s; "
            + "all candidate cases at their first wait %d s; the cut %d s after the close; all %d level-1 letters mailed %d s after the close "
            + "(%.0f letters/s)%n", CANDIDATES, registration.toSeconds(), casesReady.toSeconds(), cut.toSeconds(), CANDIDATES,
        letters.toSeconds(), CANDIDATES / (letters.toMillis() / 1000.0));
    int passing = Level1Cut.passCount(CANDIDATES - CANDIDATES / 10, new BigDecimal("0.5"));
    assertThat(ExternalDb.count("SELECT COUNT(*) FROM cadre_candidate WHERE level1_passed = TRUE")).isEqualTo(passing);
    assertThat(ExternalDb.count("SELECT COUNT(*) FROM letter WHERE kind = 'LEVEL1_PASS'")).isEqualTo(passing);
    assertThat(ExternalDb.count("SELECT COUNT(*) FROM letter WHERE kind = 'LEVEL1_REFUSAL'")).isEqualTo(CANDIDATES - passing);
    assertThat(ExternalDb.count("SELECT COUNT(*) FROM cadre_skip_token")).isEqualTo(CANDIDATES - passing);
    Thread.sleep(2000);
    assertThat(SharedMailServer.received()).as("every candidate one letter, none twice").hasSize(CANDIDATES);
    // eight worker threads appended to the audit log at once; its chains must still hold, one link per event
    Map<?, ?> verification = json.readValue(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/api/audit/verify"))
        .header("Authorization", RealEngine.AUDITOR_BASIC_AUTH).build(), HttpResponse.BodyHandlers.ofString()).body(), Map.class);
    assertThat(verification.get("valid")).as(verification.toString()).isEqualTo(true);
    assertThat(((Number) verification.get("checked")).intValue()).isGreaterThanOrEqualTo(3 * CANDIDATES);
  }

  /** Candidates register themselves (the public intake); everything else is the HR officer's or the testing platform's. */
  private String post(String url, String body, int expected) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (!url.endsWith("/candidates")) {
      request.header("Authorization", RealEngine.HR_BASIC_AUTH);
    }
    HttpResponse<String> response = RealEngine.sendAsAClientWould(http, request.build());
    assertThat(response.statusCode()).as(url + " answered " + response.body()).isEqualTo(expected);
    return response.body();
  }
}
