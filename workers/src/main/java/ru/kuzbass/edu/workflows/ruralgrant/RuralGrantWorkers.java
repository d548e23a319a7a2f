package ru.kuzbass.edu.workflows.ruralgrant;

import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.spring.client.annotation.JobWorker;
import io.camunda.zeebe.spring.client.annotation.Variable;
import io.camunda.zeebe.spring.client.annotation.VariablesAsType;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;
import ru.kuzbass.edu.workflows.ruralgrant.RefundCalculator.Refund;

/**
 * The job workers of {@code rural-teacher-grant}: each reads its variables, calls one method of
 * {@link RuralGrantService} and returns only what it changed. Exceptions fail the job, and Zeebe
 * retries it; the service's effects are idempotent, so a retry is safe.
 */
@Component
public class RuralGrantWorkers {

  private final RuralGrantService service;

  public RuralGrantWorkers(RuralGrantService service) {
    this.service = service;
  }

  @JobWorker(type = "rural-grant.load-eligibility-facts")
  public Map<String, Object> loadEligibilityFacts(@Variable Long caseId) {
    return service.eligibilityFacts(caseId);
  }

  /** Each pass through the loop is a new element instance, so its key tells the rounds apart. */
  @JobWorker(type = "rural-grant.request-documents")
  public Map<String, Object> requestDocuments(ActivatedJob job, @Variable Long caseId, @Variable String missingDocuments) {
    String round = Long.toString(job.getElementInstanceKey());
    return Map.of("documentsDueAt", service.requestDocuments(caseId, round, missingDocuments).toString());
  }

  /** One worker for every decision letter; the task header {@code letterKind} says which. */
  @JobWorker(type = "rural-grant.send-letter")
  public void sendLetter(ActivatedJob job, @VariablesAsType LetterInputs inputs) {
    service.sendLetter(GrantLetterKind.valueOf(job.getCustomHeaders().get("letterKind")), inputs);
  }

  @JobWorker(type = "rural-grant.record-grant-payment")
  public void recordGrantPayment(@Variable Long caseId, @Variable String contractNumber, @Variable String contractDate) {
    service.recordGrantPayment(caseId, contractNumber, LocalDate.parse(contractDate));
  }

  @JobWorker(type = "rural-grant.schedule-confirmation")
  public Map<String, Object> scheduleConfirmation(@Variable Long caseId, @Variable Integer confirmationYear) {
    return service.scheduleConfirmation(caseId, confirmationYear == null ? 0 : confirmationYear);
  }

  @JobWorker(type = "rural-grant.demand-refund")
  public Map<String, Object> demandRefund(@Variable Long caseId, @Variable String departureDate) {
    Refund refund = service.demandRefund(caseId, LocalDate.parse(departureDate));
    return Map.of("refundAmount", refund.amount(), "refundMode", refund.mode().name());
  }
}
