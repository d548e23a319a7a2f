package ru.kuzbass.edu.workflows.developmentroute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import ru.kuzbass.edu.workflows.support.ApiUsers;
import ru.kuzbass.edu.workflows.support.Mailbox;
import ru.kuzbass.edu.workflows.support.PdfAssertions;
import ru.kuzbass.edu.workflows.support.ProcessTest;
import ru.kuzbass.edu.workflows.support.SharedMailServer;

/**
 * The design of a route on the real engine, MariaDB and SMTP: the diagnosis and the bank imported,
 * the route started through the API, the questionnaire, the proposal, the methodist's corrections,
 * a return and the agreement, the letter read back; and the refusals.
 */
class DevelopmentRouteProcessTest extends ProcessTest {

  private static final String PATH = "/api/development-routes";
  private static final String EMAIL = "ivanova@school.example";

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired Diagnoses diagnoses;
  @Autowired EventBank bank;
  @Autowired AgreedRouteLetter agreedRouteLetter;

  /** Deficits DIGITAL 40, METHODICAL 50, SUBJECT 55 (lowest first); COMMUNICATIVE and PSYCHOLOGICAL_PEDAGOGICAL are not. */
  private long teacherWithDiagnosis() {
    diagnoses.store(List.of(score(Competence.DIGITAL, "40"), score(Competence.METHODICAL, "50"), score(Competence.SUBJECT, "55"),
        score(Competence.COMMUNICATIVE, "80"), score(Competence.PSYCHOLOGICAL_PEDAGOGICAL, "90")));
    return jdbc.sql("SELECT person_id FROM competence_diagnosis LIMIT 1").query(Long.class).single();
  }

