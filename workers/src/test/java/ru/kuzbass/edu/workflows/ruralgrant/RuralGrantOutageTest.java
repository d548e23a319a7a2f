package ru.kuzbass.edu.workflows.ruralgrant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.history.HistoricJobLog;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.jobexecutor.JobExecutor;
import org.operaton.bpm.engine.runtime.Job;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.web.servlet.MockMvc;
import ru.kuzbass.edu.workflows.support.ApiUsers;
import ru.kuzbass.edu.workflows.support.EmbeddedMariaDb;
import ru.kuzbass.edu.workflows.support.Mailbox;
import ru.kuzbass.edu.workflows.support.ProcessTest;
import ru.kuzbass.edu.workflows.support.SharedMailServer;

/**
 * Outages on the embedded engine. A step whose SMTP server is away is retried after a growing
 * back-off; a short outage is ridden out, a long one ends in an incident with a readable message,
 * which an operator retries (as in Cockpit) once the server is back. A MariaDB outage holds the case
 * until the database is back, and refuses new applications for now. Nothing is lost and no letter goes twice.
 */
@Tag("reliability")
class RuralGrantOutageTest extends ProcessTest {

  private static final String COMMISSION_MEMBER = "commission.chair";

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired JavaMailSender mailSender;

  @AfterEach
  void smtpBack() {
    smtp().setPort(SharedMailServer.port());
  }

