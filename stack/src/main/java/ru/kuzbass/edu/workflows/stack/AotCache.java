package ru.kuzbass.edu.workflows.stack;

import java.io.IOException;
import java.nio.file.DirectoryStream;
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

  /**
   * The cache for this JDK build and this launch (JVM options, class path, main class): the JVM refuses,
   * with a mere warning, a cache made by another build or for another class path, so such a cache gets a
   * name of its own and is recorded anew.
   */
  static AotCache forThisJdk(Path dir, Path application, List<String> launch) {
    Runtime.Version jdk = Runtime.version();
    String name = "workers-jdk" + jdk.toString().replaceAll("[^A-Za-z0-9.+-]", "_") + "-" + Integer.toHexString(launch.hashCode());
    return new AotCache(dir.resolve(name + ".aot"), application, jdk.feature());
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

  /** The workers JVM's options for the given mode; for {@link Mode#RECORD} the stale caches go first. */
  List<String> jvmOptions(Mode mode) throws IOException {
    return switch (mode) {
      case NONE -> List.of();
      case USE -> List.of("-XX:AOTCache=" + file);
      case RECORD -> {
        Files.createDirectories(file.getParent());
        // the caches of other builds and launches (over 100 MB each) would only be refused
        try (DirectoryStream<Path> caches = Files.newDirectoryStream(file.getParent(), "workers-*.aot")) {
          for (Path cache : caches) {
            Files.delete(cache);
          }
        }
        yield List.of("-XX:AOTCacheOutput=" + file);
      }
    };
  }
}
