package ru.kuzbass.edu.workflows.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractedJarTest {

  @Test
  void theManifestsLibrariesGoOnTheClassPathAfterTheJar(@TempDir Path dir) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "ru.example.Main");
    manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, "lib/a-1.0.jar lib/b-2.0.jar");
    Path jar = dir.resolve("app.jar");
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
      // a jar with its manifest only
    }
    assertEquals(List.of("-cp", String.join(File.pathSeparator, jar.toString(), dir.resolve("lib/a-1.0.jar").toString(),
        dir.resolve("lib/b-2.0.jar").toString()), "ru.example.Main"), ExtractedJar.javaArguments(jar));
  }
}
