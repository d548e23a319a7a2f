package ru.kuzbass.edu.workflows.support;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Empties every application table between tests; the schema, and the rows its migrations seed, stay.
 * The engine's own tables (ACT_*) are left to the engine: tests delete its running instances instead.
 */
public final class DatabaseCleaner {
  private DatabaseCleaner() {}

  public static void clean(JdbcClient jdbc) {
    List<String> tables = jdbc.sql("""
            SELECT table_name FROM information_schema.tables
            WHERE table_schema = DATABASE() AND table_name <> 'flyway_schema_history' AND table_name NOT LIKE 'ACT\\_%'""")
        .query(String.class).list();
    jdbc.sql("SET FOREIGN_KEY_CHECKS = 0").update();
    try {
      for (String table : tables) {
        jdbc.sql("TRUNCATE TABLE `" + table + "`").update();
      }
    } finally {
      jdbc.sql("SET FOREIGN_KEY_CHECKS = 1").update();
    }
    // the rows the migrations seed: the global chain's head (V8)
    jdbc.sql("INSERT IGNORE INTO audit_chain_head (chain, last_id, last_hash) VALUES ('*', 0, '')").update();
  }
}
