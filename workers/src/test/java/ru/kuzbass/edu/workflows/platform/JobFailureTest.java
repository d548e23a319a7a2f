package ru.kuzbass.edu.workflows.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import ru.kuzbass.edu.workflows.support.ProcessTest;

/** A technical failure fails the job with a readable message and a back-off, not at once. */
class JobFailureTest extends ProcessTest {

  @Test
  void failedJobIsRetriedWithBackoffAndAReadableMessage() throws Exception {
    // an instance whose case is not in the database: the first worker cannot do its step
    zeebe.newCreateInstanceCommand().bpmnProcessId("rural-teacher-grant").latestVersion()
        .variables(Map.of("caseId", 999_999, "caseNumber", "ЗУ-2027-999999")).send().join();

    Record<JobRecordValue> failed = awaitFirstFailure();
    assertThat(failed.getValue().getType()).isEqualTo("rural-grant.load-eligibility-facts");
    assertThat(failed.getValue().getRetries()).isEqualTo(4);
    assertThat(failed.getValue().getRetryBackoff()).isEqualTo(10_000L);
    assertThat(failed.getValue().getErrorMessage()).contains("Rural-grant case 999999 does not exist");
  }

  private Record<JobRecordValue> awaitFirstFailure() throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(deadline)) {
      List<Record<JobRecordValue>> failures = StreamSupport.stream(RecordStream.of(engine.getRecordStreamSource()).jobRecords().spliterator(), false)
          .filter(r -> r.getIntent() == JobIntent.FAILED)
          .toList();
      if (!failures.isEmpty()) {
        return failures.getFirst();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("No job failed within 30 s");
  }
}
