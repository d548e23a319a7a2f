package ru.kuzbass.edu.workflows.mentorbonus;

import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.worker.JobClient;
import io.camunda.zeebe.spring.client.annotation.JobWorker;
import io.camunda.zeebe.spring.client.annotation.Variable;
import io.camunda.zeebe.spring.client.annotation.VariablesAsType;
import java.util.Map;
import org.springframework.stereotype.Component;
import ru.kuzbass.edu.workflows.mentorbonus.MentorBonusService.ApprovalStep;
import ru.kuzbass.edu.workflows.mentorbonus.MentorBonusService.FormNomination;
import ru.kuzbass.edu.workflows.platform.JobOutcome;

/** The job workers of {@code mentor-bonus}: thin glue between the engine and {@link MentorBonusService}. */
@Component
public class MentorBonusWorkers {

  private final MentorBonusService service;
  private final JobOutcome outcome;

  public MentorBonusWorkers(MentorBonusService service, JobOutcome outcome) {
    this.service = service;
    this.outcome = outcome;
  }

  @JobWorker(type = "mentor-bonus.register-nomination", autoComplete = false)
  public void registerNomination(JobClient client, ActivatedJob job, @VariablesAsType FormNomination form) {
    outcome.completeWith(client, job, () -> service.registerFromForm(form, job.getProcessInstanceKey()));
  }

  @JobWorker(type = "mentor-bonus.load-eligibility-facts", autoComplete = false)
  public void loadEligibilityFacts(JobClient client, ActivatedJob job, @Variable Long caseId) {
    outcome.completeWith(client, job, () -> service.eligibilityFacts(caseId));
  }

  /** The task header {@code approvalStep} says which approval the previous user task was. */
  @JobWorker(type = "mentor-bonus.record-approval", autoComplete = false)
  public void recordApproval(JobClient client, ActivatedJob job, @Variable Long caseId,
      @Variable String schoolHeadDecision, @Variable String budgetDecision) {
    ApprovalStep step = ApprovalStep.valueOf(job.getCustomHeaders().get("approvalStep"));
    String decision = step == ApprovalStep.SCHOOL_HEAD ? schoolHeadDecision : budgetDecision;
    outcome.completeWith(client, job, () -> service.recordApproval(caseId, step, job.getProcessInstanceKey(), decision,
        Long.toString(job.getElementInstanceKey())));
  }

  @JobWorker(type = "mentor-bonus.apply-correction", autoComplete = false)
  public void applyCorrection(JobClient client, ActivatedJob job, @Variable Long caseId, @Variable String correctedGoals,
      @Variable String correctedStartDate, @Variable String correctedEndDate) {
    outcome.complete(client, job, () -> service.applyCorrection(caseId, correctedGoals, correctedStartDate, correctedEndDate,
        Long.toString(job.getElementInstanceKey())));
  }

  @JobWorker(type = "mentor-bonus.reserve-budget", autoComplete = false)
  public void reserveBudget(JobClient client, ActivatedJob job, @Variable Long caseId) {
    outcome.completeWith(client, job, () -> service.reserveBudget(caseId));
  }

  @JobWorker(type = "mentor-bonus.schedule-accrual", autoComplete = false)
  public void scheduleAccrual(JobClient client, ActivatedJob job, @Variable Long caseId, @Variable String accrualMonth) {
    outcome.completeWith(client, job, () -> service.scheduleAccrual(caseId, accrualMonth));
  }

  @JobWorker(type = "mentor-bonus.accrue-month", autoComplete = false)
  public void accrueMonth(JobClient client, ActivatedJob job, @Variable Long caseId, @Variable String accrualMonth) {
    outcome.completeWith(client, job, () -> Map.of("accrualsDone", service.accrueMonth(caseId, accrualMonth)));
  }

  @JobWorker(type = "mentor-bonus.release-reservation", autoComplete = false)
  public void releaseReservation(JobClient client, ActivatedJob job, @Variable Long caseId) {
    outcome.completeWith(client, job, () -> service.releaseReservation(caseId));
  }

  /** One worker for every letter; the task header {@code letterKind} says which. */
  @JobWorker(type = "mentor-bonus.send-letter", autoComplete = false)
  public void sendLetter(JobClient client, ActivatedJob job, @VariablesAsType MentorLetterInputs inputs) {
    outcome.complete(client, job, () -> service.sendLetter(MentorLetterKind.valueOf(job.getCustomHeaders().get("letterKind")), inputs));
  }
}