  private void bankOfEvents() {
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

  @Test
  void aRouteIsProposedReviewedReturnedOnceAgreedAndSentAsAPdfLetter() throws Exception {
    long person = teacherWithDiagnosis();
    bankOfEvents();
    String caseNumber = start(Map.of("personId", person, "year", 2027, "schoolCode", "SCH-1"))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    caseNumber = json.readTree(caseNumber).get("caseNumber").asText();
    assertThat(caseNumber).matches("ИОМ-2027-\\d{6}");
    long instance = jdbc.sql("SELECT process_instance_key FROM development_route WHERE case_number = ?").params(caseNumber)
        .query(Long.class).single();
    long route = jdbc.sql("SELECT id FROM development_route WHERE case_number = ?").params(caseNumber).query(Long.class).single();

    // the questionnaire: a pace out of «от 6 месяцев до 3-х лет» is refused, naming the field, and nothing is stored
    Map<String, Object> answers = new HashMap<>(Map.of("wantCommunicative", true, "preferNonFormal", true, "paceMonths", 5L,
        "requestText", "Хочу научиться вести уроки с интерактивной доской"));
    assertThatThrownBy(() -> completeUserTask(instance, "Task_FillProfessionalRequests", answers))
        .hasMessageContaining("paceMonths").hasMessageContaining("от 6 до 36");
    answers.put("paceMonths", 37L);
    assertThatThrownBy(() -> completeUserTask(instance, "Task_FillProfessionalRequests", answers)).hasMessageContaining("paceMonths");
    assertThat(count("SELECT COUNT(*) FROM development_route_request")).isZero();
    answers.put("paceMonths", 12L);
    completeUserTask(instance, "Task_FillProfessionalRequests", answers);

    assertThat(jdbc.sql("SELECT request_text FROM development_route_request WHERE route_id = ?").params(route).query(String.class).single())
        .isEqualTo("Хочу научиться вести уроки с интерактивной доской");
    var review = operaton.awaitTask(instance, "Task_ReviewRoute");
    assertThat(operaton.taskVariables(review)).as("the free text is not kept in the process").doesNotContainKey("requestText");
    assertThat(operaton.recordedVariables()).as("nor in the engine's history").noneMatch(v -> v.startsWith("requestText="));

    // the proposal: two digital events, the non-formal first as preferred; the full methodical course is not proposed,
    // so self-education stands for it; the subject deficit and the communicative request get their events
    assertThat(itemCodes(route)).containsExactly("D-2", "D-1", null, "S-1", "C-1");
    assertThat(jdbc.sql("SELECT competence FROM development_route_item WHERE route_id = ? AND event_id IS NULL").params(route)
        .query(String.class).single()).isEqualTo("METHODICAL");
    assertThat(count("SELECT COUNT(*) FROM development_route_item WHERE status <> 'PLANNED'")).isZero();
    String proposed = (String) operaton.taskVariables(review).get("routeItems");
    assertThat(proposed).contains("1. Цифровая компетенция: Мероприятие D-2 [код D-2]", "3. Методическая компетенция: Самообразование",
        "01.02.2027 – 31.01.2028").doesNotContain("M-FULL", "D-LATE", "Иванова");

    // the methodist: an unknown code and a full event are refused by name; nothing changes until the answer is right
    Map<String, Object> corrections = new HashMap<>(Map.of("dropItems", "2", "addEventCodes", "P-1, NOPE", "reviewDecision", "APPROVE"));
    assertThatThrownBy(() -> completeUserTaskAs(instance, "Task_ReviewRoute", "methodist", corrections))
        .hasMessageContaining("addEventCodes").hasMessageContaining("NOPE нет в банке");
    corrections.put("addEventCodes", "M-FULL");
    assertThatThrownBy(() -> completeUserTaskAs(instance, "Task_ReviewRoute", "methodist", corrections))
        .hasMessageContaining("M-FULL нет свободных мест");
    corrections.put("dropItems", "9");
    corrections.put("addEventCodes", "P-1");
    assertThatThrownBy(() -> completeUserTaskAs(instance, "Task_ReviewRoute", "methodist", corrections))
        .hasMessageContaining("dropItems").hasMessageContaining("от 1 до 5");
    assertThat(itemCodes(route)).containsExactly("D-2", "D-1", null, "S-1", "C-1");
    corrections.put("dropItems", "2");
    completeUserTaskAs(instance, "Task_ReviewRoute", "methodist", corrections);
    assertThat(itemCodes(route)).containsExactly("D-2", null, "S-1", "C-1", "P-1");

    // the school records the teacher's answer: a return needs a reason, and goes back to the methodist
    assertThatThrownBy(() -> completeUserTask(instance, "Task_AgreeRoute", Map.of("teacherAnswer", "RETURN")))
        .hasMessageContaining("returnReason");
    completeUserTask(instance, "Task_AgreeRoute", Map.of("teacherAnswer", "RETURN", "returnReason", "Просит больше очных форм"));
    var secondReview = operaton.awaitTask(instance, "Task_ReviewRoute");
    assertThat(operaton.taskVariables(secondReview)).as("the last corrections are not applied twice")
        .doesNotContainKeys("dropItems", "addEventCodes").containsEntry("returnReason", "Просит больше очных форм");
    operaton.completeTask(secondReview, "methodist", Map.of("reviewDecision", "APPROVE"));
    completeUserTask(instance, "Task_AgreeRoute", Map.of("teacherAnswer", "AGREE"));
    operaton.awaitEnded(instance);

    assertThat(itemCodes(route)).containsExactly("D-2", null, "S-1", "C-1", "P-1");
    Mailbox.Letter letter = Mailbox.single(Mailbox.letters());
    assertThat(letter.recipient()).isEqualTo(EMAIL);
    assertThat(letter.subject()).isEqualTo("Ваш индивидуальный образовательный маршрут № " + caseNumber);
    assertThat(letter.pdfText()).contains("Индивидуальный образовательный маршрут педагога", caseNumber, "Уважаемая Мария Петровна!",
        "Кому: Иванова Мария Петровна", "12 месяцев, с 1 февраля 2027 г. по 31 января 2028 г.", "Цифровая компетенция:",
        "Мероприятие D-2", "Самообразование: методическая компетенция", "Мероприятие P-1", "10.03.2027 – 12.03.2027",
        "Основание: результаты региональной диагностики", "Министр образования Кузбасса")
        .doesNotContain("Мероприятие D-1", "11223344595", "доской");
    PdfAssertions.assertPdfA2b(letter.pdf());
    assertThat(jdbc.sql("SELECT status FROM development_route WHERE id = ?").params(route).query(String.class).single()).isEqualTo("AGREED");

    // the engine retrying the send runs it again: the same letter, no second e-mail
    agreedRouteLetter.send(route);
    assertThat(SharedMailServer.received()).hasSize(1);
    assertThat(count("SELECT COUNT(*) FROM letter")).isEqualTo(1);

    mvc.perform(get(PATH + "/" + caseNumber).with(ApiUsers.hr()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("AGREED"))
        .andExpect(jsonPath("$.name").value("Иванова Мария Петровна"))
        .andExpect(jsonPath("$.paceMonths").value(12))
        .andExpect(jsonPath("$.startsOn").value("2027-02-01"))
        .andExpect(jsonPath("$.endsOn").value("2028-01-31"))
        .andExpect(jsonPath("$.items.length()").value(5))
        .andExpect(jsonPath("$.items[4].eventCode").value("P-1"))
        .andExpect(jsonPath("$.items[1].kind").value("INFORMAL"))
        .andExpect(jsonPath("$.snils").doesNotExist())
        .andExpect(jsonPath("$.history[?(@.status == 'AGREED')]").exists());
    mvc.perform(get(PATH + "/ИОМ-2027-999999").with(ApiUsers.hr())).andExpect(status().isNotFound());
    operaton.assertAuditTrailComplete(jdbc, instance);
  }

  @Test
  void aStartIsRefusedWithoutDiagnosisWhileARouteIsOpenOrWithoutTheOriginsCase() throws Exception {
    long person = teacherWithDiagnosis();
    start(Map.of("personId", person, "year", 2026, "schoolCode", "SCH-1"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("personId"))
        .andExpect(jsonPath("$.errors[0].message").value("Нет результатов диагностики этого педагога за 2026 год"));
    start(Map.of("personId", person, "year", 2027, "schoolCode", "SCH-1", "origin", "YOUNG_TEACHER"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("originCase"));
    start(Map.of("personId", person, "year", 2027, "schoolCode", "SCH-1", "paceMonths", 12))
        .andExpect(status().isBadRequest());
    assertThat(count("SELECT COUNT(*) FROM development_route")).isZero();

    start(Map.of("personId", person, "year", 2027, "schoolCode", "SCH-1", "origin", "CADRE_RESERVE", "originCase", "КР-2027-000001"))
        .andExpect(status().isCreated());
    start(Map.of("personId", person, "year", 2027, "schoolCode", "SCH-1"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("personId"))
        .andExpect(jsonPath("$.errors[0].message").value(containsString("уже есть незавершённый маршрут № ИОМ-2027-")));
    assertThat(jdbc.sql("SELECT CONCAT(origin, ' ', origin_case, ' ', status) FROM development_route").query(String.class).single())
        .isEqualTo("CADRE_RESERVE КР-2027-000001 REQUESTS");
  }

  @Test
  void aYoungTeachersRouteWithoutDiagnosisIsProposedFromTheRequestsThatTheQuestionnaireThenRequires() throws Exception {
    long person = insertPerson("11223344595", "Иванова", "Мария", "1999-04-12", EMAIL);
    bankOfEvents();
    // the teacher's own route still needs the diagnosis
    start(Map.of("personId", person, "year", 2027, "schoolCode", "SCH-1"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("personId"));
    String caseNumber = json.readTree(start(Map.of("personId", person, "year", 2027, "schoolCode", "SCH-1", "origin", "YOUNG_TEACHER",
        "originCase", "МП-2027-000001")).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("caseNumber").asText();
    long instance = jdbc.sql("SELECT process_instance_key FROM development_route WHERE case_number = ?").params(caseNumber).query(Long.class).single();
    long route = jdbc.sql("SELECT id FROM development_route WHERE case_number = ?").params(caseNumber).query(Long.class).single();

    // no deficits and nothing asked: nothing to build the route on, so the questionnaire asks for a competence
    Map<String, Object> answers = new HashMap<>(Map.of("preferFormal", true, "paceMonths", 12L));
    assertThatThrownBy(() -> completeUserTask(instance, "Task_FillProfessionalRequests", answers))
        .hasMessageContaining("wantSubject").hasMessageContaining("отметьте хотя бы одну компетенцию");
    assertThat(count("SELECT COUNT(*) FROM development_route_request")).isZero();
    answers.put("wantDigital", true);
    answers.put("wantCommunicative", true);
    completeUserTask(instance, "Task_FillProfessionalRequests", answers);

    operaton.awaitTask(instance, "Task_ReviewRoute");
    assertThat(itemCodes(route)).as("the requests alone, in the order of competences, formal first").containsExactly("C-1", "D-1", "D-3");
  }

  private ResultActions start(Map<String, Object> body) throws Exception {
    return mvc.perform(post(PATH).with(ApiUsers.hr()).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
  }

  private List<String> itemCodes(long route) {
    return jdbc.sql("SELECT e.code FROM development_route_item i LEFT JOIN education_event e ON e.id = i.event_id WHERE i.route_id = ?"
        + " ORDER BY i.position").params(route).query((rs, n) -> rs.getString(1)).list();
  }

  private int count(String sql) {
    return jdbc.sql(sql).query(Integer.class).single();
  }

  private static DiagnosisResult score(Competence c, String score) {
    return new DiagnosisResult("11223344595", "Иванова", "Мария", "Петровна", LocalDate.of(1985, 4, 12), EMAIL, "+79001234567", "SCH-1", 2027,
        c, new BigDecimal(score));
  }

  private static EducationEvent event(String code, Competence c, EventKind kind, String from, String to, Integer capacity, Integer enrolled) {
    return new EducationEvent(code, "Мероприятие " + code, c, kind, null, "ИРО Кузбасса", LocalDate.parse(from), LocalDate.parse(to), 36,
        capacity, enrolled, null);
  }
}
