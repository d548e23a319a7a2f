package ru.kuzbass.edu.workflows.stack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

/**
 * How to start the extracted application: its jar and the libraries that its manifest names, all on
 * the class path, and its main class. Not {@code -jar}: then {@code java.class.path} holds the
 * application's jar alone, Spring Boot serves the {@code META-INF/resources} of that jar only, and
 * Tasklist's plugin scripts (in a library) answered 404, so that Tasklist never showed its log-in.
 */
final class ExtractedJar {
  private ExtractedJar() {}

  static List<String> javaArguments(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      Attributes manifest = file.getManifest().getMainAttributes();
      List<String> classPath = new ArrayList<>(List.of(jar.toString()));
      String libraries = manifest.getValue(Attributes.Name.CLASS_PATH);
      if (libraries != null) {
        for (String library : libraries.trim().split("\\s+")) {
          classPath.add(jar.resolveSibling(library).toString());
        }
      }
      return List.of("-cp", String.join(File.pathSeparator, classPath), manifest.getValue(Attributes.Name.MAIN_CLASS));
    }
  }
}
