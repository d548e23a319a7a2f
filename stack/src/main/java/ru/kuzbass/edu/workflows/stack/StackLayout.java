package ru.kuzbass.edu.workflows.stack;

import java.nio.file.Path;

/**
 * Where the local stack keeps things, all under {@code .local/} at the project root: the data of
 * every service (kept between runs) and their logs.
 */
record StackLayout(Path root) {

  static final int MARIADB = 3306;
  static final int SMTP = 1025;
  static final int MAIL_INBOX = 1080;
  static final int WORKERS_HTTP = 8088;

  Path local() {
    return root.resolve(".local");
  }

  /** Everything that a fresh start deletes. */
  Path data() {
    return local().resolve("data");
  }

  Path logs() {
    return local().resolve("logs");
  }

  /**
   * The application's jar as {@code ./run} extracts it (Spring Boot's jarmode tools), its libraries in
   * {@code lib/} beside it: it starts faster than the nested jar, and the JVM's AOT cache can hold the
   * classes of a plain class path only.
   */
  Path workersJar() {
    return root.resolve("workers").resolve("target").resolve("extracted").resolve("workers-0.1.0-SNAPSHOT.jar");
  }

  /** The JVM's AOT caches of the application (AotCache): kept by a fresh start, which deletes data only. */
  Path aotCaches() {
    return local().resolve("aot");
  }
}
