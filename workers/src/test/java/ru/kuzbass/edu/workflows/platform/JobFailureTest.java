package ru.kuzbass.edu.workflows.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.history.HistoricJobLog;
import ru.kuzbass.edu.workflows.platform.JobOutcome.RetryProperties;
import ru.kuzbass.edu.workflows.support.ProcessTest;

/** A failed job is retried with a readable message and a back-off, not at once, and ends in an incident when the retries run out. */
@Tag("reliability")
class JobFailureTest extends ProcessTest {

  /** On the embedded engine: the job executor's retries after {@code workflows.jobs.retry-intervals}, then an incident. */
  @Test
  void aCaseMissingFromTheDatabaseIsRetriedAfterABackOffThenRaisesAReadableIncident() {
    // an instance whose case is not in the database: as if its rows had been lost
    long instance = operaton.start("rural-teacher-grant", Map.of("caseId", 999_999, "caseNumber", "ЗУ-2027-999999"));

    String incident = operaton.awaitIncidentMessage(instance);
    assertThat(incident).contains("Rural-grant case 999999 does not exist");
    List<HistoricJobLog> failures = operaton.engine().getHistoryService().createHistoricJobLogQuery()
        .processInstanceId(Long.toString(instance)).failureLog().list().stream()
        .sorted(java.util.Comparator.comparing(HistoricJobLog::getTimestamp)).toList();
    assertThat(failures).hasSize(5).allMatch(f -> f.getActivityId().equals("Task_LoadEligibilityFacts"));
    // not at once: the test profile's back-off of 1 s, 1 s, 2 s, 2 s before the next tries
    for (int i = 1; i < 5; i++) {
      assertThat(failures.get(i).getTimestamp().getTime() - failures.get(i - 1).getTimestamp().getTime())
          .as("the back-off before try " + (i + 1)).isGreaterThanOrEqualTo(900L);
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
}
