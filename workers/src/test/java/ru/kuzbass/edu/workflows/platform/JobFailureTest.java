package ru.kuzbass.edu.workflows.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import ru.kuzbass.edu.workflows.platform.JobOutcome.RetryProperties;
import ru.kuzbass.edu.workflows.support.ProcessTest;

/** A failed job is retried with a readable message and a back-off, not at once, and ends in an incident when the retries run out. */
@Tag("reliability")
class JobFailureTest extends ProcessTest {

  @Test
  void aCaseMissingFromTheDatabaseIsRetriedSoonThenRaisesAReadableIncident() throws Exception {
    // an instance whose case is not in the database: as if the intake's commit had not landed yet
    zeebe.newCreateInstanceCommand().bpmnProcessId("rural-teacher-grant").latestVersion()
        .variables(Map.of("caseId", 999_999, "caseNumber", "ЗУ-2027-999999")).send().join();

    Record<JobRecordValue> failed = awaitValue(() -> jobRecords(JobIntent.FAILED).stream().findFirst().orElse(null));
    assertThat(failed.getValue().getType()).isEqualTo("rural-grant.load-eligibility-facts");
    assertThat(failed.getValue().getRetries()).isEqualTo(4);
    // held by the worker for the back-off, then failed with none: the broker's back-off is not used (JobOutcome)
    assertThat(failed.getValue().getRetryBackoff()).isZero();
    // the commit never comes: after five tries an incident says what is missing
    Record<IncidentRecordValue> incident = awaitValue(() -> StreamSupport.stream(
            RecordStream.of(engine.getRecordStreamSource()).incidentRecords().spliterator(), false)
        .filter(r -> r.getIntent() == IncidentIntent.CREATED).findFirst().orElse(null));
    assertThat(incident.getValue().getErrorMessage()).contains("Rural-grant case 999999 does not exist");
    List<Record<JobRecordValue>> failures = jobRecords(JobIntent.FAILED);
    assertThat(failures).hasSize(5);
    for (int i = 1; i < 4; i++) {
      assertThat(failures.get(i).getTimestamp() - failures.get(i - 1).getTimestamp()).as("the back-off before try " + (i + 2))
          .isGreaterThanOrEqualTo(500L);
    }
  }

  @Test
  void aTechnicalFailureWaitsLongerEachTime() {
    JobOutcome outcome = new JobOutcome(new RetryProperties(Duration.ofSeconds(10), Duration.ofMinutes(5), 5, null), null, null, null);
    assertThat(List.of(outcome.backoff(5), outcome.backoff(4), outcome.backoff(3), outcome.backoff(2), outcome.backoff(1)))
        .containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(40), Duration.ofSeconds(80), Duration.ofSeconds(160));
    assertThat(new JobOutcome(new RetryProperties(Duration.ofMinutes(2), Duration.ofMinutes(5), 5, null), null, null, null).backoff(2))
        .isEqualTo(Duration.ofMinutes(5));
  }

  private List<Record<JobRecordValue>> jobRecords(JobIntent intent) {
    return StreamSupport.stream(RecordStream.of(engine.getRecordStreamSource()).jobRecords().spliterator(), false)
        .filter(r -> r.getIntent() == intent).toList();
  }
}