  @Test
  void anSmtpOutageLongerThanTheRetriesRaisesAReadableIncidentAndTheLetterGoesOnceWhenRetried() throws Exception {
    String number = approvedByTheCommissionWhile(this::smtpDown);
    long instance = instanceOf(number);

    String incident = operaton.awaitIncidentMessage(instance);
    List<HistoricJobLog> failures = failures(instance);
    smtpUp();
    assertThat(incident).as("a readable cause for Cockpit").contains("Could not deliver mail " + number + ":APPROVAL");
    assertThat(failures).hasSize(5).allMatch(f -> f.getActivityId().equals("Task_SendApprovalLetter"));
    // the test profile's back-off: 1 s, 1 s, 2 s, 2 s
    long[] backoff = {1000, 1000, 2000, 2000};
    for (int i = 1; i < 5; i++) {
      assertThat(failures.get(i).getTimestamp().getTime() - failures.get(i - 1).getTimestamp().getTime())
          .as("the back-off before try %d", i + 1).isGreaterThanOrEqualTo(backoff[i - 1] - 100);
    }
    // each failed try was rolled back whole: no letter stored, nothing in the outbox
    assertThat(SharedMailServer.received()).isEmpty();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM letter").query(Integer.class).single()).isZero();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_outbox").query(Integer.class).single()).isZero();

    // the operator's way out, as Cockpit's retry does it
    Job failed = operaton.engine().getManagementService().createJobQuery().processInstanceId(Long.toString(instance)).noRetriesLeft()
        .singleResult();
    operaton.engine().getManagementService().setJobRetries(failed.getId(), 1);
    operaton.awaitPassed(instance, "Task_SendApprovalLetter");
    assertThat(operaton.engine().getRuntimeService().createIncidentQuery().processInstanceId(Long.toString(instance)).count()).isZero();
    goesOnToTheObligation(number, instance);
  }

  @Test
  void anSmtpOutageShorterThanTheRetriesIsRiddenOut() throws Exception {
    String number = approvedByTheCommissionWhile(this::smtpDown);
    long instance = instanceOf(number);
    ProcessTest.awaitValue(() -> failures(instance).size() >= 2 ? true : null);
    smtpUp();
    operaton.awaitPassed(instance, "Task_SendApprovalLetter");
    assertThat(operaton.engine().getHistoryService().createHistoricIncidentQuery().processInstanceId(Long.toString(instance)).count())
        .as("no incident while retries remain").isZero();
    goesOnToTheObligation(number, instance);
  }

  /** A retried request for documents is the same round: one e-mail, one deadline; the round's number moves only when HR asks again. */
  @Test
  void aRetriedRequestForDocumentsSendsItsEmailOnce() throws Exception {
    RuralGrantFixtures.seedVacancy(jdbc, 2027);
    String number = json.readTree(mvc.perform(post("/api/rural-grants/applications").contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(RuralGrantFixtures.application())).with(ApiUsers.hr()))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).get("caseNumber").asText();
    long instance = instanceOf(number);
    smtpDown();
    operaton.completeTask(instance, "Task_CheckDocuments", HR_OFFICER,
        Map.of("documentCheckOutcome", "MORE_DOCUMENTS", "missingDocuments", "Копия диплома о высшем образовании"));
    ProcessTest.awaitValue(() -> failures(instance).size() >= 2 ? true : null);
    smtpUp();
    operaton.awaitPassed(instance, "Task_RequestDocuments");

    assertThat(Mailbox.letters()).extracting(Mailbox.Letter::subject)
        .containsExactly("Земский учитель: нужны дополнительные документы по заявлению " + number);
    assertThat(jdbc.sql("SELECT message_key FROM mail_outbox").query(String.class).list()).containsExactly(number + ":DOCUMENTS_REQUEST:1");
    assertThat(jdbc.sql("SELECT event_key FROM case_event WHERE case_number = ? AND event_key LIKE 'DOCUMENTS_REQUESTED%'").param(number)
        .query(String.class).list()).containsExactly("DOCUMENTS_REQUESTED:1");
    assertThat(operaton.engine().getRuntimeService().getVariable(Long.toString(instance), "documentsRequestRound")).isEqualTo(1);
    operaton.assertAuditTrailComplete(jdbc, instance);
  }

  @Test
  void aDatabaseOutageHoldsTheCaseUntilMariaDbIsBack() throws Exception {
    JobExecutor jobExecutor = ((ProcessEngineConfigurationImpl) operaton.engine().getProcessEngineConfiguration()).getJobExecutor();
    String number;
    try {
      // the approval letter's step is due when MariaDB goes: the job executor is held until then, so that the outage comes first
      number = approvedByTheCommissionWhile(jobExecutor::shutdown);
      EmbeddedMariaDb.stop();
      try {
        jobExecutor.start();
        Thread.sleep(5_000); // the job executor cannot even look for the step
        assertThat(SharedMailServer.received()).isEmpty();
      } finally {
        EmbeddedMariaDb.restart();
      }
    } finally {
      jobExecutor.start();
    }
    long instance = instanceOf(number);
    operaton.awaitPassed(instance, "Task_SendApprovalLetter");
    goesOnToTheObligation(number, instance);
  }

  /** With the database away the engine is too: the intake says so as it did when Zeebe was away, and stores nothing. */
  @Test
  void anApplicationWhileMariaDbIsDownIsRefusedForNowAndStoresNothing() throws Exception {
    long instancesBefore = instances();
    RuralGrantFixtures.seedSchool(jdbc, 9_800);
    String application = json.writeValueAsString(RuralGrantFixtures.application());
    EmbeddedMariaDb.stop();
    try {
      mvc.perform(post("/api/rural-grants/applications").contentType(MediaType.APPLICATION_JSON).content(application))
          .andExpect(status().isServiceUnavailable())
          .andExpect(header().string("Retry-After", "10"))
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Ничего не сохранено")));
    } finally {
      EmbeddedMariaDb.restart();
    }
    assertThat(jdbc.sql("SELECT COUNT(*) FROM person").query(Integer.class).single()).isZero();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM rural_grant_application").query(Integer.class).single()).isZero();
    assertThat(instances()).isEqualTo(instancesBefore);
    // the applicant tries again once the database is back
    mvc.perform(post("/api/rural-grants/applications").contentType(MediaType.APPLICATION_JSON).content(application))
        .andExpect(status().isCreated());
    assertThat(instances()).isEqualTo(instancesBefore + 1);
  }

  private long instances() {
    return operaton.engine().getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(RuralGrantService.PROCESS_ID)
        .count();
  }

  /** Submits an application, HR finds the documents complete, and the commission approves it with {@code outage} begun. */
  private String approvedByTheCommissionWhile(Runnable outage) throws Exception {
    RuralGrantFixtures.seedVacancy(jdbc, 2027);
    String number = json.readTree(mvc.perform(post("/api/rural-grants/applications").contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(RuralGrantFixtures.application())).with(ApiUsers.hr()))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).get("caseNumber").asText();
    long instance = instanceOf(number);
    operaton.completeTask(instance, "Task_CheckDocuments", HR_OFFICER, Map.of("documentCheckOutcome", "COMPLETE"));
    operaton.awaitTask(instance, "Task_DecideByCommission");
    outage.run();
    operaton.completeTask(instance, "Task_DecideByCommission", COMMISSION_MEMBER,
        Map.of("commissionScore", 80, "commissionDecision", "APPROVE", "commissionReason", "Соответствует требованиям"));
    return number;
  }

  /** The approval letter went once; the contract, the payment, its letter and the obligation follow, each once. */
  private void goesOnToTheObligation(String number, long instance) throws Exception {
    operaton.completeTask(instance, "Task_RecordContract", HR_OFFICER, Map.of("contractNumber", "17/2027", "contractDate", "2027-03-01"));
    operaton.awaitEntered(instance, "Event_ConfirmationDue", 1);
    assertThat(Mailbox.letters()).extracting(Mailbox.Letter::subject).hasSize(2).allMatch(s -> s.contains(number));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM letter WHERE case_number = ?").param(number).query(Integer.class).single()).isEqualTo(2);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM payment_ledger WHERE case_number = ?").param(number).query(Integer.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("SELECT status FROM rural_grant_application WHERE case_number = ?").param(number).query(String.class).single())
        .isEqualTo("IN_OBLIGATION");
    operaton.assertAuditTrailComplete(jdbc, instance);
    assertThat(audit.verify().valid()).isTrue();
  }

  private List<HistoricJobLog> failures(long instance) {
    return operaton.engine().getHistoryService().createHistoricJobLogQuery().processInstanceId(Long.toString(instance)).failureLog().list()
        .stream().sorted(Comparator.comparing(HistoricJobLog::getTimestamp)).toList();
  }

  private long instanceOf(String number) {
    return jdbc.sql("SELECT process_instance_key FROM rural_grant_application WHERE case_number = ?").param(number)
        .query(Long.class).single();
  }

  /** The SMTP server unreachable: the mail sender points at a port that nobody listens on. */
  private void smtpDown() {
    try (ServerSocket free = new ServerSocket(0)) {
      smtp().setPort(free.getLocalPort());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private void smtpUp() {
    smtp().setPort(SharedMailServer.port());
  }

  private JavaMailSenderImpl smtp() {
    return (JavaMailSenderImpl) mailSender;
  }
}
