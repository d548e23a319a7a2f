package ru.kuzbass.edu.workflows.ruralgrant;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.JavaDelegate;
import org.operaton.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.kuzbass.edu.workflows.engine.EngineIds;
import ru.kuzbass.edu.workflows.engine.Steps;
import ru.kuzbass.edu.workflows.ruralgrant.RefundCalculator.Refund;

/**
 * The automated steps of {@code rural-teacher-grant}, one delegate each, named as the model calls
 * them. Every decision letter shares one delegate; the input parameter {@code letterKind} says which.
 * The service's effects are keyed by case and kind, so a retried step has its effect once.
 */
@Configuration(proxyBeanMethods = false)
class RuralGrantSteps {

  /**
   * The facts and the campaign's thresholds for the eligibility table, which the business rule task
   * right after this step evaluates in the same transaction. The campaign's settlement types are a
   * list, which the engine would store Java-serialised: they are a transient variable, there for the
   * decision and gone when the transaction ends (the decision's history keeps what it made of them).
   */
  @Bean("loadEligibilityFacts")
  JavaDelegate loadEligibilityFacts(Steps steps, RuralGrantService service) {
    return steps.setting("rural-grant.load-eligibility-facts", e -> {
      Map<String, Object> facts = new HashMap<>(service.eligibilityFacts(EngineIds.caseId(e)));
      facts.put("allowedSettlementTypes", Variables.untypedValue(facts.get("allowedSettlementTypes"), true));
      return facts;
    });
  }

  /**
   * Each request of documents is a round of its own, numbered by {@code documentsRequestRound}: a
   * retry of the step reads the same previous number and so keys the same round (one e-mail), while
   * HR asking again starts the next round with a new e-mail and deadline.
   */
  @Bean("requestDocuments")
  JavaDelegate requestDocuments(Steps steps, RuralGrantService service) {
    return steps.setting("rural-grant.request-documents", e -> {
      Object previous = e.getVariable("documentsRequestRound");
      int round = (previous == null ? 0 : ((Number) previous).intValue()) + 1;
      String dueAt = service.requestDocuments(EngineIds.caseId(e), Integer.toString(round), (String) e.getVariable("missingDocuments")).toString();
      return Map.of("documentsRequestRound", round, "documentsDueAt", dueAt);
    });
  }

  /** {@code vacancyPlaceTaken}: whether the approved case holds one of its vacancy row's places. */
  @Bean("takeVacancyPlace")
  JavaDelegate takeVacancyPlace(Steps steps, RuralGrantService service) {
    return steps.setting("rural-grant.take-vacancy-place",
        e -> Map.<String, Object>of("vacancyPlaceTaken", service.takeVacancyPlace(EngineIds.caseId(e))));
  }

  /** Every decision letter; the input parameter {@code letterKind} names it. */
  @Bean("sendLetter")
  JavaDelegate sendLetter(Steps steps, RuralGrantService service, EligibilityReasons reasons) {
    return steps.running("rural-grant.send-letter", e -> service.sendLetter(GrantLetterKind.valueOf((String) e.getVariableLocal("letterKind")),
        new LetterInputs(EngineIds.caseId(e), reasons.read((String) e.getVariable("ineligibilityReasons")), text(e, "documentCheckOutcome"),
            text(e, "documentRejectionReason"), text(e, "commissionDecision"), text(e, "commissionReason"), (Boolean) e.getVariable("vacancyPlaceTaken"),
            text(e, "departureDate"))));
  }

  @Bean("recordGrantPayment")
  JavaDelegate recordGrantPayment(Steps steps, RuralGrantService service) {
    return steps.running("rural-grant.record-grant-payment",
        e -> service.recordGrantPayment(EngineIds.caseId(e), text(e, "contractNumber"), LocalDate.parse(text(e, "contractDate"))));
  }

  @Bean("scheduleConfirmation")
  JavaDelegate scheduleConfirmation(Steps steps, RuralGrantService service) {
    return steps.setting("rural-grant.schedule-confirmation", e -> {
      Object previous = e.getVariable("confirmationYear");
      return service.scheduleConfirmation(EngineIds.caseId(e), previous == null ? 0 : ((Number) previous).intValue());
    });
  }

  /** The amount as a plain decimal string: a BigDecimal would be stored Java-serialised. */
  @Bean("demandRefund")
  JavaDelegate demandRefund(Steps steps, RuralGrantService service) {
    return steps.setting("rural-grant.demand-refund", e -> {
      Refund refund = service.demandRefund(EngineIds.caseId(e), LocalDate.parse(text(e, "departureDate")));
      return Map.of("refundAmount", refund.amount().toPlainString(), "refundMode", refund.mode().name());
    });
  }

  private static String text(DelegateExecution e, String name) {
    return (String) e.getVariable(name);
  }
}
