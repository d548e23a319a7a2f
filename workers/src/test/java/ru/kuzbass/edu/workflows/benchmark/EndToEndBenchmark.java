package ru.kuzbass.edu.workflows.benchmark;

import com.icegreen.greenmail.util.GreenMail;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import ru.kuzbass.edu.workflows.benchmark.CaseFigures.DbLoad;
import ru.kuzbass.edu.workflows.benchmark.CaseFigures.Run;
import ru.kuzbass.edu.workflows.benchmark.CaseLoad.Intake;
import ru.kuzbass.edu.workflows.benchmark.ProcessFigures.Cpu;
import ru.kuzbass.edu.workflows.benchmark.ProcessFigures.Memory;
import ru.kuzbass.edu.workflows.benchmark.ProcessFigures.Share;
import ru.kuzbass.edu.workflows.platform.RegionTime;
import ru.kuzbass.edu.workflows.support.EmbeddedMariaDb;
import ru.kuzbass.edu.workflows.support.PackagedApplication;
import ru.kuzbass.edu.workflows.support.RuralGrantDriver;
import ru.kuzbass.edu.workflows.support.SharedMailServer;

/**
 * P1 and P4: rural-grant cases end to end on the packaged application (its embedded engine, MariaDB,
 * a real SMTP server), each run on a database of its own, one after the other:
 * <ol>
 *   <li>the ceiling: the same BPMN and DMN with no-op handlers ({@link NoOpStepsApplication}), cases
 *       started through the engine's REST API;
 *   <li>the real application, cases through the intake API (DMN, PDF/A letters, SMTP, ledger, audit),
 *       as fast as it takes them; then at half that rate, a load it sustains, for the latencies; then
 *       its memory (P4);
 *   <li>two nodes of the real application on one database, under the same driver, each case and each
 *       user task sent to the next node in turn.
 * </ol>
 * The driver completes the three user tasks of each case through the engine's REST API. A case
 * counts once it waits for its first yearly confirmation. Before each measured run a warm-up of
 * cases is not counted, so that the nodes run compiled code, as they do after their first minutes
 * in service. With {@code BENCHMARK_PROFILE=1} the real node records a flight recording into
 * {@code workers/target/p1-workers.jfr}; it is off by default because its buffers would count in P4.
 */
final class EndToEndBenchmark {

  /** A measured run: the engine's figures of its cases, CPU per case by process, and what MariaDB did for them. */
  record Measured(Run run, Share cpu, DbLoad db) {}

  record Result(Measured ceiling, Measured real, double sustainedRate, Run sustained, Memory memory, Measured twoNodes) {
    double ratio() {
      return real.run().casesPerSecond() / ceiling.run().casesPerSecond();
    }
  }

  private static final int PORT = 8098;
  private static final int SECOND_PORT = 8096;
  private static final List<String> ARGUMENTS = List.of("--ruralgrant.defaults.window-start=01-01", "--ruralgrant.defaults.window-end=12-31");

  private EndToEndBenchmark() {}

  static Result run(Path root, int cases) throws Exception {
    int warmUp = Math.max(100, cases / 5);
    GreenMail mail = SharedMailServer.get();

    String ceilingDb = database("bench_ceiling");
    Process ceilingNode = PackagedApplication.start(noOpLaunch(root), ceilingDb, SharedMailServer.port(), PORT, log(root, "ceiling"), ARGUMENTS);
    Measured ceiling;
    try (CaseLoad load = new CaseLoad(List.of(url(PORT)), Intake.ENGINE)) {
      ceiling = measure(load, ceilingDb, List.of(ceilingNode), warmUp, cases);
    } finally {
      PackagedApplication.stop(ceilingNode);
    }

    String realDb = database("bench_real");
    List<String> launch = new ArrayList<>(List.of("-XX:NativeMemoryTracking=summary"));
    if ("1".equals(System.getenv("BENCHMARK_PROFILE"))) {
      launch.add("-XX:StartFlightRecording=dumponexit=true,filename=" + root.resolve("workers/target/p1-workers.jfr"));
    }
    launch.addAll(List.of("-jar", PackagedApplication.jar(root).toString()));
    Process realNode = PackagedApplication.start(launch, realDb, SharedMailServer.port(), PORT, log(root, "real"), ARGUMENTS);
    Measured real;
    double rate;
    Run sustained;
    Memory memory;
    try (CaseLoad load = new CaseLoad(List.of(url(PORT)), Intake.API)) {
      addVacancies(realDb);
      real = measure(load, realDb, List.of(realNode), warmUp, cases);
      mail.purgeEmailFromAllMailboxes();
      rate = Math.max(0.1, Math.round(real.run().casesPerSecond() * 5) / 10.0); // half, to a tenth
      CaseFigures figures = new CaseFigures(realDb);
      Timestamp mark = figures.mark();
      Thread.sleep(50);
      int sustainedCases = (int) Math.max(100, rate * 60);
      load.sendAt(sustainedCases, rate);
      figures.awaitAtWait(mark, sustainedCases, Duration.ofMinutes(10));
      sustained = figures.run(mark);
      memory = Memory.of(realNode);
    } finally {
      PackagedApplication.stop(realNode);
    }
    mail.purgeEmailFromAllMailboxes();

    String twoDb = database("bench_two");
    List<Process> twoNodes = new ArrayList<>();
    Measured two;
    try {
      twoNodes.add(PackagedApplication.start(root, twoDb, SharedMailServer.port(), PORT, log(root, "node-1"), ARGUMENTS));
      twoNodes.add(PackagedApplication.start(root, twoDb, SharedMailServer.port(), SECOND_PORT, log(root, "node-2"), ARGUMENTS));
      addVacancies(twoDb);
      try (CaseLoad load = new CaseLoad(List.of(url(PORT), url(SECOND_PORT)), Intake.API)) {
        two = measure(load, twoDb, twoNodes, warmUp, cases);
      }
    } finally {
      for (Process node : twoNodes) {
        PackagedApplication.stop(node);
      }
    }
    mail.purgeEmailFromAllMailboxes();
    return new Result(ceiling, real, rate, sustained, memory, two);
  }

