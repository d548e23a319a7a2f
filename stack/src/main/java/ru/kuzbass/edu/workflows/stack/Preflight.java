package ru.kuzbass.edu.workflows.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What must hold before anything starts: every port free and enough memory. Each problem is one
 * sentence that names the missing piece and what to do about it.
 */
final class Preflight {
  private Preflight() {}

  /**
   * The stack measured about 0.7 GB after start (docs/local-stack.md); below this much free memory, with
   * room for the application's heap to fill and MariaDB's buffers to grow, it would swap or be killed.
   */
  static final long REQUIRED_MEMORY_MB = 1_200;

  static final Map<Integer, String> PORTS = new LinkedHashMap<>();

  static {
    PORTS.put(StackLayout.MARIADB, "MariaDB");
    PORTS.put(StackLayout.SMTP, "mail server (SMTP)");
    PORTS.put(StackLayout.MAIL_INBOX, "mail inbox (web)");
    PORTS.put(StackLayout.WORKERS_HTTP, "workers application (REST API, Tasklist, Cockpit, Admin)");
  }

  static List<String> problems(StackLayout layout, long availableMemoryMb) {
    List<String> problems = new ArrayList<>();
    PORTS.forEach((port, user) -> {
      if (!isFree(port)) {
        problems.add("Port " + port + " is taken, but the " + user + " needs it. Stop whatever listens there "
            + "(for example: ss -ltnp 'sport = :" + port + "') and run again.");
      }
    });
    if (availableMemoryMb >= 0 && availableMemoryMb < REQUIRED_MEMORY_MB) {
      problems.add("Only " + availableMemoryMb + " MB of memory are available; the stack needs about "
          + REQUIRED_MEMORY_MB + " MB. Close other programs and run again.");
    }
    if (!Files.isRegularFile(layout.workersJar())) {
      problems.add("The workers application is not built (" + layout.workersJar() + "). Start the stack with ./run, which builds it.");
    }
    return problems;
  }

  static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress("0.0.0.0", port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** MemAvailable from /proc/meminfo, in MB; -1 where the system does not tell. */
  static long availableMemoryMb(Path meminfo) {
    try {
      for (String line : Files.readAllLines(meminfo)) {
        if (line.startsWith("MemAvailable:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux, or an unusual kernel: do not block the start on it
    }
    return -1;
  }
}
