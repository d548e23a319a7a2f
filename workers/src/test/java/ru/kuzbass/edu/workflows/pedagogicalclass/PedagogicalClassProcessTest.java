package ru.kuzbass.edu.workflows.pedagogicalclass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.kuzbass.edu.workflows.support.Mailbox.letters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import ru.kuzbass.edu.workflows.support.ApiUsers;
import ru.kuzbass.edu.workflows.support.Mailbox.Letter;
import ru.kuzbass.edu.workflows.support.ProcessTest;

/** The seven steps on the embedded Operaton engine, with time driven through every deadline. Academic year 2027/28. */
class PedagogicalClassProcessTest extends ProcessTest {

  private static final String CURATOR = "curator.izhmorsky@example.ru";

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;

  record Case(String number, long id, long instanceKey) {}

  @BeforeEach
  void curator() {
    jdbc.sql("INSERT INTO municipal_curator (municipality, curator_name, email) VALUES ('Ижморский муниципальный округ', 'Куратор', ?)")
        .param(CURATOR).update();
  }

  @Test
  void allSevenStepsOnTimeOpenTheClassWithoutReminders() throws Exception {
    Case c = start("SCH-1");
    // the task carries its deadline, which Tasklist shows as its due date
    assertThat(operaton.awaitTask(c.instanceKey(), "Task_StudySituation").getDueDate().toInstant())
        .isEqualTo(OffsetDateTime.parse("2027-04-30T23:59:59+07:00").toInstant());
    completeSteps(c, "OWN", 18);
    for (int term = 1; term <= 3; term++) {
      complete(c.instanceKey(), "Task_SubmitTermReport", Map.of("termReport", "Программа идёт по плану, период " + term));
    }
    complete(c.instanceKey(), "Task_PresentResults", Map.of("results", "Итоги представлены на педсовете"));
    operaton.awaitEnded(c.instanceKey());

    assertThat(operaton.passed(c.instanceKey(), "EndEvent_ClassCompleted")).isTrue();
    assertThat(operaton.passed(c.instanceKey(), "Task_EscalateStudySituation")).isFalse();
    assertThat(letters()).isEmpty();
    assertThat(jdbc.sql("SELECT status FROM pedagogical_class_opening").query(String.class).single()).isEqualTo("COMPLETED");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM pedagogical_class_step").query(Integer.class).single()).isEqualTo(9);
    operaton.assertAuditTrailComplete(jdbc, c.instanceKey());
    assertThat(audit.verify().valid()).isTrue();
  }