  /** A warm-up not counted, then {@code cases} cases sent as fast as the nodes take them, with the CPU and database work they cost. */
  private static Measured measure(CaseLoad load, String db, List<Process> nodes, int warmUp, int cases) throws Exception {
    CaseFigures figures = new CaseFigures(db);
    Timestamp before = figures.mark();
    load.sendAll(warmUp);
    figures.awaitAtWait(before, warmUp, Duration.ofMinutes(10));
    SharedMailServer.get().purgeEmailFromAllMailboxes();
    Timestamp mark = figures.mark();
    Thread.sleep(50); // every case after the mark is a measured one
    Cpu cpuBefore = Cpu.now(db, nodes);
    DbLoad dbBefore = figures.dbLoad();
    load.sendAll(cases);
    figures.awaitAtWait(mark, cases, Duration.ofMinutes(20));
    Share cpu = Cpu.now(db, nodes).perCase(cpuBefore, cases);
    DbLoad dbWork = figures.dbLoad().minus(dbBefore);
    return new Measured(figures.run(mark), cpu, dbWork);
  }

  /**
   * The workers jar run with {@link NoOpStepsApplication} as its main class: the launcher inside the
   * jar takes that class from a small jar of its own ({@code loader.path}), and nothing else of the tests.
   */
  private static List<String> noOpLaunch(Path root) throws IOException {
    Path jar = root.resolve("workers/target/bench-no-op-steps.jar");
    Path classes = Path.of(NoOpStepsApplication.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    String dir = NoOpStepsApplication.class.getPackageName().replace('.', '/');
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); var files = Files.list(classes.resolve(dir))) {
      for (Path file : files.filter(f -> f.getFileName().toString().startsWith(NoOpStepsApplication.class.getSimpleName())).toList()) {
        out.putNextEntry(new JarEntry(dir + "/" + file.getFileName()));
        out.write(Files.readAllBytes(file));
        out.closeEntry();
      }
    }
    return List.of("-cp", PackagedApplication.jar(root).toString(), "-Dloader.path=" + jar, "-Dloader.main=" + NoOpStepsApplication.class.getName(),
        "org.springframework.boot.loader.launch.PropertiesLauncher");
  }

  private static final List<String> DATABASES = List.of("bench_ceiling", "bench_real", "bench_two");

  /**
   * An empty database of its own for a run, on the embedded MariaDB, with every other run's dropped
   * first: the engine looks for its tables in every database of the server (JDBC metadata without a
   * catalog), and would take another run's for its own and create none.
   */
  private static String database(String name) throws SQLException {
    String server = EmbeddedMariaDb.jdbcUrl();
    try (Connection c = DriverManager.getConnection(server, "root", "")) {
      for (String database : DATABASES) {
        c.createStatement().executeUpdate("DROP DATABASE IF EXISTS " + database);
      }
      c.createStatement().executeUpdate("CREATE DATABASE " + name);
    }
    return server.substring(0, server.lastIndexOf('/') + 1) + name;
  }

  private static void addVacancies(String db) throws SQLException {
    try (Connection c = DriverManager.getConnection(db, "root", "")) {
      for (String sql : RuralGrantDriver.DIRECTORY_SQL) {
        c.createStatement().executeUpdate(sql);
      }
      c.createStatement().executeUpdate("INSERT IGNORE INTO rural_grant_vacancy (campaign_year, school_code, position, places) VALUES ("
          + RegionTime.today(Clock.systemUTC()).getYear() + ", '" + RuralGrantDriver.SCHOOL + "', 'Учитель математики', 1000000)");
    }
  }

  private static String url(int port) {
    return "http://localhost:" + port;
  }

  private static Path log(Path root, String run) {
    return root.resolve("workers/target/bench-" + run + ".log");
  }
}
