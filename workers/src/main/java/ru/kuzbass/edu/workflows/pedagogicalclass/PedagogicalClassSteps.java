package ru.kuzbass.edu.workflows.pedagogicalclass;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.kuzbass.edu.workflows.engine.EngineIds;
import ru.kuzbass.edu.workflows.engine.Steps;

/**
 * The automated steps of {@code pedagogical-class-opening}, one delegate each, named as the models
 * call them. Reminders, escalations and step records share one delegate each; the input parameter
 * {@code step} names the step, and the variable {@code termReportNumber} tells term reports apart.
 */
@Configuration(proxyBeanMethods = false)
class PedagogicalClassSteps {

  /** What a step's form may produce; the step record keeps what is there. */
  private static final List<String> FORM_FIELDS = List.of("studyNotes", "openingDecision", "openingRejectionReason", "classModel",
      "resourceCentreSchool", "partnerSchools", "curriculum", "applicants", "enrolled", "termReport", "results");

  /** A case started from the Tasklist start form: registered like one started through the API. */
  @Bean("registerOpening")
  JavaDelegate registerOpening(Steps steps, PedagogicalClassService service) {
    return steps.setting("pedagogical-class.register-opening", e -> {
      Map<String, Object> registered = service.registerFromForm(new OpeningRequest((String) e.getVariable("schoolCode"),
          (String) e.getVariable("municipality"), (String) e.getVariable("schoolEmail"), integer(e.getVariable("academicYear"))),
          EngineIds.key(e.getProcessInstanceId()));
      // the case number is what Cockpit and the audit find the instance by, as for a case started through the API
      e.setProcessBusinessKey((String) registered.get("caseNumber"));
      return registered;
    });
  }

  @Bean("planDeadlines")
  JavaDelegate planDeadlines(Steps steps, PedagogicalClassService service) {
    return steps.setting("pedagogical-class.plan-deadlines", e -> service.planDeadlines(EngineIds.caseId(e)));
  }

  @Bean("scheduleTermReport")
  JavaDelegate scheduleTermReport(Steps steps, PedagogicalClassService service) {
    return steps.setting("pedagogical-class.schedule-term-report", e -> {
      Integer previous = integer(e.getVariable("termReportNumber"));
      return service.scheduleTermReport(EngineIds.caseId(e), previous == null ? 0 : previous);
    });
  }

  @Bean("remindSchool")
  JavaDelegate remindSchool(Steps steps, PedagogicalClassService service) {
    return steps.running("pedagogical-class.send-reminder", e -> service.remind(EngineIds.caseId(e), step(e), dueAt(e), round(e)));
  }

  @Bean("escalateOverdueStep")
  JavaDelegate escalateOverdueStep(Steps steps, PedagogicalClassService service) {
    return steps.running("pedagogical-class.escalate", e -> service.escalate(EngineIds.caseId(e), step(e), dueAt(e), round(e)));
  }

  @Bean("recordStep")
  JavaDelegate recordStep(Steps steps, PedagogicalClassService service) {
    return steps.running("pedagogical-class.record-step", e -> {
      Map<String, Object> data = new HashMap<>();
      FORM_FIELDS.forEach(f -> {
        if (e.getVariable(f) != null) {
          data.put(f, e.getVariable(f));
        }
      });
      service.recordStep(EngineIds.caseId(e), step(e), round(e), data);
    });
  }

  private static OpeningStep step(DelegateExecution e) {
    return OpeningStep.valueOf((String) e.getVariableLocal("step"));
  }

  private static Integer integer(Object value) {
    return value instanceof Number n ? n.intValue() : value == null ? null : Integer.valueOf(value.toString());
  }

  private static String round(DelegateExecution e) {
    Object number = e.getVariable("termReportNumber");
    return String.valueOf(number == null ? 0 : number);
  }

  /** The step's deadline variable: {@code studyDueAt}, {@code termReportDueAt}, ... */
  private static String dueAt(DelegateExecution e) {
    OpeningStep step = step(e);
    String prefix = step == OpeningStep.TERM_REPORT ? "termReport" : step.name().toLowerCase();
    return (String) e.getVariable(prefix + "DueAt");
  }
}
