package ru.kuzbass.edu.workflows.pedagogicalclass;

import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.worker.JobClient;
import io.camunda.zeebe.spring.client.annotation.JobWorker;
import io.camunda.zeebe.spring.client.annotation.Variable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import ru.kuzbass.edu.workflows.platform.JobOutcome;

/**
 * The job workers of {@code pedagogical-class-opening}. Reminders, escalations and step records
 * share one worker each; the task header {@code step} names the step, and the variable
 * {@code termReportNumber} tells term reports apart.
 */
@Component
public class PedagogicalClassWorkers {

  /** What a step's form may produce; the step record keeps what is there. */
  private static final List<String> FORM_FIELDS = List.of("studyNotes", "openingDecision", "openingRejectionReason", "classModel",
      "resourceCentreSchool", "partnerSchools", "curriculum", "applicants", "enrolled", "termReport", "results");

  private final PedagogicalClassService service;
  private final JobOutcome outcome;

  public PedagogicalClassWorkers(PedagogicalClassService service, JobOutcome outcome) {
    this.service = service;
    this.outcome = outcome;
  }

  /** A case started from the Tasklist start form: registered like one started through the API. */
  @JobWorker(type = "pedagogical-class.register-opening", autoComplete = false)
  public void registerOpening(JobClient client, ActivatedJob job, @Variable String schoolCode, @Variable String municipality,
      @Variable String schoolEmail, @Variable Integer academicYear) {
    outcome.completeWith(client, job,
        () -> service.registerFromForm(new OpeningRequest(schoolCode, municipality, schoolEmail, academicYear), job.getProcessInstanceKey()));
  }

  @JobWorker(type = "pedagogical-class.plan-deadlines", autoComplete = false)
  public void planDeadlines(JobClient client, ActivatedJob job, @Variable Long caseId) {
    outcome.completeWith(client, job, () -> service.planDeadlines(caseId));
  }

  @JobWorker(type = "pedagogical-class.schedule-term-report", autoComplete = false)
  public void scheduleTermReport(JobClient client, ActivatedJob job, @Variable Long caseId, @Variable Integer termReportNumber) {
    outcome.completeWith(client, job, () -> service.scheduleTermReport(caseId, termReportNumber == null ? 0 : termReportNumber));
  }

  @JobWorker(type = "pedagogical-class.send-reminder", autoComplete = false)
  public void sendReminder(JobClient client, ActivatedJob job) {
    Map<String, Object> v = job.getVariablesAsMap();
    OpeningStep step = step(job);
    outcome.complete(client, job, () -> service.remind(caseId(v), step, dueAt(v, step), round(v)));
  }

  @JobWorker(type = "pedagogical-class.escalate", autoComplete = false)
  public void escalate(JobClient client, ActivatedJob job) {
    Map<String, Object> v = job.getVariablesAsMap();
    OpeningStep step = step(job);
    outcome.complete(client, job, () -> service.escalate(caseId(v), step, dueAt(v, step), round(v)));
  }

  @JobWorker(type = "pedagogical-class.record-step", autoComplete = false)
  public void recordStep(JobClient client, ActivatedJob job) {
    Map<String, Object> v = job.getVariablesAsMap();
    Map<String, Object> data = new HashMap<>();
    FORM_FIELDS.forEach(f -> {
      if (v.get(f) != null) {
        data.put(f, v.get(f));
      }
    });
    outcome.complete(client, job, () -> service.recordStep(caseId(v), step(job), round(v), data));
  }

  private static OpeningStep step(ActivatedJob job) {
    return OpeningStep.valueOf(job.getCustomHeaders().get("step"));
  }

  private static long caseId(Map<String, Object> v) {
    return ((Number) v.get("caseId")).longValue();
  }

  private static String round(Map<String, Object> v) {
    return String.valueOf(v.getOrDefault("termReportNumber", 0));
  }

  /** The step's deadline variable: {@code studyDueAt}, {@code termReportDueAt}, ... */
  private static String dueAt(Map<String, Object> v, OpeningStep step) {
    String prefix = step == OpeningStep.TERM_REPORT ? "termReport" : step.name().toLowerCase();
    return (String) v.get(prefix + "DueAt");
  }
}
