package ru.kuzbass.edu.workflows.benchmark;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.worker.JobWorker;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import ru.kuzbass.edu.workflows.platform.RegionTime;
import ru.kuzbass.edu.workflows.support.EmbeddedMariaDb;
import ru.kuzbass.edu.workflows.support.RealEngine;
import ru.kuzbass.edu.workflows.support.RuralGrantDriver;
import ru.kuzbass.edu.workflows.support.SharedMailServer;

/**
 * P1 and P4: rural-grant cases end to end on the real engine (Zeebe 8.6 broker of the Camunda
 * distribution), first with no-op workers (the engine's ceiling for this BPMN), then with the real
 * workers application (intake API, eligibility DMN, MariaDB, PDF/A letters, SMTP). The driver
 * completes the user tasks through the engine. A case counts once it waits for its first yearly
 * confirmation. With {@code BENCHMARK_PROFILE=1} the workers application records a flight recording
 * of the run into {@code workers/target/p1-workers.jfr} ({@code jfr view hot-methods}, or JDK
 * Mission Control); it is off by default because the recorder's buffers would count in P4.
 */
final class EndToEndBenchmark {

  /**
   * A run's figures. A job's latency runs from the step before it in the same case (when the engine
   * created the job) to the job's own end: queueing, hand-over and the work. Jobs after a user task
   * count from the end of the user task's listener job, so the driver's time is not in them.
   */
  record Run(int cases, double casesPerSecond, long p50Millis, long p99Millis, long jobP50Millis, long jobP99Millis, int jobs) {}

  record Result(Run ceiling, Run real, long workersRssMb, long workersHeapMb, CpuShare cpu, LockWaits locks, String nativeMemory) {}

  /** MariaDB's row-lock waits during the real run: how often a statement waited for another's lock, and for how long in all. */
  record LockWaits(long waits, long millis) {}

  /**
   * Where the CPU went during the real run, in CPU milliseconds per case, by process; and how busy
   * the machine's cores were. The driver is this JVM alone (the others are its child processes),
   * which also runs the SMTP server.
   */
  record CpuShare(double workers, double broker, double mariadb, double driverAndSmtp, double busyShare) {}

  private static final String PROCESS = "rural-teacher-grant";
  private static final int WORKERS_PORT = 8098;

  private EndToEndBenchmark() {}

  static Result run(Path root, int cases) throws Exception {
    Process broker = RealEngine.startBroker(root, root.resolve("workers/target/bench-broker.log"), false);
    Process workers = null;
    try (ZeebeClient zeebe = ZeebeClient.newClientBuilder().grpcAddress(URI.create("http://localhost:26500")).usePlaintext().build()) {
      deploy(zeebe, root);
      Run ceiling = ceiling(zeebe, cases);

      String db = EmbeddedMariaDb.jdbcUrl();
      List<String> jvmOptions = new ArrayList<>(List.of("-XX:NativeMemoryTracking=summary"));
      if ("1".equals(System.getenv("BENCHMARK_PROFILE"))) {
        jvmOptions.add("-XX:StartFlightRecording=dumponexit=true,filename=" + root.resolve("workers/target/p1-workers.jfr"));
      }
      workers = RealEngine.startWorkers(root, db, SharedMailServer.port(), WORKERS_PORT, root.resolve("workers/target/bench-workers.log"),
          jvmOptions,
          List.of("--ruralgrant.defaults.window-start=01-01", "--ruralgrant.defaults.window-end=12-31"));
      Map<String, Duration> before = cpu(workers, broker);
      LockWaits locksBefore = lockWaits(db);
      Instant t0 = Instant.now();
      Run real = real(zeebe, db, cases);
      CpuShare cpu = share(before, cpu(workers, broker), real.cases(), Duration.between(t0, Instant.now()));
      LockWaits locksAfter = lockWaits(db);
      long rss = rssMb(workers.toHandle());
      long heap = heapMb();
      return new Result(ceiling, real, rss, heap, cpu,
          new LockWaits(locksAfter.waits() - locksBefore.waits(), locksAfter.millis() - locksBefore.millis()), nativeMemory(workers.toHandle()));
    } finally {
      RealEngine.stop(workers);
      RealEngine.stop(broker);
    }
  }

