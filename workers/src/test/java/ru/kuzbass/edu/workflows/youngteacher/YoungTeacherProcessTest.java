package ru.kuzbass.edu.workflows.youngteacher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.OptimisticLockingException;
import org.operaton.bpm.engine.runtime.Job;
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import ru.kuzbass.edu.workflows.developmentroute.DevelopmentRoutes;
import ru.kuzbass.edu.workflows.developmentroute.RouteOrigin;
import ru.kuzbass.edu.workflows.developmentroute.RouteStart;
import ru.kuzbass.edu.workflows.platform.RegionTime;
import ru.kuzbass.edu.workflows.support.ApiUsers;
import ru.kuzbass.edu.workflows.support.Mailbox;
import ru.kuzbass.edu.workflows.support.Mailbox.Letter;
import ru.kuzbass.edu.workflows.support.PdfAssertions;
import ru.kuzbass.edu.workflows.support.ProcessTest;
import ru.kuzbass.edu.workflows.support.TestSnils;

/**
 * {@code young-teacher-support} through the API, the embedded engine with its job executor and the
 * real listeners and delegates, MariaDB and SMTP: the questionnaire raises a difficulty whose task
 * opens at once, the mentor is linked to a mentor-bonus nomination (refused while the nomination
 * does not fit), the check-ins fire at the configured months and the year ends with a letter.
 */
class YoungTeacherProcessTest extends ProcessTest {

  private static final String COORDINATOR = "coordinator.sidorova";
  private static final String METHODIST = "methodist.kuznetsova";

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired YoungTeacherProperties properties;
  @Autowired YoungTeacherRoute youngTeacherRoute;
  @Autowired DevelopmentRoutes routes;

  record Case(String number, long id, long instanceKey) {}

  @BeforeEach
  void directory() {
    YoungTeacherFixtures.seedSchools(jdbc);
  }

