package ru.kuzbass.edu.workflows.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application (the workers jar, with the embedded engine) run as a process of its own,
 * as in production, against a database and an SMTP server the test provides. Used by the
 * integration tests, which kill and restart it.
 */
public final class PackagedApplication {
  private PackagedApplication() {}

  /** The API users of an application started here: an auditor, an HR officer, and an administrator (the engine's REST API). */
  public static final String AUDITOR_BASIC_AUTH = basic("auditor:auditor-secret");
  public static final String HR_BASIC_AUTH = basic("hr:hr-secret");
  public static final String ADMIN_BASIC_AUTH = basic("admin:admin-secret");

  private static String basic(String credentials) {
    return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

  /** The project root: the parent of the workers module. */
  public static Path root() {
    Path dir = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
    return Files.exists(dir.resolve("workers")) ? dir : dir.getParent();
  }

  /**
   * Starts the packaged application on a database and an SMTP server, and waits for its health.
   * {@code arguments} come after the jar (Spring properties).
   */
  public static Process start(Path root, String db, int smtp, int port, Path log, List<String> arguments)
      throws IOException, InterruptedException {
    return start(List.of("-jar", jar(root).toString()), db, smtp, port, log, arguments);
  }

  /** The packaged jar. */
  public static Path jar(Path root) {
    return root.resolve("workers/target/workers-0.1.0-SNAPSHOT.jar");
  }

  /**
   * Starts the application as {@link #start(Path, String, int, int, Path, List)} does, with the
   * production heap limit and collector (docker/Dockerfile), and {@code launch} after them: further
   * JVM options and what to run ({@code -jar} and the jar, or a class path and a main class).
   */
  public static Process start(List<String> launch, String db, int smtp, int port, Path log, List<String> arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
        "-XX:+UseSerialGC"));
    command.addAll(launch);
    command.addAll(List.of(
        "--workflows.security.users[0].username=auditor", "--workflows.security.users[0].password={noop}auditor-secret",
        "--workflows.security.users[0].roles[0]=AUDITOR",
        "--workflows.security.users[1].username=hr", "--workflows.security.users[1].password={noop}hr-secret",
        "--workflows.security.users[1].roles[0]=HR",
        "--workflows.security.users[2].username=admin", "--workflows.security.users[2].password={noop}admin-secret",
        "--workflows.security.users[2].roles[0]=ADMIN",
        // the driver is one client sending hundreds of applications: no per-IP limit here
        "--workflows.security.intake-limit.requests=1000000000"));
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(Map.of("WORKFLOWS_DB_URL", db, "WORKFLOWS_DB_USER", "root", "WORKFLOWS_DB_PASSWORD", "",
        "WORKFLOWS_SMTP_HOST", "127.0.0.1", "WORKFLOWS_SMTP_PORT", Integer.toString(smtp), "WORKFLOWS_HTTP_PORT", Integer.toString(port),
        "WORKFLOWS_PD_KEYS", "it1=" + DATA_KEY, "WORKFLOWS_PD_INDEX_KEY", INDEX_KEY));
    Process process = builder.start();
    try {
      awaitHttp("http://localhost:" + port + "/actuator/health", Duration.ofMinutes(3));
    } catch (IllegalStateException e) {
      process.destroyForcibly();
      throw new IllegalStateException(e.getMessage() + " (log: " + log + ")", e);
    }
    return process;
  }

  // throw-away keys, the same for every start in this JVM: the SNILS of the driver's applicants are sealed as in production
  private static final String DATA_KEY = randomKey();
  private static final String INDEX_KEY = randomKey();

  private static String randomKey() {
    byte[] key = new byte[32];
    new java.security.SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  /**
   * Sends a request the way a well-behaved client of the API does: a 503 (the database away; nothing
   * was written) is sent again after its {@code Retry-After}, a few times.
   */
  public static HttpResponse<String> sendAsAClientWould(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    for (int retry = 0; retry < 5 && response.statusCode() == 503; retry++) {
      Thread.sleep(Duration.ofSeconds(response.headers().firstValueAsLong("Retry-After").orElse(1)));
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    }
    return response;
  }

  /** Stops the application as a service manager would (SIGTERM), and waits for it. */
  public static void stop(Process process) throws InterruptedException {
    if (process == null) {
      return;
    }
    process.destroy();
    process.waitFor(60, TimeUnit.SECONDS);
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
