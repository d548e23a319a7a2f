package ru.kuzbass.edu.workflows.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.history.HistoricJobLog;
import ru.kuzbass.edu.workflows.support.ProcessTest;

/**
 * A failed step is retried with a readable message after each back-off of
 * {@code workflows.jobs.retry-intervals} (1, 1, 2 and 2 s in the tests), not at once, and raises an
 * incident when the tries run out.
 */
@Tag("reliability")
class JobFailureTest extends ProcessTest {

  @Test
  void aCaseMissingFromTheDatabaseIsRetriedWithBackOffThenRaisesAReadableIncident() {
    // an instance whose case is not in the database: a step that cannot find its case fails as a technical failure would
    long instance = operaton.start("rural-teacher-grant", Map.of("caseId", 999_999, "caseNumber", "ЗУ-2027-999999"));

    assertThat(operaton.awaitIncidentMessage(instance)).contains("Rural-grant case 999999 does not exist");
    List<HistoricJobLog> failures = operaton.engine().getHistoryService().createHistoricJobLogQuery().processInstanceId(Long.toString(instance))
        .failureLog().list().stream().sorted(Comparator.comparing(HistoricJobLog::getTimestamp)).toList();
    assertThat(failures).extracting(HistoricJobLog::getActivityId).containsOnly("Task_LoadEligibilityFacts");
    assertThat(failures).extracting(HistoricJobLog::getJobRetries).containsExactly(5, 4, 3, 2, 1);
    for (int i = 1; i < failures.size(); i++) {
      assertThat(failures.get(i).getTimestamp().getTime() - failures.get(i - 1).getTimestamp().getTime())
          .as("the back-off before try %d", i + 1).isGreaterThanOrEqualTo(900L);
    }
  }
}