  @Test
  void everyDeadlineRemindsTheSchoolThenEscalatesToTheCurator() throws Exception {
    Case c = start("SCH-1");
    // step 1: reminder on 23 April 09:00, escalation after 30 April 23:59:59
    operaton.awaitEntered(c.instanceKey(), "Task_StudySituation", 1);
    clock.advanceTo(OffsetDateTime.parse("2027-04-23T09:01:00+07:00"));
    operaton.awaitPassed(c.instanceKey(), "Task_RemindStudySituation");
    clock.advanceTo(OffsetDateTime.parse("2027-05-01T00:00:01+07:00"));
    operaton.awaitPassed(c.instanceKey(), "Task_EscalateStudySituation");
    long curatorCase = jdbc.sql("SELECT curator_process_instance_key FROM pedagogical_class_overdue WHERE step = 'STUDY'").query(Long.class).single();
    complete(curatorCase, "Task_ReviewOverdue", Map.of("curatorAction", "Позвонил директору"));
    complete(c.instanceKey(), "Task_StudySituation", Map.of("studyNotes", "Сделано с опозданием")); // still open, still doable

    // steps 2–4 share 1 June: three reminders, three escalations
    operaton.awaitEntered(c.instanceKey(), "Task_ChooseCurriculum", 1);
    clock.advanceTo(OffsetDateTime.parse("2027-05-25T09:01:00+07:00"));
    operaton.awaitPassed(c.instanceKey(), "Task_RemindDecideOpening");
    operaton.awaitPassed(c.instanceKey(), "Task_RemindChooseModel");
    operaton.awaitPassed(c.instanceKey(), "Task_RemindChooseCurriculum");
    clock.advanceTo(OffsetDateTime.parse("2027-06-02T00:00:01+07:00"));
    operaton.awaitPassed(c.instanceKey(), "Task_EscalateDecideOpening");
    operaton.awaitPassed(c.instanceKey(), "Task_EscalateChooseModel");
    operaton.awaitPassed(c.instanceKey(), "Task_EscalateChooseCurriculum");
    complete(c.instanceKey(), "Task_DecideOpening", Map.of("openingDecision", "YES"));
    complete(c.instanceKey(), "Task_ChooseModel", Map.of("classModel", "OWN"));
    complete(c.instanceKey(), "Task_ChooseCurriculum", Map.of("curriculum", "INTRO_TEACHING"));

    // step 5: 31 August
    operaton.awaitEntered(c.instanceKey(), "Task_RunAdmission", 1);
    clock.advanceTo(OffsetDateTime.parse("2027-08-24T09:01:00+07:00"));
    operaton.awaitPassed(c.instanceKey(), "Task_RemindRunAdmission");
    clock.advanceTo(OffsetDateTime.parse("2027-09-01T00:00:01+07:00"));
    operaton.awaitPassed(c.instanceKey(), "Task_EscalateRunAdmission");
    complete(c.instanceKey(), "Task_RunAdmission", Map.of("applicants", 30, "enrolled", 22));

    // step 6: each term report; step 7: the council
    OffsetDateTime[] remind = {OffsetDateTime.parse("2027-12-20T09:01:00+07:00"), OffsetDateTime.parse("2028-03-15T09:01:00+07:00"),
        OffsetDateTime.parse("2028-05-24T09:01:00+07:00")};
    OffsetDateTime[] late = {OffsetDateTime.parse("2027-12-28T00:00:01+07:00"), OffsetDateTime.parse("2028-03-23T00:00:01+07:00"),
        OffsetDateTime.parse("2028-06-01T00:00:01+07:00")};
    for (int term = 1; term <= 3; term++) {
      operaton.awaitEntered(c.instanceKey(), "Task_SubmitTermReport", term);
      clock.advanceTo(remind[term - 1]);
      operaton.awaitPassed(c.instanceKey(), "Task_RemindSubmitTermReport", term);
      clock.advanceTo(late[term - 1]);
      operaton.awaitPassed(c.instanceKey(), "Task_EscalateSubmitTermReport", term);
      complete(c.instanceKey(), "Task_SubmitTermReport", Map.of("termReport", "Отчёт " + term));
    }
    operaton.awaitEntered(c.instanceKey(), "Task_PresentResults", 1);
    clock.advanceTo(OffsetDateTime.parse("2028-08-21T09:01:00+07:00"));
    operaton.awaitPassed(c.instanceKey(), "Task_RemindPresentResults");
    clock.advanceTo(OffsetDateTime.parse("2028-08-29T00:00:01+07:00"));
    operaton.awaitPassed(c.instanceKey(), "Task_EscalatePresentResults");
    complete(c.instanceKey(), "Task_PresentResults", Map.of("results", "Итоги"));

    List<Letter> mail = letters();
    List<Letter> escalations = mail.stream().filter(l -> l.recipient().equals(CURATOR)).toList();
    assertThat(escalations).hasSize(9); // study, decision, model, curriculum, admission, 3 term reports, results
    assertThat(escalations.getFirst().subject()).contains("просрочен шаг в школе SCH-1");
    assertThat(escalations.getFirst().body()).contains("Шаг 1. Изучение ситуации", "30 апреля 2027 г.");
    assertThat(mail.stream().filter(l -> l.subject().contains("до срока")).count()).isEqualTo(9);
    assertThat(jdbc.sql("SELECT COUNT(DISTINCT curator_process_instance_key) FROM pedagogical_class_overdue").query(Integer.class).single())
        .isEqualTo(9);
    operaton.awaitEnded(c.instanceKey()); // open curator tasks do not hold the school's case
  }

  @Test
  void aCaseStartedAfterADeadlineEscalatesAtOnce() throws Exception {
    clock.advanceTo(OffsetDateTime.parse("2027-05-15T10:00:00+07:00"));
    Case c = start("SCH-1");
    operaton.awaitPassed(c.instanceKey(), "Task_EscalateStudySituation");
    operaton.awaitPassed(c.instanceKey(), "Task_RemindStudySituation");
    List<Letter> mail = letters();
    assertThat(mail).extracting(Letter::recipient).containsExactly(CURATOR); // no reminder for a deadline already gone
  }