  @Test
  void aYearOfSupportWithDifficultiesMentorAndCheckIns() throws Exception {
    Case c = start(YoungTeacherFixtures.request());

    // the questionnaire signals a difficulty (discipline 2): the methodist's task opens at once, due in the configured days
    complete(operaton.awaitTask(c.instanceKey(), "Task_FillAdaptationQuestionnaire"), COORDINATOR,
        Map.of("workload", "4", "discipline", "2", "parents", "5", "documentation", "3", "methodicalHelp", "4", "stayIntention", "STAY",
            "youngTeacherComment", "Трудно с дисциплиной в 7 «Б»"));
    Task difficulty = operaton.awaitTask(c.instanceKey(), "Task_ResolveDifficulty");
    int days = properties.rules(2027).difficultyResponseDays();
    assertThat(difficulty.getDueDate().toInstant()).isEqualTo(RegionTime.endOfDay(LocalDate.of(2027, 2, 1).plusDays(days)).toInstant());
    assertThat(operaton.taskVariables(difficulty)).containsEntry("difficultyAreasText", "дисциплина на уроках")
        .containsEntry("difficultyResponseDays", days).doesNotContainKeys("youngTeacherComment", "discipline");
    // the main flow did not wait for it
    operaton.awaitTask(c.instanceKey(), "Task_AssignMentor");
    assertThat(jdbc.sql("SELECT comment FROM young_teacher_answer WHERE case_id = ? AND round = 0").param(c.id()).query(String.class).single())
        .isEqualTo("Трудно с дисциплиной в 7 «Б»");
    assertThat(operaton.recordedVariables()).as("the free text is never a variable of the running case")
        .noneMatch(v -> v.startsWith("youngTeacherComment="));

    // the mentor: a nomination of another school, one whose mentee is someone else, then the right one
    long teacherPerson = jdbc.sql("SELECT person_id FROM young_teacher_case WHERE id = ?").param(c.id()).query(Long.class).single();
    long mentee = teacher(teacherPerson, YoungTeacherFixtures.PILOT_SCHOOL);
    long mentor = teacher(insertPerson(TestSnils.valid(601), "Орлова", "Елена", "1975-03-02", "mentor@example.ru"), YoungTeacherFixtures.PILOT_SCHOOL);
    long someoneElse = teacher(insertPerson(TestSnils.valid(602), "Зайцева", "Полина", "2000-01-10", "z@example.ru"), YoungTeacherFixtures.PILOT_SCHOOL);
    nomination("НС-2027-000101", mentor, YoungTeacherFixtures.PILOT_SCHOOL, mentee);
    nomination("НС-2027-000102", mentor, YoungTeacherFixtures.OTHER_SCHOOL, mentee);
    nomination("НС-2027-000103", mentor, YoungTeacherFixtures.PILOT_SCHOOL, someoneElse);
    nomination("НС-2027-000104", mentor, YoungTeacherFixtures.PILOT_SCHOOL, mentee);
    jdbc.sql("UPDATE mentoring_nomination SET status = 'REJECTED' WHERE case_number = 'НС-2027-000104'").update();
    assertThatThrownBy(() -> assignMentor(c, "НС-2027-000102")).hasStackTraceContaining("Заявка № НС-2027-000102 подана другой школой");
    assertThatThrownBy(() -> assignMentor(c, "НС-2027-000103")).hasStackTraceContaining("этот педагог не указан наставляемым");
    assertThatThrownBy(() -> assignMentor(c, "НС-2027-999999")).hasStackTraceContaining("не найдена");
    assertThatThrownBy(() -> assignMentor(c, "НС-2027-000104")).hasStackTraceContaining("в доплате отказано");
    assignMentor(c, "НС-2027-000101");
    assertThat(jdbc.sql("SELECT mentor_mode, mentor_nomination FROM young_teacher_case WHERE id = ?").param(c.id()).query().singleRow())
        .containsEntry("mentor_mode", "NOMINATION").containsEntry("mentor_nomination", "НС-2027-000101");

    complete(difficulty, METHODIST, Map.of("youngTeacherDifficultyActions", "Посетила уроки, разобрали приёмы", "difficultyResolved", "true"));

    // the check-ins, at the configured months after the start; the third one signals that the teacher thinks of leaving
    List<Integer> months = properties.rules(2027).checkIns();
    for (int i = 1; i <= months.size(); i++) {
      operaton.awaitEntered(c.instanceKey(), "Event_CheckInDue", i);
      LocalDate due = LocalDate.of(2027, 2, 1).plusMonths(months.get(i - 1));
      assertThat(timer(c).getDuedate().toInstant()).as("check-in %d", i).isEqualTo(RegionTime.startOfDay(due).toInstant());
      assertThat(openTasks(c, "Task_CheckIn")).as("no check-in before its day").isZero();
      clock.advanceTo(RegionTime.startOfDay(due).plusMinutes(1));
      Task checkIn = operaton.awaitTask(c.instanceKey(), "Task_CheckIn");
      assertThat(operaton.taskVariables(checkIn)).containsEntry("checkInNumber", i).containsEntry("checkInMonth", months.get(i - 1));
      complete(checkIn, COORDINATOR,
          i == 3 ? YoungTeacherFixtures.answersWith("stayIntention", "LEAVING") : YoungTeacherFixtures.goodAnswers());
      if (i == 3) {
        Task leaving = operaton.awaitTask(c.instanceKey(), "Task_ResolveDifficulty");
        assertThat(operaton.taskVariables(leaving)).containsEntry("difficultyAreasText", "думает об уходе из профессии");
        complete(leaving, METHODIST, Map.of("youngTeacherDifficultyActions", "Беседа с директором", "difficultyResolved", "false"));
      }
    }

    operaton.awaitEnded(c.instanceKey());
    Letter letter = Mailbox.single(awaitValue(() -> {
      try {
        List<Letter> sent = Mailbox.to(YoungTeacherFixtures.TEACHER_EMAIL);
        return sent.isEmpty() ? null : sent;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }));
    assertThat(letter.subject()).isEqualTo("Сопровождение молодого педагога: год завершён (обращение " + c.number() + ")");
    assertThat(letter.pdfText().replaceAll("\\s+", " ")).contains("Уведомление о завершении года сопровождения молодого педагога",
        "№ " + c.number() + "/З", "Уважаемая Анна Петровна!", "Смирнова Анна Петровна", "МБОУ «Ижморская СОШ № 1»", "5 промежуточных встреч",
        "Основание: региональный пилотный проект").doesNotContain(YoungTeacherFixtures.PILOT_SCHOOL);
    PdfAssertions.assertPdfA2b(letter.pdf());

    JsonNode status = json.readTree(mvc.perform(get("/api/young-teachers/" + c.number()).with(ApiUsers.hr())).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    assertThat(status.get("status").asText()).isEqualTo("CLOSED");
    assertThat(status.get("mentor").get("nominationNumber").asText()).isEqualTo("НС-2027-000101");
    assertThat(status.get("answers")).hasSize(1 + months.size());
    assertThat(status.get("difficulties")).hasSize(2);
    assertThat(status.get("difficulties").get(0).get("resolved").asBoolean()).isTrue();
    assertThat(status.get("difficulties").get(1).get("areas").get(0).asText()).isEqualTo("STAY");
    assertThat(status.toString()).doesNotContain(YoungTeacherFixtures.TEACHER_EMAIL, "Трудно", "Смирнова", TestSnils.valid(501));

    // the region's figures count from the tables
    assertThat(jdbc.sql("SELECT COUNT(*) FROM young_teacher_answer WHERE round = 0").query(Integer.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("SELECT COUNT(*), SUM(resolved) FROM young_teacher_difficulty").query().singleRow().values())
        .extracting(v -> ((Number) v).intValue()).containsExactly(2, 1);
    assertThat(jdbc.sql("SELECT round, resolved, actions FROM young_teacher_difficulty ORDER BY round").query().listOfRows())
        .as("each methodist's task closed its own difficulty").extracting(r -> r.get("round") + ":" + r.get("resolved") + ":" + r.get("actions"))
        .containsExactly("0:true:Посетила уроки, разобрали приёмы", "3:false:Беседа с директором");

    // the development route started after the mentor, through the development-route process, once
    String route = jdbc.sql("SELECT development_route_case FROM young_teacher_case WHERE id = ?").param(c.id()).query(String.class).single();
    assertThat(jdbc.sql("SELECT CONCAT(origin, ' ', origin_case, ' ', year, ' ', school_code, ' ', person_id) FROM development_route")
        .query(String.class).single()).isEqualTo("YOUNG_TEACHER " + c.number() + " 2027 " + YoungTeacherFixtures.PILOT_SCHOOL + " " + teacherPerson);
    long routeInstance = jdbc.sql("SELECT process_instance_key FROM development_route WHERE case_number = ?").param(route).query(Long.class).single();
    operaton.awaitTask(routeInstance, "Task_FillProfessionalRequests");
    assertThat(youngTeacherRoute.start(c.id())).as("a retried step finds the route and starts nothing").isEqualTo(route);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM development_route").query(Integer.class).single()).isEqualTo(1);
    assertAuditTrailComplete(c.instanceKey(), c.number());
  }

  @Test
  void aMentorWithoutBonusIsNamedInTheDatabaseOnlyAndAnOpenRouteIsLinked() throws Exception {
    Case c = start(YoungTeacherFixtures.request());
    // the teacher is also a reservist whose route is open: the young-teacher case links it instead of failing
    long person = jdbc.sql("SELECT person_id FROM young_teacher_case WHERE id = ?").param(c.id()).query(Long.class).single();
    String open = routes.start(new RouteStart(person, 2027, YoungTeacherFixtures.PILOT_SCHOOL, RouteOrigin.CADRE_RESERVE, "КР-2027-000009"));
    operaton.completeTask(c.instanceKey(), "Task_FillAdaptationQuestionnaire", COORDINATOR, YoungTeacherFixtures.goodAnswers());
    operaton.completeTask(c.instanceKey(), "Task_AssignMentor", COORDINATOR, Map.of("mentorMode", "WITHOUT_BONUS", "youngTeacherMentorName", "Орлова Елена Ивановна"));
    operaton.awaitEntered(c.instanceKey(), "Event_CheckInDue", 1);
    assertThat(openTasks(c, "Task_ResolveDifficulty")).as("no difficulty, no methodist's task").isZero();
    assertThat(jdbc.sql("SELECT mentor_name FROM young_teacher_case WHERE id = ?").param(c.id()).query(String.class).single())
        .isEqualTo("Орлова Елена Ивановна");
    assertThat(operaton.recordedVariables()).noneMatch(v -> v.startsWith("youngTeacherMentorName="));
    assertThat(jdbc.sql("SELECT development_route_case FROM young_teacher_case WHERE id = ?").param(c.id()).query(String.class).single())
        .isEqualTo(open);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM development_route").query(Integer.class).single()).isEqualTo(1);
  }

  private Case start(Map<String, Object> body) throws Exception {
    String response = mvc.perform(post("/api/young-teachers").contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body))
            .with(ApiUsers.hr()))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    String number = json.readTree(response).get("caseNumber").asText();
    Map<String, Object> row = jdbc.sql("SELECT id, process_instance_key FROM young_teacher_case WHERE case_number = ?").param(number)
        .query().singleRow();
    return new Case(number, ((Number) row.get("id")).longValue(), ((Number) row.get("process_instance_key")).longValue());
  }

  private void assignMentor(Case c, String nomination) {
    complete(operaton.awaitTask(c.instanceKey(), "Task_AssignMentor"), COORDINATOR, Map.of("mentorMode", "NOMINATION", "nominationNumber", nomination));
  }

  /**
   * Completes the task as Tasklist would, and again if the engine refused it for a concurrent change:
   * the methodist's task runs beside the main flow, whose asynchronous step may be moving the same
   * instance at that moment (the user would press «Завершить» again).
   */
  private void complete(Task task, String user, Map<String, Object> variables) {
    for (int attempt = 1; ; attempt++) {
      try {
        operaton.completeTask(task, user, variables);
        return;
      } catch (OptimisticLockingException concurrent) {
        if (attempt == 5) {
          throw concurrent;
        }
      }
    }
  }

  private long teacher(long personId, String school) {
    jdbc.sql("""
            INSERT INTO teacher (person_id, school_code, subject, experience_years, qualification_category, updated_at)
            VALUES (?, ?, 'математика', 1, 'NONE', NOW(3))""").params(personId, school).update();
    return jdbc.sql("SELECT id FROM teacher WHERE person_id = ?").param(personId).query(Long.class).single();
  }

  private void nomination(String number, long mentorTeacher, String school, long menteeTeacher) {
    jdbc.sql("""
            INSERT INTO mentoring_nomination (case_number, campaign_year, mentor_teacher_id, school_code, school_email, funding_source,
              goals, start_date, end_date, status, submitted_at)
            VALUES (?, 2027, ?, ?, 'school@example.ru', 'REGIONAL', 'Адаптация', '2027-02-01', '2028-01-31', 'ACTIVE', NOW(3))""")
        .params(number, mentorTeacher, school).update();
    long id = jdbc.sql("SELECT id FROM mentoring_nomination WHERE case_number = ?").param(number).query(Long.class).single();
    jdbc.sql("INSERT INTO mentoring_mentee (nomination_id, teacher_id) VALUES (?, ?)").params(id, menteeTeacher).update();
  }

  private Job timer(Case c) {
    return operaton.engine().getManagementService().createJobQuery().processInstanceId(Long.toString(c.instanceKey())).timers().singleResult();
  }

  private long openTasks(Case c, String element) {
    return operaton.engine().getTaskService().createTaskQuery().processInstanceId(Long.toString(c.instanceKey())).taskDefinitionKey(element)
        .count();
  }
}
