package ru.kuzbass.edu.workflows.ruralgrant;

import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.worker.JobClient;
import io.camunda.zeebe.spring.client.annotation.JobWorker;
import io.camunda.zeebe.spring.client.annotation.Variable;
import io.camunda.zeebe.spring.client.annotation.VariablesAsType;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;
import ru.kuzbass.edu.workflows.platform.JobOutcome;
import ru.kuzbass.edu.workflows.ruralgrant.RefundCalculator.Refund;

/**
 * The job workers of {@code rural-teacher-grant}: each reads its variables, calls one method of
 * {@link RuralGrantService} and hands the result to {@link JobOutcome}, which completes the job
 * or fails it with back-off. The service's effects are idempotent, so a retry is safe.
 */
@Component
public class RuralGrantWorkers {

  private final RuralGrantService service;
  private final JobOutcome outcome;

  public RuralGrantWorkers(RuralGrantService service, JobOutcome outcome) {
    this.service = service;
    this.outcome = outcome;
  }

  @JobWorker(type = "rural-grant.load-eligibility-facts", autoComplete = false)
  public void loadEligibilityFacts(JobClient client, ActivatedJob job, @Variable Long caseId) {
    outcome.completeWith(client, job, () -> service.eligibilityFacts(caseId));
  }

  /** Each pass through the loop is a new element instance, so its key tells the rounds apart. */
  @JobWorker(type = "rural-grant.request-documents", autoComplete = false)
  public void requestDocuments(JobClient client, ActivatedJob job, @Variable Long caseId, @Variable String missingDocuments) {
    String round = Long.toString(job.getElementInstanceKey());
    outcome.completeWith(client, job,
        () -> Map.of("documentsDueAt", service.requestDocuments(caseId, round, missingDocuments).toString()));
  }

  /** One worker for every decision letter; the task header {@code letterKind} says which. */
  @JobWorker(type = "rural-grant.send-letter", autoComplete = false)
  public void sendLetter(JobClient client, ActivatedJob job, @VariablesAsType LetterInputs inputs) {
    outcome.complete(client, job,
        () -> service.sendLetter(GrantLetterKind.valueOf(job.getCustomHeaders().get("letterKind")), inputs));
  }

  @JobWorker(type = "rural-grant.record-grant-payment", autoComplete = false)
  public void recordGrantPayment(JobClient client, ActivatedJob job,
      @Variable Long caseId, @Variable String contractNumber, @Variable String contractDate) {
    outcome.complete(client, job, () -> service.recordGrantPayment(caseId, contractNumber, LocalDate.parse(contractDate)));
  }

  @JobWorker(type = "rural-grant.schedule-confirmation", autoComplete = false)
  public void scheduleConfirmation(JobClient client, ActivatedJob job, @Variable Long caseId, @Variable Integer confirmationYear) {
    outcome.completeWith(client, job,
        () -> service.scheduleConfirmation(caseId, confirmationYear == null ? 0 : confirmationYear));
  }

  @JobWorker(type = "rural-grant.demand-refund", autoComplete = false)
  public void demandRefund(JobClient client, ActivatedJob job, @Variable Long caseId, @Variable String departureDate) {
    outcome.completeWith(client, job, () -> {
      Refund refund = service.demandRefund(caseId, LocalDate.parse(departureDate));
      return Map.of("refundAmount", refund.amount(), "refundMode", refund.mode().name());
    });
  }
}
