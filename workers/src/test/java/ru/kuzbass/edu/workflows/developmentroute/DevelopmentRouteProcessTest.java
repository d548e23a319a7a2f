package ru.kuzbass.edu.workflows.developmentroute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import ru.kuzbass.edu.workflows.support.ApiUsers;
import ru.kuzbass.edu.workflows.support.Mailbox;
import ru.kuzbass.edu.workflows.support.PdfAssertions;
import ru.kuzbass.edu.workflows.support.SharedMailServer;

/**
 * The design of a route on the real engine, MariaDB and SMTP: the diagnosis and the bank imported,
 * the route started through the API, the questionnaire, the proposal, the methodist's corrections,
 * a return and the agreement, the letter read back; and the refusals.
 */
class DevelopmentRouteProcessTest extends DevelopmentRouteFixture {

  @Autowired AgreedRouteLetter agreedRouteLetter;

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
    awaitPassed(instance, "Task_SendAgreedRoute");

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
    // a route not yet agreed has nothing to track
    String open = jdbc.sql("SELECT case_number FROM development_route").query(String.class).single();
    mvc.perform(put(PATH + "/" + open + "/items/1").with(ApiUsers.hr()).contentType(MediaType.APPLICATION_JSON).content("{\"status\": \"ENROLLED\"}"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("status"))
        .andExpect(jsonPath("$.errors[0].message").value(containsString("ещё не согласован")));
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
}
