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

  record Result(Run ceiling, Run real, long workersRssMb, long workersHeapMb, long workersLiveHeapMb, CpuShare ceilingCpu, CpuShare cpu,
      DbLoad db, String nativeMemory) {}

  /**
   * What MariaDB did during the real run, from its global status: row-lock waits (how often a
   * statement waited for another's lock, and for how long in all) and the statements it was sent
   * (selects, inserts, updates and the rest), and the rows it read by scanning whole tables, where
   * a missing index shows.
   */
  record DbLoad(long lockWaits, long lockMillis, long statements, long selects, long inserts, long updates, long scannedRows) {

    private static final List<String> COUNTERS = List.of("Innodb_row_lock_waits", "Innodb_row_lock_time", "Questions", "Com_select",
        "Com_insert", "Com_update", "Handler_read_rnd_next");

    DbLoad minus(DbLoad before) {
      return new DbLoad(lockWaits - before.lockWaits, lockMillis - before.lockMillis, statements - before.statements,
          selects - before.selects, inserts - before.inserts, updates - before.updates, scannedRows - before.scannedRows);
    }
  }

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
      int warmUp = warmUpCases(cases);
      ceiling(zeebe, warmUp);
      Map<String, Duration> ceilingBefore = cpu(null, broker);
      Instant ceilingStart = Instant.now();
      Run ceiling = ceiling(zeebe, cases);
      CpuShare ceilingCpu = share(ceilingBefore, cpu(null, broker), ceiling.cases(), Duration.between(ceilingStart, Instant.now()));

      String db = EmbeddedMariaDb.jdbcUrl();
      List<String> jvmOptions = new ArrayList<>(List.of("-XX:NativeMemoryTracking=summary"));
      if ("1".equals(System.getenv("BENCHMARK_PROFILE"))) {
        jvmOptions.add("-XX:StartFlightRecording=dumponexit=true,filename=" + root.resolve("workers/target/p1-workers.jfr"));
      }
      workers = RealEngine.startWorkers(root, db, SharedMailServer.port(), WORKERS_PORT, root.resolve("workers/target/bench-workers.log"),
          jvmOptions,
          List.of("--ruralgrant.defaults.window-start=01-01", "--ruralgrant.defaults.window-end=12-31"));
      addVacancies(db);
      long firstApplicant = System.currentTimeMillis() % 1_000_000;
      real(zeebe, db, warmUp, firstApplicant, workers, broker);
      RealRun real = real(zeebe, db, cases, firstApplicant + warmUp, workers, broker);
      long rss = rssMb(workers.toHandle());
      long heap = heapMb();
      String nativeMemory = nativeMemory(workers.toHandle());
      jcmd(workers.toHandle(), "GC.run");
      long live = heapMb();
      return new Result(ceiling, real.run(), rss, heap, live, ceilingCpu, real.cpu(), real.db(), nativeMemory);
    } finally {
      RealEngine.stop(workers);
      RealEngine.stop(broker);
    }
  }

  /**
   * Cases pushed through before each measured run and not counted: the broker and the workers
   * application then run compiled code, as they do after their first minutes in service.
   */
  static int warmUpCases(int cases) {
    return Math.max(50, cases / 10);
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

  /** A no-op worker takes its jobs as the application's do: streamed to it (application.yml), not polled. */
  private static JobWorker noopWorker(ZeebeClient zeebe, String type, io.camunda.zeebe.client.api.worker.JobHandler handler) {
    return zeebe.newWorker().jobType(type).handler(handler).streamEnabled(true).open();
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
    noop.add(noopWorker(zeebe, "rural-grant.load-eligibility-facts", (c, j) -> {
      step.accept(j);
      c.newCompleteCommand(j).variables(facts).send();
    }));
    // the audit listeners are part of the path: the ceiling completes their jobs too
    for (String type : List.of("rural-grant.send-letter", "rural-grant.record-grant-payment", "audit.user-task", "audit.decision")) {
      noop.add(noopWorker(zeebe, type, (c, j) -> {
        step.accept(j);
        c.newCompleteCommand(j).send();
      }));
    }
    noop.add(noopWorker(zeebe, "rural-grant.schedule-confirmation", (c, j) -> {
      step.accept(j);
      c.newCompleteCommand(j).variables(Map.of("confirmationYear", 1,
          "confirmationDueAt", OffsetDateTime.now().plusYears(1).toString())).send();
      Instant t0 = started.get(j.getProcessInstanceKey());
      if (t0 != null) {
        latencies.add(Duration.between(t0, Instant.now()).toMillis());
      }
    }));
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

  private static void addVacancies(String db) throws java.sql.SQLException {
    try (Connection c = DriverManager.getConnection(db, "root", "")) {
      c.createStatement().executeUpdate("INSERT IGNORE INTO rural_grant_vacancy (campaign_year, school_code, position, places) VALUES ("
          + RegionTime.today(java.time.Clock.systemUTC()).getYear() + ", '" + RuralGrantDriver.SCHOOL + "', 'Учитель математики', 100000)");
    }
  }

  /** A real run's figures, with the CPU and database work of its cases alone (not of the queries that read its latencies). */
  private record RealRun(Run run, CpuShare cpu, DbLoad db) {}

  /** The workers application with everything real; cases come in through the intake API. */
  private static RealRun real(ZeebeClient zeebe, String db, int cases, long firstApplicant, Process workers, Process broker)
      throws Exception {
    // rows of earlier runs (the warm-up) are not counted
    long caseEventsBefore = maxId(db, "case_event");
    long auditEventsBefore = maxId(db, "audit_event");
    Map<String, Duration> cpuBefore = cpu(workers, broker);
    DbLoad dbBefore = dbLoad(db);
    AtomicBoolean running = new AtomicBoolean(true);
    Thread tasks = RuralGrantDriver.userTasks(zeebe, running);
    HttpClient http = HttpClient.newHttpClient();
    Instant begin = Instant.now();
    ExecutorService submitters = Executors.newFixedThreadPool(4);
    for (int i = 0; i < cases; i++) {
      String body = RuralGrantDriver.application(firstApplicant + i);
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
          ResultSet rs = c.createStatement().executeQuery(
              "SELECT COUNT(*) FROM case_event WHERE event_key = 'OBLIGATION_STARTED' AND id > " + caseEventsBefore)) {
        rs.next();
        done = rs.getInt(1);
      }
    }
    double seconds = Duration.between(begin, Instant.now()).toMillis() / 1000.0;
    running.set(false);
    tasks.join();
    CpuShare cpu = share(cpuBefore, cpu(workers, broker), done, Duration.between(begin, Instant.now()));
    DbLoad dbWork = dbLoad(db).minus(dbBefore);
    List<Long> latencies = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(db, "root", "");
        ResultSet rs = c.createStatement().executeQuery("""
            SELECT TIMESTAMPDIFF(MICROSECOND, s.occurred_at, o.occurred_at) / 1000 FROM case_event s
            JOIN case_event o ON o.case_number = s.case_number AND o.event_key = 'OBLIGATION_STARTED'
            WHERE s.event_key = 'SUBMITTED' AND s.id > %d""".formatted(caseEventsBefore))) {
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
              FROM audit_event WHERE kind IN ('JOB', 'DECISION', 'USER_TASK') AND id > %d) steps
            WHERE kind IN ('JOB', 'DECISION') AND ms IS NOT NULL""".formatted(auditEventsBefore))) {
      while (rs.next()) {
        jobLatencies.add(rs.getLong(1));
      }
    }
    return new RealRun(summarise(latencies, jobLatencies, seconds), cpu, dbWork);
  }

  private static long maxId(String db, String table) throws java.sql.SQLException {
    try (Connection c = DriverManager.getConnection(db, "root", "");
        ResultSet rs = c.createStatement().executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
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
    return Map.of("workers", workers == null ? Duration.ZERO : total(workers.toHandle()), "broker", total(broker.toHandle()),
        "mariadb", total(mariadb), "driver", ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO));
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

  private static DbLoad dbLoad(String db) throws java.sql.SQLException {
    Map<String, Long> status = new HashMap<>();
    try (Connection c = DriverManager.getConnection(db, "root", "");
        ResultSet rs = c.createStatement().executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN ('"
            + String.join("', '", DbLoad.COUNTERS) + "')")) {
      while (rs.next()) {
        status.put(rs.getString(1), rs.getLong(2));
      }
    }
    long[] v = DbLoad.COUNTERS.stream().mapToLong(name -> status.getOrDefault(name, 0L)).toArray();
    return new DbLoad(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
  }

  /**
   * Where the workers' memory is committed, by the JVM's native memory tracking: its five largest
   * areas in MB. What RSS holds beyond their total is outside the JVM's accounting (mostly the C
   * library's malloc arenas).
   */
  private static String nativeMemory(ProcessHandle workers) throws IOException, InterruptedException {
    String out = jcmd(workers, "VM.native_memory", "summary");
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

  private static String jcmd(ProcessHandle jvm, String... command) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(jvm.pid())));
    args.addAll(List.of(command));
    Process jcmd = new ProcessBuilder(args).redirectErrorStream(true).start();
    String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    jcmd.waitFor();
    return out;
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
