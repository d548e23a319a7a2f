package ru.kuzbass.edu.workflows.youngteacher;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.delegate.JavaDelegate;
import org.operaton.bpm.engine.delegate.TaskListener;
import org.operaton.bpm.engine.delegate.VariableScope;
import org.operaton.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.kuzbass.edu.workflows.engine.EngineIds;
import ru.kuzbass.edu.workflows.engine.Steps;
import ru.kuzbass.edu.workflows.engine.TextKeptOutOfHistory;
import ru.kuzbass.edu.workflows.platform.InvalidInputException;

/**
 * The steps of {@code young-teacher-support}. The automated ones are delegates. What a user task's
 * form brings in is taken over by the task's complete listener, in the transaction that completes
 * it: the answers, the free text and a mentor's name go to MariaDB, and the listener removes those
 * form variables again (the texts never reach the engine's history: {@link TextKeptOutOfHistory}),
 * so that the running case carries only ids and decision data
 * ({@code difficultyRaised}, {@code difficultyId}). A refusal (a nomination of another school) fails
 * the completion with a message Tasklist shows, and the task stays open.
 */
@Configuration(proxyBeanMethods = false)
class YoungTeacherSteps {

  /** The form fields whose text may name people: kept in MariaDB only, never in the engine's history. */
  static final String COMMENT = "youngTeacherComment";
  static final String MENTOR_NAME = "youngTeacherMentorName";
  static final String DIFFICULTY_ACTIONS = "youngTeacherDifficultyActions";

  static final List<String> ANSWER_FIELDS = List.of("workload", "discipline", "parents", "documentation", "methodicalHelp",
      "stayIntention", COMMENT);
  static final List<String> MENTOR_FIELDS = List.of("mentorMode", "nominationNumber", MENTOR_NAME);
  static final List<String> DIFFICULTY_FIELDS = List.of(DIFFICULTY_ACTIONS, "difficultyResolved");

  @Bean
  TextKeptOutOfHistory.Fields youngTeacherTexts() {
    return () -> Set.of(COMMENT, MENTOR_NAME, DIFFICULTY_ACTIONS);
  }
  static final String QUESTIONNAIRE_TASK = "Task_FillAdaptationQuestionnaire";

  /** The questionnaire is round 0, a check-in the number the schedule gave it. */
  @Bean("recordYoungTeacherAnswers")
  TaskListener recordYoungTeacherAnswers(YoungTeacherService service) {
    return task -> {
      int round = QUESTIONNAIRE_TASK.equals(task.getTaskDefinitionKey()) ? YoungTeacherService.QUESTIONNAIRE
          : ((Number) task.getVariable("checkInNumber")).intValue();
      Answers answers = new Answers(scale(task, "workload"), scale(task, "discipline"), scale(task, "parents"), scale(task, "documentation"),
          scale(task, "methodicalHelp"), stay(task));
      Map<String, Object> decided = service.recordAnswers(EngineIds.caseId(task.getExecution()), round, answers, text(task, COMMENT),
          completedBy(task));
      remove(task, ANSWER_FIELDS);
      task.getExecution().setVariables(decided);
    };
  }

  @Bean("recordYoungTeacherMentor")
  TaskListener recordYoungTeacherMentor(YoungTeacherService service) {
    return task -> {
      service.assignMentor(EngineIds.caseId(task.getExecution()), text(task, "mentorMode"), text(task, "nominationNumber"),
          text(task, MENTOR_NAME));
      remove(task, MENTOR_FIELDS);
    };
  }

  /** The difficulty the task is about is its local {@code difficultyId}, fixed when the task was opened. */
  @Bean("recordYoungTeacherDifficulty")
  TaskListener recordYoungTeacherDifficulty(YoungTeacherService service) {
    return task -> {
      Object resolved = task.getVariable("difficultyResolved");
      if (resolved == null) {
        throw new InvalidInputException("Укажите, устранено ли затруднение");
      }
      service.closeDifficulty(((Number) task.getVariable("difficultyId")).longValue(),
          resolved instanceof Boolean b ? b : Boolean.parseBoolean(resolved.toString()), text(task, DIFFICULTY_ACTIONS));
      remove(task, DIFFICULTY_FIELDS);
    };
  }

  @Bean("scheduleYoungTeacherCheckIn")
  JavaDelegate scheduleYoungTeacherCheckIn(Steps steps, YoungTeacherService service) {
    return steps.setting("young-teacher-support.schedule-check-in", e -> {
      Object previous = e.getVariable("checkInNumber");
      return service.scheduleCheckIn(EngineIds.caseId(e), previous == null ? 0 : ((Number) previous).intValue());
    });
  }

  @Bean("startYoungTeacherRoute")
  JavaDelegate startYoungTeacherRoute(Steps steps, YoungTeacherRoute route) {
    return steps.setting("young-teacher-support.start-development-route",
        e -> Map.of("developmentRouteCase", route.start(EngineIds.caseId(e))));
  }

  @Bean("completeYoungTeacherSupport")
  JavaDelegate completeYoungTeacherSupport(Steps steps, YoungTeacherService service) {
    return steps.running("young-teacher-support.complete-support", e -> service.completeSupport(EngineIds.caseId(e)));
  }

  private static int scale(VariableScope task, String name) {
    Object value = task.getVariable(name);
    try {
      int scale = value instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(value).strip());
      if (scale >= 1 && scale <= 5) {
        return scale;
      }
    } catch (NumberFormatException ignored) {
      // falls through to the refusal below
    }
    throw new InvalidInputException(name + ": выберите оценку от 1 до 5");
  }

  private static String stay(VariableScope task) {
    String value = text(task, "stayIntention");
    if (!Answers.STAY_ANSWERS.contains(value)) {
      throw new InvalidInputException("stayIntention: ответьте, планирует ли педагог остаться в профессии");
    }
    return value;
  }

  private static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : value.toString();
  }

  private static String completedBy(DelegateTask task) {
    Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return user != null && user.getUserId() != null ? user.getUserId() : task.getAssignee();
  }

  /** Removes the form's variables from wherever the completion put them (the task and the case). */
  private static void remove(DelegateTask task, List<String> names) {
    DelegateExecution execution = task.getExecution();
    for (String name : names) {
      task.removeVariableLocal(name);
      execution.removeVariable(name);
    }
  }
}
