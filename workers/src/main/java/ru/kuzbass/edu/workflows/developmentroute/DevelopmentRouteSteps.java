package ru.kuzbass.edu.workflows.developmentroute;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.delegate.JavaDelegate;
import org.operaton.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.kuzbass.edu.workflows.engine.EngineIds;
import ru.kuzbass.edu.workflows.engine.Steps;
import ru.kuzbass.edu.workflows.engine.TextKeptOutOfHistory;

/**
 * The steps of {@code development-route}, named as the model calls them. The service steps run
 * through {@link Steps} (audited, retried); the forms' answers are recorded by the user tasks'
 * complete listeners, in the transaction that completes the task, so that a bad answer refuses the
 * completion with its message, naming the field, and nothing is written.
 */
@Configuration(proxyBeanMethods = false)
class DevelopmentRouteSteps {

  /** The questionnaire's checkboxes: the competence each one asks for. */
  static final Map<String, Competence> COMPETENCE_BOXES = Map.of("wantSubject", Competence.SUBJECT, "wantMethodical", Competence.METHODICAL,
      "wantPsychologicalPedagogical", Competence.PSYCHOLOGICAL_PEDAGOGICAL, "wantCommunicative", Competence.COMMUNICATIVE,
      "wantDigital", Competence.DIGITAL);
  static final Map<String, EventKind> KIND_BOXES = Map.of("preferFormal", EventKind.FORMAL, "preferNonFormal", EventKind.NON_FORMAL,
      "preferInformal", EventKind.INFORMAL);
  /** The teacher's free-text request: stored in the database, then removed from the process. */
  static final String REQUEST_TEXT = "requestText";
  /** The methodist's comment at a monitoring and the school's or municipality's measures: stored per round, then removed. */
  static final String MONITORING_COMMENT = "monitoringComment";
  static final String MEASURES_TAKEN = "measuresTaken";

  /** The monitoring's round: the process's variable holds the last one done (none before the first). */
  static final String MONITORING_ROUND = "monitoringRound";
  /**
   * What a monitoring's and an escalation's form show of their round: kept on the task, since the
   * next round may begin, and set the process's variables anew, while the task is open.
   */
  static final List<String> MONITORING_FIGURES = List.of(MONITORING_ROUND, "itemsTotal", "itemsDue", "itemsCompleted", "itemsOverdue",
      "paceText", "routeItems");

  @Bean("recordProfessionalRequests")
  TaskListener recordProfessionalRequests(DevelopmentRoutes routes) {
    return task -> {
      routes.recordRequests(caseId(task), new DevelopmentRoutes.Requests(ticked(task, COMPETENCE_BOXES, Competence.class),
          ticked(task, KIND_BOXES, EventKind.class), task.getVariable("paceMonths"), (String) task.getVariable(REQUEST_TEXT),
          task.getAssignee()));
      // it may name people: it stays in development_route_request, not in the engine
      task.removeVariable(REQUEST_TEXT);
    };
  }

  /** The free-text request never reaches the engine's history: the listener above moved it to the database. */
  @Bean
  TextKeptOutOfHistory.Fields developmentRouteTexts() {
    return () -> Set.of(REQUEST_TEXT, MONITORING_COMMENT, MEASURES_TAKEN);
  }

  @Bean("proposeRoute")
  JavaDelegate proposeRoute(Steps steps, DevelopmentRoutes routes) {
    return steps.setting("development-route.propose-route", e -> Map.of("routeItems", routes.propose(EngineIds.caseId(e))));
  }

  @Bean("recordRouteReview")
  TaskListener recordRouteReview(DevelopmentRoutes routes) {
    return task -> {
      task.setVariable("routeItems", routes.review(caseId(task), (String) task.getVariable("dropItems"),
          (String) task.getVariable("addEventCodes"), round(task)));
      // applied: after a return the form opens empty, so that the numbers of the old route are not applied to the new one
      task.removeVariables(List.of("dropItems", "addEventCodes"));
    };
  }

