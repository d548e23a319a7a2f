package ru.kuzbass.edu.workflows.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AotCacheTest {

  private static final Instant EXTRACTED = Instant.parse("2026-12-01T10:00:00Z");

  @Test
  void aJdkBefore25GetsNoCacheOptions(@TempDir Path dir) throws IOException {
    AotCache aot = new AotCache(dir.resolve("aot/workers-jdk25-1.aot"), application(dir), 21);
    assertEquals(AotCache.Mode.NONE, aot.mode());
    assertEquals(List.of(), aot.jvmOptions(aot.mode()));
  }

  @Test
  void withoutACacheTheStartRecordsOne(@TempDir Path dir) throws IOException {
    Path cache = dir.resolve("aot/workers-jdk25-1.aot");
    AotCache aot = new AotCache(cache, application(dir), 25);
    assertEquals(AotCache.Mode.RECORD, aot.mode());
    assertEquals(List.of("-XX:AOTCacheOutput=" + cache), aot.jvmOptions(aot.mode()));
    assertEquals(true, Files.isDirectory(cache.getParent()));
  }

  @Test
  void aCacheWrittenAfterTheExtractionIsUsed(@TempDir Path dir) throws IOException {
    Path cache = cache(dir, EXTRACTED.plusSeconds(60));
    AotCache aot = new AotCache(cache, application(dir), 25);
    assertEquals(AotCache.Mode.USE, aot.mode());
    assertEquals(List.of("-XX:AOTCache=" + cache), aot.jvmOptions(aot.mode()));
  }

  @Test
  void aCacheOfAnEarlierExtractionIsReplaced(@TempDir Path dir) throws IOException {
    Path cache = cache(dir, EXTRACTED.minusSeconds(60));
    AotCache aot = new AotCache(cache, application(dir), 26);
    assertEquals(AotCache.Mode.RECORD, aot.mode());
    assertEquals(List.of("-XX:AOTCacheOutput=" + cache), aot.jvmOptions(aot.mode()));
    assertFalse(Files.exists(cache), "the stale cache is deleted before the JVM records a new one");
  }

  @Test
  void theCacheIsNamedForTheJdkBuildAndTheLaunch(@TempDir Path dir) {
    AotCache aot = AotCache.forThisJdk(dir, application(dir), List.of("-Xmx192m", "-cp", "a.jar", "Main"));
    assertEquals(Runtime.version().feature(), aot.jdkFeature());
    assertEquals(true, aot.file().getFileName().toString().startsWith("workers-jdk" + Runtime.version().feature()));
    assertEquals(aot.file(), AotCache.forThisJdk(dir, application(dir), List.of("-Xmx192m", "-cp", "a.jar", "Main")).file());
    assertNotEquals(aot.file(), AotCache.forThisJdk(dir, application(dir), List.of("-Xmx256m", "-cp", "a.jar", "Main")).file());
  }

  @Test
  void recordingDeletesTheCachesOfOtherLaunches(@TempDir Path dir) throws IOException {
    Path other = cache(dir, EXTRACTED.plusSeconds(60));
    AotCache aot = new AotCache(dir.resolve("aot/workers-new.aot"), application(dir), 25);
    assertEquals(AotCache.Mode.RECORD, aot.mode());
    aot.jvmOptions(aot.mode());
    assertFalse(Files.exists(other));
  }

  private static Path application(Path dir) {
    Path jar = dir.resolve("extracted/workers.jar");
    try {
      Files.createDirectories(jar.getParent());
      Files.writeString(jar, "jar");
      Files.setLastModifiedTime(jar, FileTime.from(EXTRACTED));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return jar;
  }

  private static Path cache(Path dir, Instant written) throws IOException {
    Path cache = dir.resolve("aot/workers-jdk25-1.aot");
    Files.createDirectories(cache.getParent());
    Files.writeString(cache, "cache");
    Files.setLastModifiedTime(cache, FileTime.from(written));
    return cache;
  }
}