  @Test
  void aNoAtStepTwoClosesTheCaseWithItsReason() throws Exception {
    Case c = start("SCH-1");
    complete(c.instanceKey(), "Task_StudySituation", Map.of("studyNotes", "Нет педагогов-психологов"));
    complete(c.instanceKey(), "Task_DecideOpening", Map.of("openingDecision", "NO", "openingRejectionReason", "Нет кадров"));
    operaton.awaitEnded(c.instanceKey());
    assertThat(operaton.passed(c.instanceKey(), "EndEvent_NotOpened")).isTrue();
    assertThat(operaton.passed(c.instanceKey(), "Task_RunAdmission")).isFalse();
    assertThat(jdbc.sql("SELECT status FROM pedagogical_class_opening").query(String.class).single()).isEqualTo("NOT_OPENED");
    assertThat(jdbc.sql("SELECT data FROM pedagogical_class_step WHERE step = 'DECISION'").query(String.class).single()).contains("Нет кадров");
  }

  /** The year's minimum (pedclass.defaults.min-enrolment, 10 for 2027/28) at its boundary: 9 pupils open no class, 10 do. */
  @Test
  void oneFewerPupilThanTheYearsMinimumMeansNoClass() throws Exception {
    Case c = start("SCH-1");
    completeSteps(c, "OWN", 9);
    operaton.awaitEnded(c.instanceKey());
    assertThat(operaton.passed(c.instanceKey(), "EndEvent_EnrolmentTooLow")).isTrue();
    assertThat(jdbc.sql("SELECT status FROM pedagogical_class_opening").query(String.class).single()).isEqualTo("NOT_OPENED");
    // the admission form renders the minimum from this variable
    assertThat(operaton.engine().getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(Long.toString(c.instanceKey()))
        .variableName("minEnrolment").singleResult().getValue()).isEqualTo(10);
  }

  @Test
  void theYearsMinimumOpensTheClass() throws Exception {
    Case c = start("SCH-1");
    completeSteps(c, "OWN", 10);
    operaton.awaitTask(c.instanceKey(), "Task_SubmitTermReport");
    assertThat(operaton.passed(c.instanceKey(), "EndEvent_EnrolmentTooLow")).isFalse();
    assertThat(jdbc.sql("SELECT status FROM pedagogical_class_opening").query(String.class).single()).isEqualTo("OPENED");
  }

  /**
   * GET /api/pedagogical-classes/openings/{number}: the steps open now with their deadlines from the
   * calendar (steps 2–4 together, sharing 1 June), an overdue one marked; staff only, as the mentor bonus's.
   */
  @Test
  void theStatusNamesTheOpenStepsAndTheirDeadlines() throws Exception {
    Case c = start("SCH-1");
    operaton.awaitTask(c.instanceKey(), "Task_StudySituation");
    JsonNode status = openingStatus(c);
    assertThat(status.get("status").asText()).isEqualTo("STARTED");
    assertThat(status.get("statusText").asText())
        .isEqualTo("Идёт подготовка к открытию класса. Сейчас: Шаг 1. Изучение ситуации: условия, кадры, запрос — срок 30 апреля 2027 г., 23:59");
    assertThat(OffsetDateTime.parse(status.get("currentSteps").get(0).get("dueAt").asText()).toInstant())
        .isEqualTo(OffsetDateTime.parse("2027-04-30T23:59:59+07:00").toInstant());

    complete(c.instanceKey(), "Task_StudySituation", Map.of("studyNotes", "Запрос есть"));
    operaton.awaitTask(c.instanceKey(), "Task_ChooseCurriculum");
    operaton.awaitTask(c.instanceKey(), "Task_DecideOpening");
    operaton.awaitTask(c.instanceKey(), "Task_ChooseModel");
    status = openingStatus(c);
    assertThat(status.get("currentSteps")).extracting(s -> s.get("step").asText()).containsExactly("DECISION", "MODEL", "CURRICULUM");
    assertThat(status.get("currentSteps")).extracting(s -> s.get("dueText").asText()).containsOnly("1 июня 2027 г., 23:59");

    complete(c.instanceKey(), "Task_DecideOpening", Map.of("openingDecision", "YES"));
    complete(c.instanceKey(), "Task_ChooseModel", Map.of("classModel", "OWN"));
    clock.advanceTo(OffsetDateTime.parse("2027-06-02T00:00:01+07:00"));
    operaton.awaitPassed(c.instanceKey(), "Task_EscalateChooseCurriculum");
    status = openingStatus(c);
    assertThat(status.get("currentSteps")).singleElement().satisfies(s -> {
      assertThat(s.get("step").asText()).isEqualTo("CURRICULUM");
      assertThat(s.get("overdue").asBoolean()).isTrue();
    });
    assertThat(status.get("statusText").asText()).endsWith("Шаг 4. Выбор образовательной программы — срок 1 июня 2027 г., 23:59 (срок истёк)");

    mvc.perform(get("/api/pedagogical-classes/openings/{n}", c.number())).andExpect(status().isUnauthorized());
    mvc.perform(get("/api/pedagogical-classes/openings/{n}", c.number()).with(ApiUsers.auditor())).andExpect(status().isForbidden());
    mvc.perform(get("/api/pedagogical-classes/openings/{n}", "ПК-2027-999999").with(ApiUsers.hr())).andExpect(status().isNotFound());
  }

