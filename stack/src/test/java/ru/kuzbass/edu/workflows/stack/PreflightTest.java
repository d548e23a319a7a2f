package ru.kuzbass.edu.workflows.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreflightTest {

  @Test
  void aTakenPortIsSeen() throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress("0.0.0.0", 0));
      assertFalse(Preflight.isFree(socket.getLocalPort()));
    }
  }

  @Test
  void missingPiecesAreNamed(@TempDir Path root) {
    List<String> problems = Preflight.problems(new StackLayout(root), 1_000);
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("Only 1000 MB of memory are available")), problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.contains("workers application is not built")), problems.toString());
  }

  @Test
  void availableMemoryIsReadFromMeminfo(@TempDir Path dir) throws IOException {
    Path meminfo = dir.resolve("meminfo");
    Files.writeString(meminfo, "MemTotal:       24000000 kB\nMemFree:         1000000 kB\nMemAvailable:    2048000 kB\n");
    assertEquals(2000, Preflight.availableMemoryMb(meminfo));
    assertEquals(-1, Preflight.availableMemoryMb(dir.resolve("absent")));
  }
}
