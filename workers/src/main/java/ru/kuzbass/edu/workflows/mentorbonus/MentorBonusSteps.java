package ru.kuzbass.edu.workflows.mentorbonus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.operaton.bpm.dmn.engine.DmnDecisionResult;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.ExecutionListener;
import org.operaton.bpm.engine.delegate.JavaDelegate;
import org.operaton.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.kuzbass.edu.workflows.engine.EngineIds;
import ru.kuzbass.edu.workflows.engine.Steps;
import ru.kuzbass.edu.workflows.mentorbonus.MentorBonusService.ApprovalStep;
import ru.kuzbass.edu.workflows.mentorbonus.MentorBonusService.FormNomination;
import ru.kuzbass.edu.workflows.platform.InvalidInputException;

/**
 * The automated steps of {@code mentor-bonus}, one delegate each, named as the model calls them.
 * Both approvals share one delegate (the input parameter {@code approvalStep} says which), and every
 * letter another ({@code letterKind}).
 *
 * <p>The eligibility decision reads lists (the admitted categories, the mentees with age and
 * experience). The step that loads the facts hands them over as transient variables: the business
 * rule task follows it in the same transaction (it is not asynchronous), so the decision reads them
 * and the engine stores none of them. The decision's result is kept as JSON text.
 */
@Configuration(proxyBeanMethods = false)
class MentorBonusSteps {

  static final String DECISION_ID = "mentor-bonus-eligibility";
  private static final List<String> LIST_FACTS = List.of("mentees", "mentorQualifications");

  /** A nomination from the Tasklist start form, registered like one through the API; the case number becomes the business key. */
  @Bean("registerNomination")
  JavaDelegate registerNomination(Steps steps, MentorBonusService service) {
    return steps.setting("mentor-bonus.register-nomination", e -> {
      Map<String, Object> registered = service.registerFromForm(new FormNomination(text(e, "schoolCode"), text(e, "schoolEmail"),
          teacherId(e.getVariable("mentorTeacherId")), text(e, "menteeTeacherIds"), text(e, "goals"), text(e, "startDate"),
          text(e, "endDate"), text(e, "fundingSource")), EngineIds.key(e.getProcessInstanceId()));
      e.setProcessBusinessKey((String) registered.get("caseNumber"));
      return registered;
    });
  }

  @Bean("loadMentorEligibilityFacts")
  JavaDelegate loadMentorEligibilityFacts(Steps steps, MentorBonusService service) {
    return steps.setting("mentor-bonus.load-eligibility-facts", e -> {
      Map<String, Object> facts = new HashMap<>(service.eligibilityFacts(EngineIds.caseId(e)));
      LIST_FACTS.forEach(list -> facts.put(list, Variables.untypedValue(facts.get(list), true)));
      return facts;
    });
  }

  /**
   * On the end of the business rule task, in its transaction: keeps the reasons the table collected
   * as JSON text ({@code ineligibilityReasons}, [] when none) with their count. {@code ${auditDecision}}
   * audits the decision after it.
   */
  @Bean("recordMentorEligibility")
  ExecutionListener recordMentorEligibility(ObjectMapper json) {
    return e -> {
      DmnDecisionResult result = (DmnDecisionResult) e.getVariableLocal("decisionResult");
      List<Map<String, Object>> reasons = result.getResultList().stream()
          .map(r -> (Map<String, Object>) new LinkedHashMap<String, Object>(r)).toList();
      e.setVariable("ineligibilityReasons", write(json, reasons));
      e.setVariable("ineligibilityCount", reasons.size());
    };
  }

  /** Who completed the approval comes from the engine's history (see {@link MentorBonusService#recordApproval}). */
  @Bean("recordApproval")
  JavaDelegate recordApproval(Steps steps, MentorBonusService service) {
    return steps.setting("mentor-bonus.record-approval", e -> {
      ApprovalStep step = ApprovalStep.valueOf((String) e.getVariableLocal("approvalStep"));
      String decision = text(e, step == ApprovalStep.SCHOOL_HEAD ? "schoolHeadDecision" : "budgetDecision");
      return service.recordApproval(EngineIds.caseId(e), step, e.getProcessInstanceId(), decision);
    });
  }

  @Bean("applyCorrection")
  JavaDelegate applyCorrection(Steps steps, MentorBonusService service) {
    return steps.running("mentor-bonus.apply-correction", e -> service.applyCorrection(EngineIds.caseId(e), text(e, "correctedGoals"),
        text(e, "correctedStartDate"), text(e, "correctedEndDate"), e.getActivityInstanceId()));
  }

  @Bean("reserveBudget")
  JavaDelegate reserveBudget(Steps steps, MentorBonusService service) {
    return steps.setting("mentor-bonus.reserve-budget", e -> service.reserveBudget(EngineIds.caseId(e)));
  }

  @Bean("scheduleAccrual")
  JavaDelegate scheduleAccrual(Steps steps, MentorBonusService service) {
    return steps.setting("mentor-bonus.schedule-accrual", e -> service.scheduleAccrual(EngineIds.caseId(e), text(e, "accrualMonth")));
  }

  @Bean("accrueMonth")
  JavaDelegate accrueMonth(Steps steps, MentorBonusService service) {
    return steps.setting("mentor-bonus.accrue-month", e -> Map.of("accrualsDone", service.accrueMonth(EngineIds.caseId(e), text(e, "accrualMonth"))));
  }

  @Bean("releaseReservation")
  JavaDelegate releaseReservation(Steps steps, MentorBonusService service) {
    return steps.setting("mentor-bonus.release-reservation", e -> service.releaseReservation(EngineIds.caseId(e)));
  }

  /** Every letter; the input parameter {@code letterKind} names it. */
  @Bean("sendMentorLetter")
  JavaDelegate sendMentorLetter(Steps steps, MentorBonusService service, ObjectMapper json) {
    return steps.running("mentor-bonus.send-letter", e -> service.sendLetter(MentorLetterKind.valueOf((String) e.getVariableLocal("letterKind")),
        new MentorLetterInputs(EngineIds.caseId(e), reasons(json, text(e, "ineligibilityReasons")), text(e, "schoolHeadDecision"),
            text(e, "schoolHeadComment"), text(e, "budgetDecision"), text(e, "budgetComment"), text(e, "budgetOutcome"))));
  }

  private static String text(DelegateExecution e, String name) {
    Object value = e.getVariable(name);
    return value == null ? null : value.toString();
  }

  /** The start form's number field gives a number; a text field would give its digits. */
  private static Long teacherId(Object value) {
    if (value == null || value instanceof Number) {
      return value == null ? null : ((Number) value).longValue();
    }
    try {
      return Long.valueOf(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new InvalidInputException("mentorTeacherId: «" + value + "» не является номером педагога");
    }
  }

  private static List<Map<String, Object>> reasons(ObjectMapper json, String written) {
    if (written == null) {
      return null;
    }
    try {
      return json.readValue(written, new TypeReference<>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("ineligibilityReasons is not the JSON the eligibility check wrote", e);
    }
  }

  private static String write(ObjectMapper json, Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
