package ru.kuzbass.edu.workflows.benchmark;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** CPU time and memory of the processes of a run, read from the operating system and the JVM's own diagnostic commands. */
final class ProcessFigures {
  private ProcessFigures() {}

  /** CPU time so far of the application nodes, of MariaDB and of this JVM (the driver and the SMTP server). */
  record Cpu(Duration nodes, Duration mariadb, Duration driver, long atNanos) {
    static Cpu now(String db, List<Process> nodes) {
      String port = "--port=" + URI.create(db.substring("jdbc:".length())).getPort();
      ProcessHandle mariadb = ProcessHandle.allProcesses()
          .filter(p -> p.info().arguments().map(a -> Arrays.asList(a).contains(port)).orElse(false)).findFirst().orElseThrow();
      return new Cpu(nodes.stream().map(n -> total(n.toHandle())).reduce(Duration.ZERO, Duration::plus), total(mariadb),
          ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO), System.nanoTime());
    }

    /** CPU milliseconds per case since {@code before}, by process, and how busy the machine's cores were meanwhile. */
    Share perCase(Cpu before, int cases) {
      double n = Math.max(cases, 1);
      long all = nodes.minus(before.nodes).plus(mariadb.minus(before.mariadb)).plus(driver.minus(before.driver)).toMillis();
      double wallMillis = (atNanos - before.atNanos) / 1e6;
      return new Share(nodes.minus(before.nodes).toMillis() / n, mariadb.minus(before.mariadb).toMillis() / n,
          driver.minus(before.driver).toMillis() / n, all / (wallMillis * Runtime.getRuntime().availableProcessors()));
    }

    private static Duration total(ProcessHandle p) {
      return Stream.concat(Stream.of(p), p.descendants()).map(h -> h.info().totalCpuDuration().orElse(Duration.ZERO))
          .reduce(Duration.ZERO, Duration::plus);
    }
  }

  record Share(double nodes, double mariadb, double driverAndSmtp, double busyShare) {
    double total() {
      return nodes + mariadb + driverAndSmtp;
    }
  }

  /** A node's memory: resident set, heap in use, heap still live after a full collection, and the JVM's own accounting. */
  record Memory(long rssMb, long heapMb, long liveHeapMb, String nativeMemory) {
    static Memory of(Process node) throws IOException, InterruptedException {
      long rss = ProcessFigures.rssMb(node.toHandle());
      long heap = heapUsedMb(node.toHandle());
      String nativeMemory = ProcessFigures.nativeMemory(node.toHandle());
      jcmd(node.toHandle(), "GC.run");
      return new Memory(rss, heap, heapUsedMb(node.toHandle()), nativeMemory);
    }
  }

  private static long rssMb(ProcessHandle p) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(p.pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
      }
    }
    return -1;
  }

  /**
   * The heap's "used" figures summed, from {@code GC.heap_info}: one line per generation that begins
   * with its name ("DefNew", "Tenured" for the serial collector); class metadata is not heap.
   */
  private static long heapUsedMb(ProcessHandle jvm) throws IOException, InterruptedException {
    Matcher used = Pattern.compile("(?m)^\\S.*?\\s+total \\d+K, used (\\d+)K").matcher(jcmd(jvm, "GC.heap_info"));
    long kb = 0;
    while (used.find()) {
      kb += Long.parseLong(used.group(1));
    }
    return kb / 1024;
  }

  /**
   * Where a node's memory is committed, by the JVM's native memory tracking: its five largest areas
   * in MB. What RSS holds beyond their total is outside the JVM's accounting (mostly the C library's
   * malloc arenas).
   */
  private static String nativeMemory(ProcessHandle jvm) throws IOException, InterruptedException {
    String out = jcmd(jvm, "VM.native_memory", "summary");
    Matcher total = Pattern.compile("Total: reserved=\\d+KB, committed=(\\d+)KB").matcher(out);
    Matcher area = Pattern.compile("-\\s+([A-Za-z][A-Za-z ]*?) \\(reserved=\\d+KB, committed=(\\d+)KB").matcher(out);
    List<Map.Entry<String, Long>> areas = new ArrayList<>();
    while (area.find()) {
      areas.add(Map.entry(area.group(1), Long.parseLong(area.group(2)) / 1024));
    }
    if (!total.find() || areas.isEmpty()) {
      return "not available (" + out.strip().lines().findFirst().orElse("jcmd printed nothing") + ")";
    }
    areas.sort(Map.Entry.<String, Long>comparingByValue().reversed());
    return "committed " + Long.parseLong(total.group(1)) / 1024 + " MB: "
        + String.join(", ", areas.stream().limit(5).map(e -> e.getKey() + " " + e.getValue()).toList());
  }

  private static String jcmd(ProcessHandle jvm, String... command) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(jvm.pid())));
    args.addAll(List.of(command));
    Process jcmd = new ProcessBuilder(args).redirectErrorStream(true).start();
    String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    jcmd.waitFor();
    return out;
  }
}
