package ru.kuzbass.edu.workflows.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * OpenSearch 2.19 inside the launcher's JVM, as Operate, Tasklist and the Zeebe exporter expect
 * it: one node on 9200/9300 in a cluster named {@code elasticsearch}. Its logs go to a file, not to
 * the console, so that the launcher's progress stays readable.
 */
final class SearchStorage implements AutoCloseable {

  private final OpenSearchRunner runner = new OpenSearchRunner();

  SearchStorage(Path basePath, Path logFile) throws IOException {
    Path config = basePath.resolve("node_1").resolve("config");
    Files.createDirectories(config);
    Files.createDirectories(logFile.getParent());
    Files.writeString(config.resolve("log4j2.properties"), """
        status = error
        appender.file.type = File
        appender.file.name = file
        appender.file.fileName = %s
        appender.file.layout.type = PatternLayout
        appender.file.layout.pattern = [%%d{ISO8601}][%%-5p][%%-25c{1.}] %%m%%n
        rootLogger.level = warn
        rootLogger.appenderRef.file.ref = file
        """.formatted(logFile.toAbsolutePath()));
    runner.onBuild((number, settings) -> {
      settings.put("http.port", StackLayout.OPENSEARCH_HTTP);
      settings.put("transport.port", StackLayout.OPENSEARCH_TRANSPORT);
      settings.put("discovery.type", "single-node");
      settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
      settings.put("action.auto_create_index", true);
    });
    runner.build(OpenSearchRunner.newConfigs()
        .basePath(basePath.toAbsolutePath().toString())
        .numOfNode(1)
        .clusterName("elasticsearch")
        .useLogger()
        .pluginTypes(IndexStateManagementSettingsPlugin.class.getName()));
    runner.ensureYellow();
  }

  @Override
  public void close() throws IOException {
    runner.close();
  }
}