  private static void deploy(ZeebeClient zeebe, Path root) throws IOException {
    var command = zeebe.newDeployResourceCommand()
        .addResourceFile(root.resolve("processes/rural-teacher-grant/rural-teacher-grant.bpmn").toString())
        .addResourceFile(root.resolve("processes/rural-teacher-grant/rural-grant-eligibility.dmn").toString());
    try (Stream<Path> forms = Files.list(root.resolve("forms/rural-teacher-grant"))) {
      for (Path form : forms.toList()) {
        command = command.addResourceFile(form.toString());
      }
    }
    command.send().join();
  }

  /** The same BPMN with workers that only complete their jobs: what the engine alone can do here. */
  private static Run ceiling(ZeebeClient zeebe, int cases) throws InterruptedException {
    Map<Long, Instant> started = new ConcurrentHashMap<>();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    Map<String, Object> facts = new HashMap<>();
    facts.putAll(Map.of("settlementType", "VILLAGE", "settlementPopulation", 1000, "vacancyListed", true, "applicantAge", 30,
        "weeklyLoadHours", 20, "submittedOn", LocalDate.now().toString(),
        "allowedSettlementTypes", List.of("VILLAGE"), "maxPopulation", 50000, "minWeeklyLoadHours", 18, "obligationYears", 5));
    facts.put("ageLimit", null);
    facts.put("windowStart", "2000-01-01");
    facts.put("windowEnd", "2100-12-31");
    // the end of each case's last step, as the real run reads it from the audit log
    Map<Long, Instant> lastStep = new ConcurrentHashMap<>();
    List<Long> jobLatencies = Collections.synchronizedList(new ArrayList<>());
    java.util.function.Consumer<ActivatedJob> step = j -> {
      Instant now = Instant.now();
      Instant before = lastStep.put(j.getProcessInstanceKey(), now);
      if (before != null && !j.getType().equals("audit.user-task")) {
        jobLatencies.add(Duration.between(before, now).toMillis());
      }
    };
    List<JobWorker> noop = new ArrayList<>();
    noop.add(zeebe.newWorker().jobType("rural-grant.load-eligibility-facts").handler((c, j) -> {
      step.accept(j);
      c.newCompleteCommand(j).variables(facts).send();
    }).open());
    // the audit listeners are part of the path: the ceiling completes their jobs too
    for (String type : List.of("rural-grant.send-letter", "rural-grant.record-grant-payment", "audit.user-task", "audit.decision")) {
      noop.add(zeebe.newWorker().jobType(type).handler((c, j) -> {
        step.accept(j);
        c.newCompleteCommand(j).send();
      }).open());
    }
    noop.add(zeebe.newWorker().jobType("rural-grant.schedule-confirmation").handler((c, j) -> {
      step.accept(j);
      c.newCompleteCommand(j).variables(Map.of("confirmationYear", 1,
          "confirmationDueAt", OffsetDateTime.now().plusYears(1).toString())).send();
      Instant t0 = started.get(j.getProcessInstanceKey());
      if (t0 != null) {
        latencies.add(Duration.between(t0, Instant.now()).toMillis());
      }
    }).open());
    AtomicBoolean running = new AtomicBoolean(true);
    Thread tasks = RuralGrantDriver.userTasks(zeebe, running);
    Instant begin = Instant.now();
    for (int i = 0; i < cases; i++) {
      long key = zeebe.newCreateInstanceCommand().bpmnProcessId(PROCESS).latestVersion()
          .variables(Map.of("caseId", i, "caseNumber", "NOOP-" + i)).send().join().getProcessInstanceKey();
      started.put(key, Instant.now());
    }
    while (latencies.size() < cases && Duration.between(begin, Instant.now()).toMinutes() < 15) {
      Thread.sleep(200);
    }
    double seconds = Duration.between(begin, Instant.now()).toMillis() / 1000.0;
    running.set(false);
    tasks.join();
    noop.forEach(JobWorker::close);
    return summarise(latencies, jobLatencies, seconds);
  }