  @Bean("recordRouteAgreement")
  TaskListener recordRouteAgreement(DevelopmentRoutes routes) {
    return task -> {
      String answer = (String) task.getVariable("teacherAnswer");
      routes.recordAgreement(caseId(task), answer, (String) task.getVariable("returnReason"), round(task));
      task.setVariable("agreementRound", round(task) + 1);
    };
  }

  /** Sends the agreed route, and sets the moments its realisation waits for: the first monitoring and the route's end. */
  @Bean("sendAgreedRoute")
  JavaDelegate sendAgreedRoute(Steps steps, AgreedRouteLetter letter, RouteRealisation realisation) {
    return steps.setting("development-route.send-agreed-route", e -> {
      letter.send(EngineIds.caseId(e));
      return realisation.realisationSchedule(EngineIds.caseId(e));
    });
  }

  @Bean("checkRoutePace")
  JavaDelegate checkRoutePace(Steps steps, RouteRealisation realisation) {
    return steps.setting("development-route.check-pace", e -> {
      Object last = e.getVariable(MONITORING_ROUND);
      return realisation.monitor(EngineIds.caseId(e), (last instanceof Number n ? n.intValue() : 0) + 1);
    });
  }

  @Bean("keepMonitoringOnTask")
  TaskListener keepMonitoringOnTask() {
    return task -> MONITORING_FIGURES.forEach(name -> task.setVariableLocal(name, task.getVariable(name)));
  }

  @Bean("recordRouteCorrection")
  TaskListener recordRouteCorrection(DevelopmentRoutes routes, RouteRealisation realisation) {
    return task -> {
      realisation.recordComment(caseId(task), taskRound(task), (String) task.getVariable(MONITORING_COMMENT));
      routes.correct(caseId(task), (String) task.getVariable("dropItems"), (String) task.getVariable("addEventCodes"), taskRound(task));
      // stored and applied: the next monitoring's form opens empty
      task.removeVariables(List.of("dropItems", "addEventCodes", MONITORING_COMMENT));
    };
  }

  @Bean("recordEscalationMeasures")
  TaskListener recordEscalationMeasures(RouteRealisation realisation) {
    return task -> {
      realisation.recordMeasures(caseId(task), taskRound(task), (String) task.getVariable(MEASURES_TAKEN), task.getAssignee());
      // stored: an escalation open beside this one, or the next, opens empty
      task.removeVariable(MEASURES_TAKEN);
    };
  }

  @Bean("recordRepeatedDiagnosis")
  TaskListener recordRepeatedDiagnosis(RouteReflection reflection) {
    return task -> reflection.recordRepeatedDiagnosis(caseId(task), task.getVariable("repeatedDiagnosisYear"));
  }

  @Bean("reportRouteResults")
  JavaDelegate reportRouteResults(Steps steps, RouteReflection reflection) {
    return steps.running("development-route.report-results", e -> reflection.report(EngineIds.caseId(e)));
  }

  private static int taskRound(DelegateTask task) {
    return ((Number) task.getVariableLocal(MONITORING_ROUND)).intValue();
  }

  private static long caseId(DelegateTask task) {
    return ((Number) task.getVariable("caseId")).longValue();
  }

  /** How many times the school has answered so far: review and answer records of each round are kept apart. */
  private static int round(DelegateTask task) {
    Object n = task.getVariable("agreementRound");
    return n instanceof Number number ? number.intValue() : 0;
  }

  private static <E extends Enum<E>> Set<E> ticked(DelegateTask task, Map<String, E> boxes, Class<E> type) {
    Set<E> values = EnumSet.noneOf(type);
    boxes.forEach((box, value) -> {
      if (Boolean.TRUE.equals(task.getVariable(box))) {
        values.add(value);
      }
    });
    return values;
  }
}
