package ru.kuzbass.edu.workflows.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Resident memory of a process and its descendants, read from /proc (Linux). */
final class MemoryReport {
  private MemoryReport() {}

  static long rssMb(ProcessHandle process) {
    long kb = Stream.concat(Stream.of(process), process.descendants()).mapToLong(MemoryReport::rssKb).sum();
    return kb / 1024;
  }

  private static long rssKb(ProcessHandle p) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(p.pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      // the process ended, or this is not Linux
    }
    return 0;
  }
}
