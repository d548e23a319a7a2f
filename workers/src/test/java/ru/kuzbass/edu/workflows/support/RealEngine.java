package ru.kuzbass.edu.workflows.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real engine and the real application as separate processes: the Zeebe broker of the Camunda
 * 8.6 distribution (unpacked into {@code .local/camunda} by the build) and the packaged workers
 * jar. Used by the integration tests and the benchmark. The broker takes the usual ports (26500,
 * 9600), so {@code ./run} must not be running at the same time.
 */
public final class RealEngine {
  private RealEngine() {}

  private static final String MANAGEMENT = "http://localhost:9600";

  /** The API users of a workers application started here: an auditor, and an HR officer for the staff endpoints. */
  public static final String AUDITOR_BASIC_AUTH = basic("auditor:auditor-secret");
  public static final String HR_BASIC_AUTH = basic("hr:hr-secret");

  private static String basic(String credentials) {
    return "Basic " + java.util.Base64.getEncoder().encodeToString(credentials.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** The project root: the parent of the workers module. */
  public static Path root() {
    Path dir = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
    return Files.exists(dir.resolve("workers")) ? dir : dir.getParent();
  }

  /**
   * Starts a broker on a fresh data directory and waits until it is ready. With
   * {@code controlledClock}, {@link #advanceClock} moves the broker's time, so timers can be fired.
   */
  public static Process startBroker(Path root, Path log, boolean controlledClock) throws IOException, InterruptedException {
    return startBroker(root, log, controlledClock, Files.createTempDirectory("zeebe-data"));
  }

  /** Starts a broker on the given data directory: a restart on the same directory carries on where the broker stopped. */
  public static Process startBroker(Path root, Path log, boolean controlledClock, Path data) throws IOException, InterruptedException {
    Path broker = root.resolve(".local/camunda/camunda-zeebe-8.6.0/bin/broker");
    if (!Files.isExecutable(broker)) {
      throw new IllegalStateException(broker + " is missing: the build unpacks it at `package` (./mvnw -pl workers package)");
    }
    ProcessBuilder builder = new ProcessBuilder(broker.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(Map.of("ZEEBE_BROKER_DATA_DIRECTORY", data.toString(),
        "ZEEBE_CLOCK_CONTROLLED", Boolean.toString(controlledClock),
        "JAVA_HOME", System.getProperty("java.home"), "JAVA_OPTS", "-Xmx768m"));
    Process process = builder.start();
    awaitHttp(MANAGEMENT + "/actuator/health/readiness", Duration.ofMinutes(3));
    return process;
  }

  /**
   * Starts the packaged workers application against the broker, a database and an SMTP server, and
   * waits for its health. {@code jvmOptions} come before the jar (for example a flight recording),
   * {@code arguments} after it (Spring properties).
   */
  public static Process startWorkers(Path root, String db, int smtp, int port, Path log, List<String> jvmOptions, List<String> arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx192m",
        "-XX:+UseSerialGC"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", root.resolve("workers/target/workers-0.1.0-SNAPSHOT.jar").toString(),
        "--management.endpoints.web.exposure.include=health,metrics",
        "--workflows.security.users[0].username=auditor", "--workflows.security.users[0].password={noop}auditor-secret",
        "--workflows.security.users[0].roles[0]=AUDITOR",
        "--workflows.security.users[1].username=hr", "--workflows.security.users[1].password={noop}hr-secret",
        "--workflows.security.users[1].roles[0]=HR",
        // the benchmark reads the heap from the actuator's metrics, which only ADMIN may
        "--workflows.security.users[2].username=admin", "--workflows.security.users[2].password={noop}admin-secret",
        "--workflows.security.users[2].roles[0]=ADMIN",
        // the driver is one client sending thousands of applications: no per-IP limit here
        "--workflows.security.intake-limit.requests=1000000000",
        // user tasks here are completed through the engine by the test driver, not in a Tasklist
        "--workflows.tasklist.enabled=false"));
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(Map.of("WORKFLOWS_DB_URL", db, "WORKFLOWS_DB_USER", "root", "WORKFLOWS_DB_PASSWORD", "",
        "WORKFLOWS_SMTP_HOST", "127.0.0.1", "WORKFLOWS_SMTP_PORT", Integer.toString(smtp), "WORKFLOWS_HTTP_PORT", Integer.toString(port),
        "WORKFLOWS_PD_KEYS", "it1=" + DATA_KEY, "WORKFLOWS_PD_INDEX_KEY", INDEX_KEY));
    Process process = builder.start();
    awaitHttp("http://localhost:" + port + "/actuator/health", Duration.ofMinutes(3));
    return process;
  }

  // throw-away keys, the same for every start in this JVM: the SNILS of the driver's applicants are sealed as in production
  private static final String DATA_KEY = randomKey();
  private static final String INDEX_KEY = randomKey();

  private static String randomKey() {
    byte[] key = new byte[32];
    new java.security.SecureRandom().nextBytes(key);
    return java.util.Base64.getEncoder().encodeToString(key);
  }

  /** Moves the broker's clock forward; needs a broker started with a controlled clock. */
  public static void advanceClock(Duration by) throws IOException, InterruptedException {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(MANAGEMENT + "/actuator/clock/add"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"offsetMilli\": " + by.toMillis() + "}")).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("The broker did not move its clock: " + response.statusCode() + " " + response.body());
    }
  }

  /** Stops the process and its children (the broker's start script runs a JVM of its own). */
  /**
   * Sends a request the way a well-behaved client of the API does: a 503 (the engine busy or away;
   * nothing was written) is sent again after its {@code Retry-After}, a few times.
   */
  public static HttpResponse<String> sendAsAClientWould(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    for (int retry = 0; retry < 5 && response.statusCode() == 503; retry++) {
      Thread.sleep(Duration.ofSeconds(response.headers().firstValueAsLong("Retry-After").orElse(1)));
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    }
    return response;
  }

  public static void stop(Process process) throws InterruptedException {
    if (process == null) {
      return;
    }
    Stream.concat(process.descendants(), Stream.of(process.toHandle())).forEach(ProcessHandle::destroy);
    process.waitFor(30, TimeUnit.SECONDS);
  }

  public static void awaitHttp(String url, Duration timeout) throws InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      try {
        if (http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not up yet
      }
      Thread.sleep(1000);
    }
    throw new IllegalStateException(url + " did not answer within " + timeout.toSeconds() + " s");
  }
}
