package ru.kuzbass.edu.workflows.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The JVM's ahead-of-time cache of the workers application (JEP 483, 514 and 515; JDK 25 and newer):
 * the classes that an earlier start loaded and linked, and the profiles of its methods, so that the
 * next start maps them in instead of loading, verifying and linking the same classes again. A start
 * without a cache made from the current extraction of the application records one, which the JVM
 * writes when the application stops; the starts after it use that cache. Older JDKs get neither.
 */
record AotCache(Path file, Path application, int jdkFeature) {

  /** The first JDK that writes the cache in one run ({@code -XX:AOTCacheOutput}, JEP 514). */
  static final int FIRST_JDK = 25;

  enum Mode { NONE, USE, RECORD }

  /** The cache for this JDK build: a cache made by another build would only be refused by the JVM. */
  static AotCache forThisJdk(Path dir, Path application) {
    Runtime.Version jdk = Runtime.version();
    return new AotCache(dir.resolve("workers-jdk" + jdk.toString().replaceAll("[^A-Za-z0-9.+-]", "_") + ".aot"),
        application, jdk.feature());
  }

  Mode mode() throws IOException {
    if (jdkFeature < FIRST_JDK) {
      return Mode.NONE;
    }
    // a cache written after the application was extracted was made from that extraction
    boolean current = Files.isRegularFile(file) && Files.isRegularFile(application)
        && Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(application)) > 0;
    return current ? Mode.USE : Mode.RECORD;
  }

  /** The workers JVM's options for the given mode; for {@link Mode#RECORD} the stale cache goes first. */
  List<String> jvmOptions(Mode mode) throws IOException {
    return switch (mode) {
      case NONE -> List.of();
      case USE -> List.of("-XX:AOTCache=" + file);
      case RECORD -> {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        yield List.of("-XX:AOTCacheOutput=" + file);
      }
    };
  }
}
