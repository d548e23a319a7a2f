package ru.kuzbass.edu.workflows.rurallivingcosts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.JavaDelegate;
import org.operaton.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.kuzbass.edu.workflows.engine.EngineIds;
import ru.kuzbass.edu.workflows.engine.Steps;
import ru.kuzbass.edu.workflows.ruralgrant.EligibilityReasons;

/**
 * The automated steps of {@code rural-living-costs-enrolment} and {@code rural-living-costs-claim},
 * one delegate each, named as the models call them. The services' effects are keyed by case and
 * kind, so a retried step has its effect once.
 */
@Configuration(proxyBeanMethods = false)
class LivingCostsSteps {

  /**
   * The facts for the eligibility table that follows in the same transaction; the year's settlement
   * types are a list, handed over as a transient variable (see RuralGrantSteps).
   */
  @Bean("livingCostsLoadEligibilityFacts")
  JavaDelegate loadEligibilityFacts(Steps steps, EnrolmentService service) {
    return steps.setting("rural-living-costs.load-eligibility-facts", e -> transientList(service.eligibilityFacts(EngineIds.caseId(e), true)));
  }

  /** A refusal by the table's reasons, or, where the table found none, by HR's. */
  @Bean("livingCostsRefuse")
  JavaDelegate refuse(Steps steps, EnrolmentService service, EligibilityReasons reasons) {
    return steps.running("rural-living-costs.refuse", e -> {
      List<String> grounds = new ArrayList<>(reasons.read(text(e, "ineligibilityReasons")));
      if (grounds.isEmpty()) {
        grounds.add("кадровая служба не подтвердила работу в школе: " + text(e, "hrRefusalReason"));
      }
      service.refuse(EngineIds.caseId(e), grounds);
    });
  }

  @Bean("livingCostsEnrol")
  JavaDelegate enrol(Steps steps, EnrolmentService service) {
    return steps.running("rural-living-costs.enrol", e -> service.enrol(EngineIds.caseId(e)));
  }

  @Bean("livingCostsSendEnrolmentLetter")
  JavaDelegate sendEnrolmentLetter(Steps steps, EnrolmentService service) {
    return steps.running("rural-living-costs.send-enrolment-letter", e -> service.sendEnrolmentLetter(EngineIds.caseId(e)));
  }

  @Bean("livingCostsScheduleReconfirmation")
  JavaDelegate scheduleReconfirmation(Steps steps, EnrolmentService service) {
    return steps.setting("rural-living-costs.schedule-reconfirmation", e -> {
      Object previous = e.getVariable("reconfirmationRound");
      return service.scheduleReconfirmation(EngineIds.caseId(e), previous == null ? 0 : ((Number) previous).intValue());
    });
  }

  /** The school's answer, and the facts for the table to decide again on. */
  @Bean("livingCostsRecordReconfirmation")
  JavaDelegate recordReconfirmation(Steps steps, EnrolmentService service) {
    return steps.setting("rural-living-costs.record-reconfirmation", e -> transientList(service.recordReconfirmation(EngineIds.caseId(e),
        ((Number) e.getVariable("reconfirmationRound")).intValue(), "EMPLOYED".equals(text(e, "employmentStatus")),
        text(e, "residenceSettlementCode"))));
  }

  /** Ends the enrolment from the month of the change the school reported (today's, if it named none). */
  @Bean("livingCostsEndEnrolment")
  JavaDelegate endEnrolment(Steps steps, EnrolmentService service, EligibilityReasons reasons) {
    return steps.running("rural-living-costs.end-enrolment", e -> {
      String changeDate = text(e, "changeDate");
      LocalDate from = changeDate == null || changeDate.isBlank() ? null : LocalDate.parse(changeDate.substring(0, 10));
      service.end(EngineIds.caseId(e), from, reasons.read(text(e, "ineligibilityReasons")));
    });
  }

  /** {@code correctionDueAt}: when the boundary timer refuses the claim if no correction came. */
  @Bean("livingCostsRequestCorrection")
  JavaDelegate requestCorrection(Steps steps, ClaimService service) {
    return steps.setting("rural-living-costs.request-correction", e -> Map.of("correctionDueAt",
        service.requestCorrection(EngineIds.caseId(e), text(e, "correctionNote")).toString()));
  }

  @Bean("livingCostsRejectOverdueClaim")
  JavaDelegate rejectOverdueClaim(Steps steps, ClaimService service) {
    return steps.running("rural-living-costs.reject-overdue-claim", e -> service.rejectOverdue(EngineIds.caseId(e)));
  }

  /** {@code paidAmount} as a plain decimal string (a BigDecimal would be stored Java-serialised), and whether anything is paid. */
  @Bean("livingCostsRecordDecision")
  JavaDelegate recordDecision(Steps steps, ClaimService service) {
    return steps.setting("rural-living-costs.record-decision", e -> {
      Map<CostKind, ClaimService.LineDecision> decisions = new EnumMap<>(CostKind.class);
      for (CostKind kind : CostKind.values()) {
        String decision = text(e, kind.variable() + "Decision");
        if (decision != null) {
          decisions.put(kind, new ClaimService.LineDecision("ACCEPT".equals(decision), text(e, kind.variable() + "Reason")));
        }
      }
      BigDecimal paid = service.recordDecision(EngineIds.caseId(e), decisions);
      return Map.of("paidAmount", paid.toPlainString(), "claimPaid", paid.signum() > 0);
    });
  }

  /** The month's notice; the input parameter {@code letterKind} says which. */
  @Bean("livingCostsSendClaimLetter")
  JavaDelegate sendClaimLetter(Steps steps, ClaimService service) {
    return steps.running("rural-living-costs.send-claim-letter",
        e -> service.sendLetter(EngineIds.caseId(e), LivingCostsLetterKind.valueOf((String) e.getVariableLocal("letterKind"))));
  }

  private static Map<String, Object> transientList(Map<String, Object> facts) {
    Map<String, Object> variables = new HashMap<>(facts);
    variables.put("eligibleSettlementTypes", Variables.untypedValue(facts.get("eligibleSettlementTypes"), true));
    return variables;
  }

  private static String text(DelegateExecution e, String name) {
    Object value = e.getVariable(name);
    return value == null ? null : value.toString();
  }
}