  @Test
  void theResourceCentreModelRecordsTheCentreAndItsPartners() throws Exception {
    Case c = start("SCH-1");
    complete(c.instanceKey(), "Task_StudySituation", Map.of("studyNotes", "Запрос есть"));
    complete(c.instanceKey(), "Task_ChooseModel",
        Map.of("classModel", "RESOURCE_CENTRE", "resourceCentreSchool", "42-KEM-01", "partnerSchools", "42-KEM-02, 42-KEM-03"));
    operaton.awaitPassed(c.instanceKey(), "Task_RecordChooseModel");
    String data = jdbc.sql("SELECT data FROM pedagogical_class_step WHERE step = 'MODEL'").query(String.class).single();
    assertThat(json.readTree(data).get("resourceCentreSchool").asText()).isEqualTo("42-KEM-01");
    assertThat(json.readTree(data).get("partnerSchools").asText()).isEqualTo("42-KEM-02, 42-KEM-03");
  }

  @Test
  void aSecondCampaignCallStartsNothingAndTheSummaryMatches() throws Exception {
    String body = """
        {"schools": [
          {"schoolCode": "SCH-1", "municipality": "Ижморский муниципальный округ", "schoolEmail": "s1@example.ru"},
          {"schoolCode": "SCH-2", "municipality": "Ижморский муниципальный округ", "schoolEmail": "s2@example.ru"},
          {"schoolCode": "SCH-3", "municipality": "Тисульский муниципальный округ", "schoolEmail": "s3@example.ru"}]}""";
    JsonNode first = campaign(body);
    JsonNode second = campaign(body);
    assertThat(first.get("started").asInt()).isEqualTo(3);
    assertThat(second.get("started").asInt()).isZero();
    assertThat(second.get("alreadyRunning").asInt()).isEqualTo(3);
    assertThat(second.get("caseNumbers")).isEqualTo(first.get("caseNumbers"));
    assertThat(jdbc.sql("SELECT COUNT(DISTINCT process_instance_key) FROM pedagogical_class_opening").query(Integer.class).single()).isEqualTo(3);

    // SCH-1 opens a class of 15 pupils, SCH-2 decides not to, SCH-3 misses step 1
    Case one = byNumber(first.get("caseNumbers").get(0).asText());
    Case two = byNumber(first.get("caseNumbers").get(1).asText());
    Case three = byNumber(first.get("caseNumbers").get(2).asText());
    completeSteps(one, "NETWORK", 15);
    complete(two.instanceKey(), "Task_StudySituation", Map.of("studyNotes", "—"));
    complete(two.instanceKey(), "Task_DecideOpening", Map.of("openingDecision", "NO", "openingRejectionReason", "Нет запроса"));
    operaton.awaitEntered(one.instanceKey(), "Task_SubmitTermReport", 1);
    operaton.awaitEnded(two.instanceKey());
    clock.advanceTo(OffsetDateTime.parse("2027-05-01T00:00:01+07:00"));
    operaton.awaitPassed(three.instanceKey(), "Task_EscalateStudySituation");

    JsonNode summary = json.readTree(mvc.perform(get("/api/pedagogical-classes/summary").param("year", "2027").with(ApiUsers.hr()))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    JsonNode izhmorsky = summary.get(0);
    assertThat(izhmorsky.get("municipality").asText()).isEqualTo("Ижморский муниципальный округ");
    assertThat(izhmorsky.get("schoolsAtStep").get("TERM_REPORT").asInt()).isEqualTo(1);
    assertThat(izhmorsky.get("schoolsAtStep").get("NOT_OPENED").asInt()).isEqualTo(1);
    assertThat(izhmorsky.get("classesOpened").asInt()).isEqualTo(1);
    assertThat(izhmorsky.get("pupils").asInt()).isEqualTo(15);
    assertThat(izhmorsky.get("overdueSteps").asInt()).isZero();
    JsonNode tisulsky = summary.get(1);
    assertThat(tisulsky.get("schoolsAtStep").get("STUDY").asInt()).isEqualTo(1);
    assertThat(tisulsky.get("overdueSteps").asInt()).isEqualTo(1);
  }

  @Test
  void aCaseFromTheTasklistStartFormIsRegisteredOnceAndASecondOneStopsWithAnIncident() throws Exception {
    Map<String, Object> form = Map.of("schoolCode", "SCH-7", "municipality", "Ижморский муниципальный округ",
        "schoolEmail", "s7@example.ru", "academicYear", 2027);
    long first = operaton.start("pedagogical-class-opening", form);
    operaton.awaitTask(first, "Task_StudySituation");
    assertThat(jdbc.sql("SELECT process_instance_key FROM pedagogical_class_opening WHERE school_code = 'SCH-7'").query(Long.class).single())
        .isEqualTo(first);

    long second = operaton.start("pedagogical-class-opening", form);
    String message = operaton.awaitIncidentMessage(second);
    assertThat(message).startsWith("Для школы SCH-7 на 2027 год дело уже открыто: ПК-2027-");
    // wrong input is not tried again: one failure, then the incident
    assertThat(operaton.engine().getHistoryService().createHistoricJobLogQuery().processInstanceId(Long.toString(second))
        .failureLog().count()).isEqualTo(1);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM pedagogical_class_opening").query(Integer.class).single()).isEqualTo(1);
  }

  // ------------------------------------------------------------------ steps

  /** Completes the user task as an HR officer in Tasklist would. */
  private void complete(long instance, String elementId, Map<String, Object> formVariables) {
    operaton.completeTask(instance, elementId, HR_OFFICER, formVariables);
  }

  /** Steps 1 to 5, all on time. */
  private void completeSteps(Case c, String model, int enrolled) {
    complete(c.instanceKey(), "Task_StudySituation", Map.of("studyNotes", "Условия и кадры есть, запрос — 25 учеников"));
    complete(c.instanceKey(), "Task_ChooseCurriculum", Map.of("curriculum", "INTRO_TEACHING"));
    complete(c.instanceKey(), "Task_DecideOpening", Map.of("openingDecision", "YES"));
    complete(c.instanceKey(), "Task_ChooseModel", model.equals("OWN")
        ? Map.of("classModel", model) : Map.of("classModel", model, "partnerSchools", "42-IZH-02"));
    complete(c.instanceKey(), "Task_RunAdmission", Map.of("applicants", enrolled + 5, "enrolled", enrolled));
  }

  private Case start(String school) throws Exception {
    String response = mvc.perform(post("/api/pedagogical-classes/openings").contentType(MediaType.APPLICATION_JSON)
            .content("{\"schoolCode\":\"" + school + "\",\"municipality\":\"Ижморский муниципальный округ\",\"schoolEmail\":\"school@example.ru\",\"academicYear\":2027}").with(ApiUsers.hr()))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    return byNumber(json.readTree(response).get("caseNumber").asText());
  }

  private JsonNode openingStatus(Case c) throws Exception {
    return json.readTree(mvc.perform(get("/api/pedagogical-classes/openings/{n}", c.number()).with(ApiUsers.hr()))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
  }

  private JsonNode campaign(String body) throws Exception {
    return json.readTree(mvc.perform(post("/api/pedagogical-classes/campaigns/{y}", 2027).contentType(MediaType.APPLICATION_JSON).content(body).with(ApiUsers.hr()))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
  }

  private Case byNumber(String number) {
    Map<String, Object> row = jdbc.sql("SELECT id, process_instance_key FROM pedagogical_class_opening WHERE case_number = ?").param(number).query().singleRow();
    return new Case(number, ((Number) row.get("id")).longValue(), ((Number) row.get("process_instance_key")).longValue());
  }
}