  /** The workers application with everything real; cases come in through the intake API. */
  private static Run real(ZeebeClient zeebe, String db, int cases) throws Exception {
    try (Connection c = DriverManager.getConnection(db, "root", "")) {
      c.createStatement().executeUpdate("INSERT IGNORE INTO rural_grant_vacancy (campaign_year, school_code, position, places) VALUES ("
          + RegionTime.today(java.time.Clock.systemUTC()).getYear() + ", '" + RuralGrantDriver.SCHOOL + "', 'Учитель математики', 100000)");
    }
    AtomicBoolean running = new AtomicBoolean(true);
    Thread tasks = RuralGrantDriver.userTasks(zeebe, running);
    HttpClient http = HttpClient.newHttpClient();
    Instant begin = Instant.now();
    ExecutorService submitters = Executors.newFixedThreadPool(4);
    long base = System.currentTimeMillis() % 1_000_000;
    for (int i = 0; i < cases; i++) {
      String body = RuralGrantDriver.application(base + i);
      submitters.submit(() -> RealEngine.sendAsAClientWould(http,
          HttpRequest.newBuilder(URI.create("http://localhost:" + WORKERS_PORT + "/api/rural-grants/applications"))
              .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build()));
    }
    submitters.shutdown();
    submitters.awaitTermination(15, TimeUnit.MINUTES);
    int done = 0;
    while (done < cases && Duration.between(begin, Instant.now()).toMinutes() < 20) {
      Thread.sleep(500);
      try (Connection c = DriverManager.getConnection(db, "root", "");
          ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM case_event WHERE event_key = 'OBLIGATION_STARTED'")) {
        rs.next();
        done = rs.getInt(1);
      }
    }
    double seconds = Duration.between(begin, Instant.now()).toMillis() / 1000.0;
    running.set(false);
    tasks.join();
    List<Long> latencies = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(db, "root", "");
        ResultSet rs = c.createStatement().executeQuery("""
            SELECT TIMESTAMPDIFF(MICROSECOND, s.occurred_at, o.occurred_at) / 1000 FROM case_event s
            JOIN case_event o ON o.case_number = s.case_number AND o.event_key = 'OBLIGATION_STARTED'
            WHERE s.event_key = 'SUBMITTED'""")) {
      while (rs.next()) {
        latencies.add(rs.getLong(1));
      }
    }
    // every step writes its audit row as it ends (user tasks through their listener job); letters and ledger rows are left out
    List<Long> jobLatencies = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(db, "root", "");
        ResultSet rs = c.createStatement().executeQuery("""
            SELECT ms FROM (
              SELECT kind, TIMESTAMPDIFF(MICROSECOND, LAG(occurred_at) OVER (PARTITION BY case_number ORDER BY id), occurred_at) / 1000 AS ms
              FROM audit_event WHERE kind IN ('JOB', 'DECISION', 'USER_TASK')) steps
            WHERE kind IN ('JOB', 'DECISION') AND ms IS NOT NULL""")) {
      while (rs.next()) {
        jobLatencies.add(rs.getLong(1));
      }
    }
    return summarise(latencies, jobLatencies, seconds);
  }

  private static Run summarise(List<Long> caseLatencies, List<Long> jobLatencies, double seconds) {
    List<Long> cases = sorted(caseLatencies);
    List<Long> jobs = sorted(jobLatencies);
    return new Run(cases.size(), cases.size() / seconds, percentile(cases, 0.5), percentile(cases, 0.99), percentile(jobs, 0.5),
        percentile(jobs, 0.99), jobs.size());
  }

  private static List<Long> sorted(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted;
  }

  private static long percentile(List<Long> sorted, double share) {
    return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, Math.max(0, (int) Math.ceil(sorted.size() * share) - 1)));
  }

  private static Map<String, Duration> cpu(Process workers, Process broker) {
    String port = "--port=" + URI.create(EmbeddedMariaDb.jdbcUrl().substring("jdbc:".length())).getPort();
    ProcessHandle mariadb = ProcessHandle.allProcesses()
        .filter(p -> p.info().arguments().map(a -> java.util.Arrays.asList(a).contains(port)).orElse(false)).findFirst().orElseThrow();
    return Map.of("workers", total(workers.toHandle()), "broker", total(broker.toHandle()), "mariadb", total(mariadb),
        "driver", ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO));
  }

  private static Duration total(ProcessHandle p) {
    return Stream.concat(Stream.of(p), p.descendants()).map(h -> h.info().totalCpuDuration().orElse(Duration.ZERO))
        .reduce(Duration.ZERO, Duration::plus);
  }

  private static CpuShare share(Map<String, Duration> before, Map<String, Duration> after, int cases, Duration wall) {
    java.util.function.Function<String, Double> perCase = k -> (after.get(k).toMillis() - before.get(k).toMillis()) / (double) Math.max(cases, 1);
    double all = after.keySet().stream().mapToLong(k -> after.get(k).toMillis() - before.get(k).toMillis()).sum();
    return new CpuShare(perCase.apply("workers"), perCase.apply("broker"), perCase.apply("mariadb"), perCase.apply("driver"),
        all / (wall.toMillis() * (double) Runtime.getRuntime().availableProcessors()));
  }

  private static long rssMb(ProcessHandle p) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(p.pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
      }
    }
    return -1;
  }

  private static LockWaits lockWaits(String db) throws java.sql.SQLException {
    Map<String, Long> status = new HashMap<>();
    try (Connection c = DriverManager.getConnection(db, "root", "");
        ResultSet rs = c.createStatement().executeQuery(
            "SHOW GLOBAL STATUS WHERE Variable_name IN ('Innodb_row_lock_waits', 'Innodb_row_lock_time')")) {
      while (rs.next()) {
        status.put(rs.getString(1), rs.getLong(2));
      }
    }
    return new LockWaits(status.getOrDefault("Innodb_row_lock_waits", 0L), status.getOrDefault("Innodb_row_lock_time", 0L));
  }

  /**
   * Where the workers' memory is committed, by the JVM's native memory tracking: its five largest
   * areas in MB. What RSS holds beyond their total is outside the JVM's accounting (mostly the C
   * library's malloc arenas).
   */
  private static String nativeMemory(ProcessHandle workers) throws IOException, InterruptedException {
    Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(workers.pid()),
        "VM.native_memory", "summary").redirectErrorStream(true).start();
    String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    jcmd.waitFor();
    java.util.regex.Matcher total = java.util.regex.Pattern.compile("Total: reserved=\\d+KB, committed=(\\d+)KB").matcher(out);
    java.util.regex.Matcher area = java.util.regex.Pattern.compile("-\\s+([A-Za-z][A-Za-z ]*?) \\(reserved=\\d+KB, committed=(\\d+)KB").matcher(out);
    List<Map.Entry<String, Long>> areas = new ArrayList<>();
    while (area.find()) {
      areas.add(Map.entry(area.group(1), Long.parseLong(area.group(2)) / 1024));
    }
    if (!total.find() || areas.isEmpty()) {
      return "not available (" + out.strip().lines().findFirst().orElse("jcmd printed nothing") + ")";
    }
    areas.sort(Map.Entry.<String, Long>comparingByValue().reversed());
    return "committed " + Long.parseLong(total.group(1)) / 1024 + " MB: " + String.join(", ",
        areas.stream().limit(5).map(e -> e.getKey() + " " + e.getValue()).toList());
  }

  private static long heapMb() throws IOException, InterruptedException {
    String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + WORKERS_PORT + "/actuator/metrics/jvm.memory.used?tag=area:heap"))
            .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("admin:admin-secret".getBytes(StandardCharsets.UTF_8)))
            .build(),
        HttpResponse.BodyHandlers.ofString()).body();
    String value = body.replaceAll("(?s).*\"value\"\\s*:\\s*([0-9.Ee+]+).*", "$1");
    return (long) (Double.parseDouble(value) / 1024 / 1024);
  }
}
