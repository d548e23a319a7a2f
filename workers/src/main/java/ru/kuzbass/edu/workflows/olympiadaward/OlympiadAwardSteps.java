package ru.kuzbass.edu.workflows.olympiadaward;

import java.util.Map;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.kuzbass.edu.workflows.engine.EngineIds;
import ru.kuzbass.edu.workflows.engine.Steps;

/**
 * The automated steps of {@code olympiad-coach-award} (a claim) and {@code olympiad-coach-award-list}
 * (the year's list), one delegate each, named as the models call them, over {@link OlympiadAwardService}.
 */
@Configuration(proxyBeanMethods = false)
class OlympiadAwardSteps {

  @Bean("checkOlympiadClaim")
  JavaDelegate checkOlympiadClaim(Steps steps, OlympiadAwardService service) {
    return steps.setting("olympiad-coach-award.check-claim", e -> service.checkClaim(EngineIds.caseId(e)));
  }

  /** After the decision table: {@code awardAmount} is the year's amount for the place, in roubles. */
  @Bean("splitOlympiadAward")
  JavaDelegate splitOlympiadAward(Steps steps, OlympiadAwardService service) {
    return steps.setting("olympiad-coach-award.split-award",
        e -> service.splitAward(EngineIds.caseId(e), ((Number) e.getVariable("awardAmount")).longValue()));
  }

  @Bean("recordCoachingConfirmation")
  JavaDelegate recordCoachingConfirmation(Steps steps, OlympiadAwardService service) {
    return steps.running("olympiad-coach-award.record-confirmation", e -> service.recordConfirmation(EngineIds.caseId(e),
        e.getProcessInstanceId(), text(e, "confirmationDecision"), text(e, "confirmationComment")));
  }

  @Bean("sendOlympiadRefusal")
  JavaDelegate sendOlympiadRefusal(Steps steps, OlympiadAwardService service) {
    return steps.running("olympiad-coach-award.send-refusal", e -> service.sendRefusal(EngineIds.caseId(e)));
  }

  @Bean("payOlympiadAward")
  JavaDelegate payOlympiadAward(Steps steps, OlympiadAwardService service) {
    return steps.running("olympiad-coach-award.pay-award", e -> service.payAward(EngineIds.caseId(e)));
  }

  @Bean("sendOlympiadAwardLetters")
  JavaDelegate sendOlympiadAwardLetters(Steps steps, OlympiadAwardService service) {
    return steps.running("olympiad-coach-award.send-award-letters", e -> service.sendAwardLetters(EngineIds.caseId(e)));
  }

  /** The list's number becomes the instance's business key and case number. */
  @Bean("compileOlympiadAwardList")
  JavaDelegate compileOlympiadAwardList(Steps steps, OlympiadAwardService service) {
    return steps.setting("olympiad-coach-award-list.compile-list", e -> {
      Map<String, Object> compiled = service.compileList(year(e));
      e.setProcessBusinessKey((String) compiled.get("caseNumber"));
      return compiled;
    });
  }

  @Bean("recordAwardListDecision")
  JavaDelegate recordAwardListDecision(Steps steps, OlympiadAwardService service) {
    return steps.running("olympiad-coach-award-list.record-decision",
        e -> service.recordListDecision(text(e, "caseNumber"), e.getProcessInstanceId(), text(e, "listDecision")));
  }

  @Bean("issueOlympiadAwardOrder")
  JavaDelegate issueOlympiadAwardOrder(Steps steps, OlympiadAwardService service) {
    return steps.setting("olympiad-coach-award-list.issue-order", e -> service.issueOrder(text(e, "caseNumber"), year(e)));
  }

  @Bean("notifyOlympiadClaims")
  JavaDelegate notifyOlympiadClaims(Steps steps, OlympiadAwardService service) {
    return steps.running("olympiad-coach-award-list.notify-claims", e -> service.notifyClaims(text(e, "caseNumber")));
  }

  private static int year(DelegateExecution e) {
    return ((Number) e.getVariable("campaignYear")).intValue();
  }

  private static String text(DelegateExecution e, String name) {
    Object value = e.getVariable(name);
    return value == null ? null : value.toString();
  }
}
