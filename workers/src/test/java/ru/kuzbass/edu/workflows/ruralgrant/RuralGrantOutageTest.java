package ru.kuzbass.edu.workflows.ruralgrant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import ru.kuzbass.edu.workflows.support.ApiUsers;
import ru.kuzbass.edu.workflows.support.EmbeddedMariaDb;
import ru.kuzbass.edu.workflows.support.Mailbox;
import ru.kuzbass.edu.workflows.support.ProcessTest;

/**
 * A database outage longer than a step's retries: the step is retried after a growing back-off, an
 * incident is raised only when the last retry has failed, and once MariaDB is back an operator
 * (as in Operate: give the job retries, resolve the incident) lets the case go on with nothing
 * lost and nothing done twice.
 */
@Tag("reliability")
class RuralGrantOutageTest extends ProcessTest {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;

  @Test
  void anIncidentAfterTheLastRetryIsResolvedOnceTheDatabaseIsBack() throws Exception {
    RuralGrantFixtures.seedVacancy(jdbc, 2027);
    String number = json.readTree(mvc.perform(post("/api/rural-grants/applications").contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(RuralGrantFixtures.application())).with(ApiUsers.hr()))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).get("caseNumber").asText();
    long instance = jdbc.sql("SELECT process_instance_key FROM rural_grant_application WHERE case_number = ?").param(number)
        .query(Long.class).single();
    completeUserTask(instance, "Task_CheckDocuments", Map.of("documentCheckOutcome", "COMPLETE"));
    awaitUserTask(instance, "Task_DecideByCommission");

    EmbeddedMariaDb.stop();
    List<Record<JobRecordValue>> failures;
    Record<IncidentRecordValue> incident;
    try {
      completeUserTask(instance, "Task_DecideByCommission",
          Map.of("commissionScore", 80, "commissionDecision", "APPROVE", "commissionReason", "Соответствует требованиям"));
      for (int failed = 1; failed < 5; failed++) {
        int expected = failed;
        awaitValue(() -> failures(instance).size() >= expected ? true : null);
        assertThat(incidents(instance)).as("no incident while retries remain").isEmpty();
      }
      incident = awaitValue(() -> incidents(instance).stream().findFirst().orElse(null));
      failures = failures(instance);
    } finally {
      EmbeddedMariaDb.restart();
    }
    assertThat(failures).hasSize(5).allMatch(f -> f.getValue().getType().equals("audit.user-task"));
    assertThat(failures).extracting(f -> f.getValue().getRetries()).containsExactly(4, 3, 2, 1, 0);
    // the test profile's back-off: 1 s, then doubling up to 2 s (each try also waits 5 s for a connection)
    for (int i = 1; i < 5; i++) {
      assertThat(failures.get(i).getTimestamp() - failures.get(i - 1).getTimestamp()).isGreaterThanOrEqualTo(i == 1 ? 1000L : 2000L);
    }
    assertThat(incident.getValue().getErrorMessage()).as("a readable cause for Operate").contains("Could not open JDBC Connection");
    assertThat(incidents(instance)).hasSize(1);

    // the operator's way out, as Operate does it
    zeebe.newUpdateRetriesCommand(incident.getValue().getJobKey()).retries(3).send().join();
    zeebe.newResolveIncidentCommand(incident.getKey()).send().join();
    completeUserTask(instance, "Task_RecordContract", Map.of("contractNumber", "17/2027", "contractDate", "2027-03-01"));
    awaitActivated(instance, "Event_ConfirmationDue", 1);

    assertThat(Mailbox.letters()).extracting(Mailbox.Letter::subject).hasSize(2).allMatch(s -> s.contains(number));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM payment_ledger WHERE case_number = ?").param(number).query(Integer.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("SELECT status FROM rural_grant_application WHERE case_number = ?").param(number).query(String.class).single())
        .isEqualTo("IN_OBLIGATION");
    assertThat(audit.verify().valid()).isTrue();
  }

  private List<Record<JobRecordValue>> failures(long instance) {
    return StreamSupport.stream(RecordStream.of(engine.getRecordStreamSource()).jobRecords().spliterator(), false)
        .filter(r -> r.getIntent() == JobIntent.FAILED && r.getValue().getProcessInstanceKey() == instance).toList();
  }

  private List<Record<IncidentRecordValue>> incidents(long instance) {
    return StreamSupport.stream(RecordStream.of(engine.getRecordStreamSource()).incidentRecords().spliterator(), false)
        .filter(r -> r.getIntent() == IncidentIntent.CREATED && r.getValue().getProcessInstanceKey() == instance).toList();
  }
}
