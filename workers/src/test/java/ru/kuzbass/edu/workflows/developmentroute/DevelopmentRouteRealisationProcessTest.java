package ru.kuzbass.edu.workflows.developmentroute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import ru.kuzbass.edu.workflows.support.ApiUsers;
import ru.kuzbass.edu.workflows.support.Mailbox;
import ru.kuzbass.edu.workflows.support.PdfAssertions;
import ru.kuzbass.edu.workflows.support.SharedMailServer;

/**
 * The realisation and reflection of an agreed route on the real engine, MariaDB and SMTP, time moved
 * by the engine's clock: items marked through the API (places taken, a full event refused, evidence
 * required), the quarterly monitorings on pace and behind, the escalations to the school and the
 * municipality beside the monitoring, a correction, the route's end, the repeated diagnosis refused
 * without results and accepted with them, and the report read back.
 */
class DevelopmentRouteRealisationProcessTest extends DevelopmentRouteFixture {

  @Autowired RouteReflection reflection;

  @Test
  void anAgreedRouteIsTrackedMonitoredEscalatedAndClosedByItsReflection() throws Exception {
    Agreed a = agreedRoute();
    String c = a.caseNumber();
    assertThat(itemCodes(a.route())).containsExactly("D-2", null, "S-1", "C-1", "P-1");

    // enrolment takes a place of the event; the same request again takes none
    track(c, item(a, 1), Map.of("status", "ENROLLED")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ENROLLED"));
    track(c, item(a, 1), Map.of("status", "ENROLLED")).andExpect(status().isOk());
    assertThat(enrolled("D-2")).isEqualTo(1);
    // completing needs the evidence, kept in the database; the same completion again changes nothing
    track(c, item(a, 1), Map.of("status", "COMPLETED")).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("evidence"));
    track(c, item(a, 1), Map.of("status", "COMPLETED", "evidence", "Сертификат участника № 17-045"))
        .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("COMPLETED")).andExpect(jsonPath("$.evidence").value(true));
    track(c, item(a, 1), Map.of("status", "COMPLETED", "evidence", "Сертификат участника № 17-045")).andExpect(status().isOk());
    track(c, item(a, 1), Map.of("status", "COMPLETED", "evidence", "другой документ")).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("evidence"));
    track(c, item(a, 1), Map.of("status", "MISSED")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("status"));
    assertThat(enrolled("D-2")).isEqualTo(1);
    // an event of the bank is enrolled before it is completed; an item is missed
    track(c, item(a, 3), Map.of("status", "COMPLETED", "evidence", "справка")).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].message").value(containsString("сначала отметьте запись на мероприятие")));
    track(c, item(a, 3), Map.of("status", "MISSED")).andExpect(status().isOk());
    // a full event refuses the enrolment, naming the field, and takes nothing; a place freed is taken
    bank.store(List.of(event("C-1", Competence.COMMUNICATIVE, EventKind.FORMAL, "2027-04-01", "2027-04-10", 20, 20)));
    track(c, item(a, 4), Map.of("status", "ENROLLED")).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("status"))
        .andExpect(jsonPath("$.errors[0].message").value(containsString("C-1 нет свободных мест")));
    assertThat(itemStatus(a, 4)).isEqualTo("PLANNED");
    assertThat(enrolled("C-1")).isEqualTo(20);
    bank.store(List.of(event("C-1", Competence.COMMUNICATIVE, EventKind.FORMAL, "2027-04-01", "2027-04-10", 20, 19)));
    track(c, item(a, 4), Map.of("status", "ENROLLED")).andExpect(status().isOk());
    assertThat(enrolled("C-1")).isEqualTo(20);
    track(c, item(a, 4), Map.of("status", "COMPLETED", "evidence", "Удостоверение о повышении квалификации № 4224-0815"))
        .andExpect(status().isOk());
    // bad requests
    track(c, item(a, 5), Map.of("status", "PLANNED")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("status"));
    track(c, item(a, 5), Map.of("status", "MISSED", "note", "лишнее поле")).andExpect(status().isBadRequest());
    track(c, item(a, 5), Map.of("status", "COMPLETED", "evidence", "x".repeat(501))).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("evidence"));
    track(c, 999_999, Map.of("status", "MISSED")).andExpect(status().isNotFound());
    assertThat(itemStatus(a, 5)).isEqualTo("PLANNED");
    assertThat(count("SELECT COUNT(*) FROM case_event WHERE event_key LIKE 'ITEM:%'")).as("each change once in the case history").isEqualTo(5);
    assertThat(jdbc.sql("SELECT evidence FROM development_route_item WHERE id = ?").params(item(a, 4)).query(String.class).single())
        .isEqualTo("Удостоверение о повышении квалификации № 4224-0815");

    // +3 months: S-1 missed is the one item overdue, 1 of 5, not above the share: on pace, nobody escalated
    awaitActivated(a.instance(), "Timer_MonitoringDue", 1);
    clock.advanceTo(OffsetDateTime.parse("2027-05-01T09:00:00+07:00"));
    Task first = operaton.awaitTask(a.instance(), "Task_MonitorRoute");
    assertThat(operaton.taskVariables(first)).containsEntry("itemsTotal", 5L).containsEntry("itemsDue", 3L).containsEntry("itemsCompleted", 2L)
        .containsEntry("itemsOverdue", 1L).containsEntry("paceText", "маршрут выполняется в темпе");
    assertThat((String) operaton.taskVariables(first).get("routeItems")).contains("3. Предметная компетенция: Мероприятие S-1 [код S-1]",
        "— пропущен", "— пройден");
    assertThat(routeColumn(a, "pace_state")).isEqualTo("ON_PACE");
    assertThat(routeColumn(a, "monitored_at")).isNotNull();
    // the correction: a completed item stays; the planned self-education is replaced by D-3
    assertThatThrownBy(() -> operaton.completeTask(first, "methodist", Map.of("dropItems", "1")))
        .hasMessageContaining("dropItems").hasMessageContaining("пункт № 1 уже пройден");
    operaton.completeTask(first, "methodist", Map.of("dropItems", "2", "addEventCodes", "D-3", "monitoringComment", "Заменено на курс"));
    assertThat(itemCodes(a.route())).containsExactly("D-2", "S-1", "C-1", "P-1", "D-3");
    assertThat(jdbc.sql("SELECT CONCAT(position, ' ', status) FROM development_route_item WHERE route_id = ? ORDER BY position")
        .params(a.route()).query(String.class).list()).containsExactly("1 COMPLETED", "3 MISSED", "4 COMPLETED", "5 PLANNED", "6 PLANNED");
    assertThat(openTasks(a, "Task_EscalateToSchool")).isZero();

    // +6 months: S-1, P-1 and D-3 overdue, 3 of 5: behind; the school is asked, and the next monitoring is already waited for
    awaitActivated(a.instance(), "Timer_MonitoringDue", 2);
    clock.advanceTo(OffsetDateTime.parse("2027-08-01T09:00:00+07:00"));
    Task school = operaton.awaitTask(a.instance(), "Task_EscalateToSchool");
    assertThat(operaton.taskVariables(school)).containsEntry("itemsOverdue", 3L).containsEntry("paceText", "маршрут отстаёт от темпа");
    assertThat(routeColumn(a, "pace_state")).isEqualTo("BEHIND");
    assertThat(routeColumn(a, "escalation_level")).isEqualTo("SCHOOL");
    awaitActivated(a.instance(), "Timer_MonitoringDue", 3);

    // +9 months: behind again while the school's task is open: the municipality is asked
    clock.advanceTo(OffsetDateTime.parse("2027-11-01T09:00:00+07:00"));
    operaton.awaitTask(a.instance(), "Task_EscalateToMunicipality");
    assertThat(openTasks(a, "Task_EscalateToSchool")).isOne();
    assertThat(operaton.taskVariables(school)).as("the school's task shows its own round").containsEntry("monitoringRound", 2L);
    assertThat(openTasks(a, "Task_MonitorRoute")).as("the monitorings of rounds 2 and 3").isEqualTo(2);
    assertThat(routeColumn(a, "escalation_level")).isEqualTo("MUNICIPALITY");
    assertThatThrownBy(() -> operaton.completeTask(school, "director", Map.of("measuresTaken", " ")))
        .hasMessageContaining("measuresTaken");
    operaton.completeTask(school, "director", Map.of("measuresTaken", "Беседа с педагогом, стажировка перенесена"));
    assertThat(operaton.taskVariables(operaton.awaitTask(a.instance(), "Task_EscalateToMunicipality")))
        .as("the municipality's form opens empty").doesNotContainKey("measuresTaken");
    completeUserTaskAs(a.instance(), "Task_EscalateToMunicipality", "municipal.officer", Map.of("measuresTaken", "Методическое сопровождение"));
    assertThat(jdbc.sql("SELECT CONCAT(round, ' ', pace_state, ' ', escalation, ' ', COALESCE(measures, '-')) FROM development_route_monitoring"
        + " WHERE route_id = ? ORDER BY round").params(a.route()).query(String.class).list())
        .containsExactly("1 ON_PACE NONE -", "2 BEHIND SCHOOL Беседа с педагогом, стажировка перенесена", "3 BEHIND MUNICIPALITY Методическое сопровождение");

    // the route's end, 31 January 2028 at the end of the day: the monitorings still open close, the repeated diagnosis is asked for
    awaitActivated(a.instance(), "Timer_RouteEnded", 1);
    assertThat(count("SELECT COUNT(*) FROM development_route_monitoring")).as("no monitoring after the route's end").isEqualTo(3);
    clock.advanceTo(OffsetDateTime.parse("2028-02-01T09:00:00+07:00"));
    Task repeated = operaton.awaitTask(a.instance(), "Task_ConfirmRepeatedDiagnosis");
    assertThat(operaton.taskVariables(repeated)).containsEntry("repeatedDiagnosisYear", 2028L);
    assertThat(openTasks(a, "Task_MonitorRoute")).isZero();
    assertThatThrownBy(() -> completeUserTask(a.instance(), "Task_ConfirmRepeatedDiagnosis", Map.of("repeatedDiagnosisYear", 2028L)))
        .hasMessageContaining("repeatedDiagnosisYear").hasMessageContaining("нет результатов повторной диагностики педагога за 2028 год");
    assertThatThrownBy(() -> completeUserTask(a.instance(), "Task_ConfirmRepeatedDiagnosis", Map.of("repeatedDiagnosisYear", 2027L)))
        .hasMessageContaining("позже года первой диагностики (2027)");
    diagnoses.store(List.of(score(Competence.DIGITAL, "65", 2028), score(Competence.METHODICAL, "58", 2028),
        score(Competence.SUBJECT, "55", 2028), score(Competence.COMMUNICATIVE, "82.5", 2028)));
    // the school's copy goes to the directory's address
    jdbc.sql("INSERT INTO municipality (code, name) VALUES ('KEM', 'Кемеровский городской округ')").update();
    jdbc.sql("""
            INSERT INTO school (code, name, municipality_code, settlement_name, settlement_type, settlement_population, email)
            VALUES ('SCH-1', 'Школа № 1', 'KEM', 'Кемерово', 'CITY', 550000, 'school1@school.example')""").update();
    completeUserTask(a.instance(), "Task_ConfirmRepeatedDiagnosis", Map.of("repeatedDiagnosisYear", 2028L));
    awaitCompleted(a.instance());
    assertThat(operaton.passed(a.instance(), "End_RouteFinished")).isTrue();

    Mailbox.Letter report = Mailbox.single(Mailbox.letters().stream().filter(l -> l.subject().startsWith("Итоги Вашего")).toList());
    Mailbox.Letter schoolCopy = Mailbox.single(Mailbox.letters().stream().filter(l -> l.subject().endsWith("педагога Вашей школы")).toList());
    assertThat(schoolCopy.recipient()).isEqualTo("school1@school.example");
    assertThat(schoolCopy.pdf()).isEqualTo(report.pdf());
    assertThat(report.recipient()).isEqualTo(EMAIL);
    assertThat(report.subject()).isEqualTo("Итоги Вашего индивидуального образовательного маршрута № " + c);
    assertThat(report.pdfText()).contains("Итоги индивидуального образовательного маршрута педагога", c, "Уважаемая Мария Петровна!",
        "Кому: Иванова Мария Петровна", "Пройдено 2 из 5 пунктов маршрута", "Мероприятие D-2 (цифровая компетенция).",
        "Мероприятие C-1 (коммуникативная компетенция).", "Не пройдено:", "Мероприятие S-1 (предметная компетенция): пропущено",
        "Мероприятие P-1 (психолого-педагогическая компетенция): не отмечено пройденным к концу маршрута",
        "Мероприятие D-3 (цифровая компетенция): не отмечено пройденным",
        "Цифровая компетенция (была дефицитом): было 40,00, стало 65,00, изменение +25,00",
        "Методическая компетенция (была дефицитом): было 50,00, стало 58,00, изменение +8,00",
        "Предметная компетенция (была дефицитом): было 55,00, стало 55,00, изменение 0,00",
        "Коммуникативная компетенция: было 80,00, стало 82,50, изменение +2,50",
        "Психолого-педагогическая компетенция: было 90,00, повторно не измерялась", "Основание:")
        .doesNotContain("11223344595", "4224-0815");
    PdfAssertions.assertPdfA2b(report.pdf());
    assertThat(routeColumn(a, "status")).isEqualTo("FINISHED");
    assertThat(routeColumn(a, "finished_at")).isNotNull();
    assertThat(routeColumn(a, "open_person_id")).as("the teacher may start a new route").isNull();

    // the engine retrying the report runs it again: the same letter, no second e-mail to either
    reflection.report(a.route());
    assertThat(SharedMailServer.received()).hasSize(3);
    assertThat(count("SELECT COUNT(*) FROM letter")).isEqualTo(2);

    mvc.perform(get(PATH + "/" + c).with(ApiUsers.hr()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("FINISHED"))
        .andExpect(jsonPath("$.finishedAt").exists())
        .andExpect(jsonPath("$.items.length()").value(5))
        .andExpect(jsonPath("$.items[0].status").value("COMPLETED"))
        .andExpect(jsonPath("$.items[0].evidence").value(true))
        .andExpect(jsonPath("$.items[1].number").value(3))
        .andExpect(jsonPath("$.items[1].evidence").value(false))
        .andExpect(jsonPath("$.paceState").value("BEHIND"))
        .andExpect(jsonPath("$.escalation").value("MUNICIPALITY"))
        .andExpect(jsonPath("$.monitorings.length()").value(3))
        .andExpect(jsonPath("$.monitorings[0].comment").value("Заменено на курс"))
        .andExpect(jsonPath("$.monitorings[1].escalation").value("SCHOOL"))
        .andExpect(jsonPath("$.monitorings[1].measures").value("Беседа с педагогом, стажировка перенесена"))
        .andExpect(jsonPath("$.repeatedDiagnosisYear").value(2028))
        .andExpect(jsonPath("$.changes.length()").value(5))
        .andExpect(jsonPath("$.changes[4].competence").value("DIGITAL"))
        .andExpect(jsonPath("$.changes[4].deficit").value(true))
        .andExpect(jsonPath("$.changes[4].change").value(25.0))
        .andExpect(jsonPath("$.changes[2].after").doesNotExist())
        .andExpect(jsonPath("$.history[?(@.status == 'FINISHED')]").exists());
    track(c, item(a, 5), Map.of("status", "MISSED")).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].message").value(containsString("завершён")));
    assertAuditTrailComplete(a.instance(), c);
  }

  private ResultActions track(String caseNumber, long itemId, Map<String, Object> body) throws Exception {
    return mvc.perform(put(PATH + "/" + caseNumber + "/items/" + itemId).with(ApiUsers.hr()).contentType(MediaType.APPLICATION_JSON)
        .content(json.writeValueAsString(body)));
  }

  private long item(Agreed a, int position) {
    return jdbc.sql("SELECT id FROM development_route_item WHERE route_id = ? AND position = ?").params(a.route(), position)
        .query(Long.class).single();
  }

  private String itemStatus(Agreed a, int position) {
    return jdbc.sql("SELECT status FROM development_route_item WHERE id = ?").params(item(a, position)).query(String.class).single();
  }

  private int enrolled(String code) {
    return jdbc.sql("SELECT enrolled FROM education_event WHERE code = ?").params(code).query(Integer.class).single();
  }

  private String routeColumn(Agreed a, String column) {
    return jdbc.sql("SELECT " + column + " FROM development_route WHERE id = ?").params(a.route()).query((rs, n) -> rs.getString(1)).list()
        .getFirst();
  }

  private long openTasks(Agreed a, String elementId) {
    return operaton.engine().getTaskService().createTaskQuery().processInstanceId(Long.toString(a.instance())).taskDefinitionKey(elementId)
        .count();
  }
}
