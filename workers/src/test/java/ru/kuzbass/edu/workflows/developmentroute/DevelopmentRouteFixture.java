package ru.kuzbass.edu.workflows.developmentroute;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import ru.kuzbass.edu.workflows.support.ApiUsers;
import ru.kuzbass.edu.workflows.support.ProcessTest;

/**
 * What the route's process tests share: a teacher with diagnosis results, a bank of events, the
 * start through the API, and a route driven through its design to the agreement.
 */
abstract class DevelopmentRouteFixture extends ProcessTest {

  static final String PATH = "/api/development-routes";
  static final String EMAIL = "ivanova@school.example";

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired Diagnoses diagnoses;
  @Autowired EventBank bank;

  /** Deficits DIGITAL 40, METHODICAL 50, SUBJECT 55 (lowest first); COMMUNICATIVE and PSYCHOLOGICAL_PEDAGOGICAL are not. */
  long teacherWithDiagnosis() {
    diagnoses.store(List.of(score(Competence.DIGITAL, "40"), score(Competence.METHODICAL, "50"), score(Competence.SUBJECT, "55"),
        score(Competence.COMMUNICATIVE, "80"), score(Competence.PSYCHOLOGICAL_PEDAGOGICAL, "90")));
    return jdbc.sql("SELECT person_id FROM competence_diagnosis LIMIT 1").query(Long.class).single();
  }

  void bankOfEvents() {
    bank.store(List.of(
        event("D-1", Competence.DIGITAL, EventKind.FORMAL, "2027-03-01", "2027-04-30", 30, 0),
        event("D-2", Competence.DIGITAL, EventKind.NON_FORMAL, "2027-02-10", "2027-02-12", null, null),
        event("D-3", Competence.DIGITAL, EventKind.FORMAL, "2027-05-01", "2027-06-30", 30, 0),
        event("D-LATE", Competence.DIGITAL, EventKind.NON_FORMAL, "2029-03-01", "2029-03-02", null, null),
        event("M-FULL", Competence.METHODICAL, EventKind.FORMAL, "2027-03-01", "2027-03-31", 10, 10),
        event("S-1", Competence.SUBJECT, EventKind.NON_FORMAL, "2027-03-10", "2027-03-12", null, null),
        event("C-1", Competence.COMMUNICATIVE, EventKind.FORMAL, "2027-04-01", "2027-04-10", 20, 0),
        event("P-1", Competence.PSYCHOLOGICAL_PEDAGOGICAL, EventKind.NON_FORMAL, "2027-06-01", "2027-06-05", null, null)));
  }

  /** A route as its design left it: the case, the process instance and the route's row. */
  record Agreed(String caseNumber, long instance, long route, long person) {}

  /**
   * The design with no return: the questionnaire (communicative wanted, non-formal preferred, 12
   * months from START), the methodist drops item 2 and adds P-1, the school records the agreement;
   * the items are D-2, self-education (methodical), S-1, C-1, P-1. Returns once the route is agreed.
   */
  Agreed agreedRoute() throws Exception {
    long person = teacherWithDiagnosis();
    bankOfEvents();
    String caseNumber = json.readTree(start(Map.of("personId", person, "year", 2027, "schoolCode", "SCH-1"))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("caseNumber").asText();
    long instance = jdbc.sql("SELECT process_instance_key FROM development_route WHERE case_number = ?").params(caseNumber)
        .query(Long.class).single();
    long route = jdbc.sql("SELECT id FROM development_route WHERE case_number = ?").params(caseNumber).query(Long.class).single();
    completeUserTask(instance, "Task_FillProfessionalRequests", Map.of("wantCommunicative", true, "preferNonFormal", true, "paceMonths", 12L));
    completeUserTaskAs(instance, "Task_ReviewRoute", "methodist", Map.of("dropItems", "2", "addEventCodes", "P-1", "reviewDecision", "APPROVE"));
    completeUserTask(instance, "Task_AgreeRoute", Map.of("teacherAnswer", "AGREE"));
    awaitPassed(instance, "Task_SendAgreedRoute");
    return new Agreed(caseNumber, instance, route, person);
  }

  ResultActions start(Map<String, Object> body) throws Exception {
    return mvc.perform(post(PATH).with(ApiUsers.hr()).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
  }

  List<String> itemCodes(long route) {
    return jdbc.sql("SELECT e.code FROM development_route_item i LEFT JOIN education_event e ON e.id = i.event_id WHERE i.route_id = ?"
        + " ORDER BY i.position").params(route).query((rs, n) -> rs.getString(1)).list();
  }

  int count(String sql) {
    return jdbc.sql(sql).query(Integer.class).single();
  }

  static DiagnosisResult score(Competence c, String score) {
    return score(c, score, 2027);
  }

  static DiagnosisResult score(Competence c, String score, int year) {
    return new DiagnosisResult("11223344595", "Иванова", "Мария", "Петровна", LocalDate.of(1985, 4, 12), EMAIL, "+79001234567", "SCH-1", year,
        c, new BigDecimal(score));
  }

  static EducationEvent event(String code, Competence c, EventKind kind, String from, String to, Integer capacity, Integer enrolled) {
    return new EducationEvent(code, "Мероприятие " + code, c, kind, null, "ИРО Кузбасса", LocalDate.parse(from), LocalDate.parse(to), 36,
        capacity, enrolled, null);
  }
}
