package ru.kuzbass.edu.workflows.ruralgrant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.kuzbass.edu.workflows.support.Mailbox.letters;
import static ru.kuzbass.edu.workflows.support.Mailbox.single;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.history.HistoricDecisionInstance;
import org.operaton.bpm.engine.history.HistoricDecisionOutputInstance;
import org.operaton.bpm.engine.history.HistoricVariableInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.kuzbass.edu.workflows.letters.RussianFormat;
import ru.kuzbass.edu.workflows.payments.PaymentLedger;
import ru.kuzbass.edu.workflows.platform.RegionTime;
import ru.kuzbass.edu.workflows.support.ApiUsers;
import ru.kuzbass.edu.workflows.support.Mailbox.Letter;
import ru.kuzbass.edu.workflows.support.ProcessTest;
import ru.kuzbass.edu.workflows.support.SharedMailServer;

/**
 * Every path of {@code rural-teacher-grant} on the embedded Operaton engine: through the API, the
 * engine's job executor and delegates, the eligibility table, MariaDB and SMTP. User tasks are
 * completed as Tasklist does, by members of their candidate groups; timers fire as the engine's clock moves.
 */
class RuralGrantProcessTest extends ProcessTest {

  private static final LocalDate CONTRACT_DATE = LocalDate.parse("2027-03-01");
  private static final String COMMISSION_MEMBER = "commission.chair";

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired RuralGrantService service;
  @Autowired PaymentLedger ledger;
  @Autowired PlatformTransactionManager transactions;

  record Case(String number, long id, long instanceKey) {}

  @Test
  void approvedTeacherConfirmedFiveTimesCompletesTheObligation() throws Exception {
    Case c = approveAndContract(2027);
    for (int year = 1; year <= 5; year++) {
      confirmYear(c, year);
    }
    operaton.awaitEnded(c.instanceKey());
    assertThat(operaton.passed(c.instanceKey(), "EndEvent_TermServed")).isTrue();
    assertThat(operaton.passed(c.instanceKey(), "EndEvent_ObligationFulfilled")).isTrue();

    assertThat(ledger.entries(c.number())).extracting(PaymentLedger.Entry::kind, PaymentLedger.Entry::amount)
        .containsExactly(Tuple.tuple("RURAL_GRANT", new BigDecimal("1000000.00")));
    List<Letter> mail = letters();
    assertThat(mail).extracting(Letter::subject).containsExactly(
        "Земский учитель: уведомление о решении предоставить единовременную компенсационную выплату (заявление " + c.number() + ")",
        "Земский учитель: уведомление о произведённой единовременной компенсационной выплате (заявление " + c.number() + ")",
        "Земский учитель: уведомление об исполнении обязательства по договору (заявление " + c.number() + ")");
    Letter approval = mail.get(0);
    assertThat(approval.recipient()).isEqualTo("anna.kuznetsova@example.ru");
    assertThat(approval.attachmentName()).isEqualTo(c.number() + "-Р.pdf");
    assertThat(approval.pdfText())
        .contains("Кузнецова Анна Сергеевна", "№ " + c.number() + "/Р", "1 000 000 ₽", "не менее 5 лет", "18 часов в неделю",
            "Уважаемая Анна Сергеевна!", "Место работы: МБОУ «Ижморская СОШ № 1» (", "Министерство образования Кузбасса",
            "Основание: постановление Правительства Российской Федерации от 9 ноября 2019 г. № 1430", "Министр образования Кузбасса")
        .as("the school by its name; an approval has nothing to appeal").doesNotContain(RuralGrantFixtures.SCHOOL, "обжаловано");
    assertThat(mail.get(1).pdfText()).contains("по 1 марта 2032 г.");
    assertStage(c, "COMPLETED", "Обязательство исполнено, дело закрыто", null);
    assertThat(statusOf(c).get("history")).extracting(JsonNode::toString).anyMatch(s -> s.contains("EMPLOYMENT_CONFIRMED"));
    // the yearly checks fell due on the contract's anniversaries, at the start of the day in the region
    assertThat(operaton.engine().getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(id(c))
        .variableName("confirmationDueAt").singleResult().getValue()).isEqualTo("2032-03-01T00:00+07:00");

    // The engine retrying a step runs the same code with the same variables again: nothing new may happen.
    service.sendLetter(GrantLetterKind.APPROVAL, new LetterInputs(c.id(), null, "COMPLETE", null, "APPROVE", "ok", true, null));
    service.recordGrantPayment(c.id(), "17/2027", CONTRACT_DATE);
    assertThat(SharedMailServer.received()).hasSize(3);
    assertThat(ledger.entries(c.number())).hasSize(1);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM letter").query(Integer.class).single()).isEqualTo(3);
    assertCaseAudited(c);
    assertOnlyPlainVariables(c);
  }

  @Test
  void ineligibleApplicantIsRejectedWithEveryReason() throws Exception {
    // the population is the school directory's: the applicant no longer states it
    RuralGrantFixtures.seedSchool(jdbc, 120_000);
    Map<String, Object> body = RuralGrantFixtures.application();
    body.put("weeklyLoadHours", 12);
    Case c = submit(body); // and no vacancy is listed

    operaton.awaitEnded(c.instanceKey());
    assertThat(operaton.passed(c.instanceKey(), "EndEvent_Rejected")).isTrue();
    assertThat(operaton.passed(c.instanceKey(), "Task_CheckDocuments")).isFalse();
    Letter rejection = single(letters());
    assertThat(rejection.subject()).contains("уведомление об отказе");
    assertThat(rejection.pdfText()).contains(
        "Численность населения превышает 50000 человек",
        "Должность отсутствует в перечне вакантных должностей",
        "Учебная нагрузка меньше 18 часов в неделю",
        "№ " + c.number() + "/О",
        "Уважаемая Анна Сергеевна!",
        "Решение может быть обжаловано в досудебном порядке", "в течение 3 месяцев со дня, когда Вам стало известно о решении",
        "часть 1 статьи 219 Кодекса административного судопроизводства Российской Федерации");
    assertThat(rejection.pdfText()).as("the school by its name, never its code")
        .doesNotContain(RuralGrantFixtures.SCHOOL).doesNotContain("Уважаемый(ая)");
    assertStage(c, "REJECTED", "Отказано в предоставлении выплаты, дело закрыто", null);

    // the decision is in the engine's history, as Cockpit shows it: the table's inputs and every matched rule's output
    HistoricDecisionInstance decision = operaton.engine().getHistoryService().createHistoricDecisionInstanceQuery().processInstanceId(id(c))
        .includeInputs().includeOutputs().singleResult();
    assertThat(decision.getDecisionDefinitionKey()).isEqualTo("rural-grant-eligibility");
    assertThat(decision.getActivityId()).isEqualTo("Task_CheckEligibility");
    assertThat(decision.getOutputs()).filteredOn(o -> o.getVariableName().equals("code")).extracting(HistoricDecisionOutputInstance::getValue)
        .containsExactlyInAnyOrder("POPULATION", "VACANCY", "TEACHING_LOAD");
    assertThat(decision.getInputs()).extracting(i -> i.getClauseName() + "=" + i.getValue())
        .contains("Тип населённого пункта допускается=true", "Численность населения=120000", "Учебная нагрузка, ч/нед=12");
    assertThat(variable(c, "ineligibilityCodes")).isEqualTo("POPULATION,VACANCY,TEACHING_LOAD");
    // the decision's audit row names the table's version and file, and the campaign year whose thresholds it used
    JsonNode audited = json.readTree(jdbc.sql("SELECT details FROM audit_event WHERE kind = 'DECISION' AND process_instance_key = ?")
        .param(c.instanceKey()).query(String.class).single());
    assertThat(audited.get("decisionId").asText()).isEqualTo("rural-grant-eligibility");
    assertThat(audited.get("configurationYear").asInt()).isEqualTo(2027);
    assertThat(audited.get("tableSha256").asText()).hasSize(64);
    assertThat(audited.get("result").toString()).contains("POPULATION", "Численность населения превышает 50000 человек");
    assertCaseAudited(c);
    assertOnlyPlainVariables(c);
  }

  @Test
  void aSecondRequestForDocumentsIsANewRoundAndSupplementedDocumentsReturnTheCaseToTheCheck() throws Exception {
    RuralGrantFixtures.seedVacancy(jdbc, 2027);
    Case c = submit(RuralGrantFixtures.application());
    operaton.completeTask(c.instanceKey(), "Task_CheckDocuments", HR_OFFICER,
        Map.of("documentCheckOutcome", "MORE_DOCUMENTS", "missingDocuments", "Копия диплома о высшем образовании"));
    operaton.awaitPassed(c.instanceKey(), "Task_RequestDocuments");

    operaton.awaitEntered(c.instanceKey(), "Task_AwaitDocuments", 1);
    assertStage(c, "DOCUMENTS_REQUESTED", "Запрошены дополнительные документы, ожидаются до 11 февраля 2027 г. включительно", "2027-02-11");
    Letter request = single(letters());
    assertThat(request.subject()).isEqualTo("Земский учитель: нужны дополнительные документы по заявлению " + c.number());
    assertThat(request.body()).contains("Копия диплома о высшем образовании", "до 11 февраля 2027 г. включительно");
    assertThat(request.attachmentName()).isNull();
    // the step again with the same round, as a retry would run it: the same deadline, no second e-mail
    assertThat(service.requestDocuments(c.id(), "1", "Копия диплома о высшем образовании"))
        .isEqualTo(OffsetDateTime.parse("2027-02-11T23:59:59+07:00"));
    assertThat(SharedMailServer.received()).hasSize(1);

    mvc.perform(post("/api/rural-grants/applications/{n}/documents-supplemented", c.number()).with(ApiUsers.hr()))
        .andExpect(status().isAccepted());
    assertStage(c, "DOCUMENTS_UNDER_REVIEW", "Документы на проверке в отделе кадров", null);
    // twice is once too many: the case no longer waits for documents
    mvc.perform(post("/api/rural-grants/applications/{n}/documents-supplemented", c.number()).with(ApiUsers.hr()))
        .andExpect(status().isConflict());

    // HR asks again a few days later: a new round, a new e-mail, a new deadline
    clock.advanceTo(START.plusDays(3));
    operaton.completeTask(c.instanceKey(), "Task_CheckDocuments", HR_OFFICER,
        Map.of("documentCheckOutcome", "MORE_DOCUMENTS", "missingDocuments", "Справка о наличии (отсутствии) судимости"));
    operaton.awaitPassed(c.instanceKey(), "Task_RequestDocuments", 2);
    List<Letter> mail = letters();
    assertThat(mail).hasSize(2);
    assertThat(mail.get(1).body()).contains("Справка о наличии (отсутствии) судимости", "до 14 февраля 2027 г. включительно");
    assertThat(variable(c, "documentsRequestRound")).isEqualTo(2);

    mvc.perform(post("/api/rural-grants/applications/{n}/documents-supplemented", c.number()).with(ApiUsers.hr()))
        .andExpect(status().isAccepted());
    operaton.completeTask(c.instanceKey(), "Task_CheckDocuments", HR_OFFICER, Map.of("documentCheckOutcome", "COMPLETE"));
    operaton.awaitTask(c.instanceKey(), "Task_DecideByCommission");
    assertStage(c, "AT_COMMISSION", "Заявление на рассмотрении конкурсной комиссии", null);
    assertThat(operaton.passed(c.instanceKey(), "Task_AwaitDocuments")).isTrue();
    assertThat(operaton.passed(c.instanceKey(), "Boundary_DocumentsOverdue")).isFalse();
    assertThat(statusOf(c).get("history")).extracting(e -> e.get("status").asText())
        .containsSubsequence("DOCUMENTS_REQUESTED", "DOCUMENTS_SUPPLEMENTED", "DOCUMENTS_REQUESTED", "DOCUMENTS_SUPPLEMENTED");
    assertCaseAudited(c);
  }

  @Test
  void documentsNotSuppliedInTenDaysRejectTheApplication() throws Exception {
    RuralGrantFixtures.seedVacancy(jdbc, 2027);
    Case c = submit(RuralGrantFixtures.application());
    operaton.completeTask(c.instanceKey(), "Task_CheckDocuments", HR_OFFICER,
        Map.of("documentCheckOutcome", "MORE_DOCUMENTS", "missingDocuments", "Справка о наличии (отсутствии) судимости"));
    operaton.awaitEntered(c.instanceKey(), "Task_AwaitDocuments", 1);

    // the last second of the deadline day is still in time
    clock.advanceTo(RegionTime.endOfDay(LocalDate.parse("2027-02-11")).minusSeconds(5));
    Thread.sleep(2_000);
    assertThat(operaton.passed(c.instanceKey(), "Boundary_DocumentsOverdue")).isFalse();
    clock.advanceTo(RegionTime.endOfDay(LocalDate.parse("2027-02-11")).plusSeconds(2));
    operaton.awaitEnded(c.instanceKey());
    assertThat(operaton.passed(c.instanceKey(), "Boundary_DocumentsOverdue")).isTrue();
    assertThat(operaton.passed(c.instanceKey(), "EndEvent_Rejected")).isTrue();
    List<Letter> mail = letters();
    assertThat(mail).hasSize(2);
    assertThat(mail.get(1).pdfText()).contains("дополнительные документы не представлены в установленный срок");
    // too late now: the case no longer waits for documents
    mvc.perform(post("/api/rural-grants/applications/{n}/documents-supplemented", c.number()).with(ApiUsers.hr()))
        .andExpect(status().isConflict());
    assertCaseAudited(c);
  }

  @Test
  void documentsRejectedByHrEndTheCaseWithTheirReason() throws Exception {
    RuralGrantFixtures.seedVacancy(jdbc, 2027);
    Case c = submit(RuralGrantFixtures.application());
    operaton.completeTask(c.instanceKey(), "Task_CheckDocuments", HR_OFFICER,
        Map.of("documentCheckOutcome", "REJECT", "documentRejectionReason", "Представленный диплом не даёт права на педагогическую деятельность"));
    operaton.awaitEnded(c.instanceKey());

    assertThat(operaton.passed(c.instanceKey(), "EndEvent_Rejected")).isTrue();
    assertThat(single(letters()).pdfText()).contains("Представленный диплом не даёт права на педагогическую деятельность");
    assertStage(c, "REJECTED", "Отказано в предоставлении выплаты, дело закрыто", null);
    assertCaseAudited(c);
  }

  @Test
  void commissionRejectionSendsTheCommissionsReason() throws Exception {
    RuralGrantFixtures.seedVacancy(jdbc, 2027);
    Case c = submit(RuralGrantFixtures.application());
    operaton.completeTask(c.instanceKey(), "Task_CheckDocuments", HR_OFFICER, Map.of("documentCheckOutcome", "COMPLETE"));
    Map<String, Object> decision = Map.of(
        "commissionScore", 41, "commissionDecision", "REJECT", "commissionReason", "Вакансия занята кандидатом с более высоким баллом");
    operaton.completeTask(c.instanceKey(), "Task_DecideByCommission", COMMISSION_MEMBER, decision);
    operaton.awaitEnded(c.instanceKey());

    assertThat(operaton.passed(c.instanceKey(), "EndEvent_Rejected")).isTrue();
    assertThat(single(letters()).pdfText()).contains("решение конкурсной комиссии: Вакансия занята кандидатом с более высоким баллом");
    assertThat(ledger.entries(c.number())).isEmpty();
    // the form's data is kept beside the chain, exactly as the commission submitted it
    String formData = jdbc.sql("""
            SELECT p.data FROM audit_event e JOIN audit_payload p ON p.event_key = e.event_key
            WHERE e.kind = 'USER_TASK' AND e.element_id = 'Task_DecideByCommission' AND e.process_instance_key = ?""")
        .param(c.instanceKey()).query(String.class).single();
    assertThat(json.readValue(formData, Map.class)).isEqualTo(decision);
    assertCaseAudited(c);
  }

  @Test
  void departureInYearThreeDemandsAProportionalRefund() throws Exception {
    Case c = approveAndContract(2027);
    confirmYear(c, 1);
    confirmYear(c, 2);
    operaton.awaitEntered(c.instanceKey(), "Event_ConfirmationDue", 3);
    clock.advanceTo(RegionTime.startOfDay(LocalDate.parse("2029-09-16")).plusHours(10));

    mvc.perform(post("/api/rural-grants/applications/{n}/departure", c.number())
            .contentType(MediaType.APPLICATION_JSON).content("{\"departureDate\":\"2029-09-15\"}").with(ApiUsers.hr()))
        .andExpect(status().isAccepted());
    // reported once: the case has left the obligation
    mvc.perform(post("/api/rural-grants/applications/{n}/departure", c.number())
            .contentType(MediaType.APPLICATION_JSON).content("{\"departureDate\":\"2029-09-15\"}").with(ApiUsers.hr()))
        .andExpect(status().isConflict());
    operaton.awaitEnded(c.instanceKey());

    assertThat(operaton.passed(c.instanceKey(), "Boundary_DepartureReported")).isTrue();
    assertThat(operaton.passed(c.instanceKey(), "EndEvent_RefundDemanded")).isTrue();
    // 1 827 days in the term, 929 worked, 898 not: 1 000 000 × 898 / 1 827
    assertThat(ledger.entries(c.number())).extracting(PaymentLedger.Entry::kind, PaymentLedger.Entry::amount).containsExactly(
        Tuple.tuple("RURAL_GRANT", new BigDecimal("1000000.00")),
        Tuple.tuple("RURAL_GRANT_REFUND", new BigDecimal("491516.15")));
    assertThat(variable(c, "refundAmount")).isEqualTo("491516.15");
    Letter demand = letters().getLast();
    assertThat(demand.subject()).contains("требование о возврате");
    assertThat(demand.pdfText()).contains("491 516,15 ₽", "отработано 929 дн.", "не отработано 898 дн.", "15 сентября 2029 г.");
    assertStage(c, "REFUND_DUE", "Направлено требование о возврате выплаты, возврат ожидается", null);
    assertCaseAudited(c);
    assertOnlyPlainVariables(c);
  }

  @Test
  void departureInYearThreeDemandsTheFullGrantWhereTheCampaignSaysSo() throws Exception {
    clock.advanceTo(START.plusYears(1)); // campaign 2028: full refund
    Case c = approveAndContract(2028);
    confirmYear(c, 1);
    confirmYear(c, 2);
    operaton.awaitEntered(c.instanceKey(), "Event_ConfirmationDue", 3);

    // reported by HR at the third yearly check instead of through the API
    clock.advanceTo(RegionTime.startOfDay(LocalDate.parse("2031-03-01")).plusMinutes(1));
    operaton.completeTask(c.instanceKey(), "Task_ConfirmEmployment", HR_OFFICER,
        Map.of("employmentStatus", "DEPARTED", "departureDate", "2030-09-15"));
    operaton.awaitEnded(c.instanceKey());

    assertThat(operaton.passed(c.instanceKey(), "Boundary_DepartureConfirmed")).isTrue();
    assertThat(operaton.passed(c.instanceKey(), "EndEvent_RefundDemanded")).isTrue();
    assertThat(ledger.entries(c.number()).getLast().amount()).isEqualByComparingTo("1000000.00");
    assertThat(letters().getLast().pdfText()).contains("возвращается в полном объёме", "1 000 000 ₽");
    assertCaseAudited(c);
  }

  @Test
  void aTeacherWhoAlreadyLivesInTheSchoolsSettlementIsRefused() throws Exception {
    RuralGrantFixtures.seedVacancy(jdbc, 2027);
    Map<String, Object> body = RuralGrantFixtures.application();
    body.put("previousSettlement", Map.of("municipality", "Ижморский муниципальный округ", "name", "пгт Ижморский"));
    Case c = submit(body);

    operaton.awaitEnded(c.instanceKey());
    assertThat(operaton.passed(c.instanceKey(), "EndEvent_Rejected")).isTrue();
    assertThat(variable(c, "ineligibilityCodes")).isEqualTo("RELOCATION");
    assertThat(single(letters()).pdfText().replaceAll("\\s+", " "))
        .contains("Прежнее место жительства находится в том же населённом пункте, что и школа");
  }

  @Test
  void aTeacherFromAnotherSettlementIsNotRefusedForIt() throws Exception {
    RuralGrantFixtures.seedVacancy(jdbc, 2027);
    Map<String, Object> body = RuralGrantFixtures.application();
    // a namesake in another municipality is another settlement
    body.put("previousSettlement", Map.of("municipality", "Томский район", "name", "Ижморский"));
    Case c = submit(body);
    operaton.awaitTask(c.instanceKey(), "Task_CheckDocuments");
    assertThat(variable(c, "ineligibilityCodes")).isEqualTo("");
    assertStage(c, "DOCUMENTS_UNDER_REVIEW", "Документы на проверке в отделе кадров", null);
  }

  @Test
  void whereTheCampaignHasNoRelocationRuleTheSameSettlementIsNoGround() throws Exception {
    clock.advanceTo(START.plusYears(1)); // campaign 2028: relocation-rule NONE
    RuralGrantFixtures.seedVacancy(jdbc, 2028);
    Map<String, Object> body = RuralGrantFixtures.application();
    body.put("previousSettlement", Map.of("municipality", "Ижморский муниципальный округ", "name", "Ижморский"));
    Case c = submit(body);
    operaton.awaitTask(c.instanceKey(), "Task_CheckDocuments");
    assertThat(variable(c, "ineligibilityCodes")).isEqualTo("");
  }

  @Test
  void aSecondApprovalForTheOnlyPlaceIsRefusedWithTheReasonAndARetryTakesNoSecondPlace() throws Exception {
    RuralGrantFixtures.seedVacancy(jdbc, 2027); // one place
    Case first = submit(RuralGrantFixtures.application());
    Case second = submit(anotherApplicant());
    // the commission approves one after the other: the first approval's step takes the place
    for (Case c : List.of(first, second)) {
      operaton.completeTask(c.instanceKey(), "Task_CheckDocuments", HR_OFFICER, Map.of("documentCheckOutcome", "COMPLETE"));
      operaton.completeTask(c.instanceKey(), "Task_DecideByCommission", COMMISSION_MEMBER,
          Map.of("commissionScore", 80, "commissionDecision", "APPROVE", "commissionReason", "Соответствует всем условиям"));
      operaton.awaitPassed(c.instanceKey(), "Task_TakeVacancyPlace");
    }
    operaton.awaitTask(first.instanceKey(), "Task_RecordContract");
    operaton.awaitEnded(second.instanceKey());

    assertThat(variable(first, "vacancyPlaceTaken")).isEqualTo(true);
    assertThat(operaton.passed(second.instanceKey(), "EndEvent_Rejected")).isTrue();
    assertThat(operaton.passed(second.instanceKey(), "Task_SendApprovalLetter")).isFalse();
    assertThat(letters()).filteredOn(l -> l.subject().contains(second.number())).singleElement()
        .satisfies(l -> assertThat(l.pdfText()).contains("все вакантные места по этой должности в этой школе заняты"));
    assertThat(placesTaken()).isEqualTo(1);

    // the engine retrying the step for the case that holds the place: it keeps it and takes no second one
    assertThat(service.takeVacancyPlace(first.id())).isTrue();
    assertThat(service.takeVacancyPlace(second.id())).isFalse();
    assertThat(placesTaken()).isEqualTo(1);
    // once the row has a second place, the same step takes it
    jdbc.sql("UPDATE rural_grant_vacancy SET places = 2").update();
    assertThat(service.takeVacancyPlace(second.id())).isTrue();
    assertThat(placesTaken()).isEqualTo(2);
  }

  @Test
  void twoApprovalsAtOnceForTheOnlyPlaceTakeItOnce() throws Exception {
    RuralGrantFixtures.seedVacancy(jdbc, 2027); // one place
    Case first = submit(RuralGrantFixtures.application());
    Case second = submit(anotherApplicant());
    TransactionTemplate transaction = new TransactionTemplate(transactions);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<Boolean> secondTook = transaction.execute(tx -> {
        assertThat(service.takeVacancyPlace(first.id())).isTrue();
        // the second approval's step runs while the first's transaction holds the row: it waits for it
        Future<Boolean> waiting = pool.submit(() -> transaction.execute(t -> service.takeVacancyPlace(second.id())));
        pause();
        assertThat(waiting).isNotDone();
        return waiting;
      });
      assertThat(secondTook.get(30, TimeUnit.SECONDS)).isFalse();
    } finally {
      pool.shutdownNow();
    }
    assertThat(placesTaken()).isEqualTo(1);
  }

  private static void pause() {
    try {
      Thread.sleep(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The same application from another teacher (112-233-446 96: its checksum holds too). */
  private static Map<String, Object> anotherApplicant() {
    Map<String, Object> body = RuralGrantFixtures.application();
    RuralGrantFixtures.part(body, "applicant").put("snils", "112-233-446 96");
    RuralGrantFixtures.part(body, "applicant").put("email", "second@example.ru");
    return body;
  }

  private int placesTaken() {
    return jdbc.sql("SELECT COUNT(*) FROM rural_grant_application WHERE vacancy_place_taken_at IS NOT NULL").query(Integer.class).single();
  }

  private void assertStage(Case c, String stage, String text, String nextStepDue) throws Exception {
    JsonNode status = statusOf(c);
    assertThat(status.get("status").asText()).isEqualTo(stage);
    assertThat(status.get("statusText").asText()).isEqualTo(text);
    JsonNode due = status.get("nextStepDue");
    assertThat(due == null || due.isNull() ? null : due.asText()).isEqualTo(nextStepDue);
  }

  // ------------------------------------------------------------------ steps

  private Case approveAndContract(int year) throws Exception {
    RuralGrantFixtures.seedVacancy(jdbc, year);
    Case c = submit(RuralGrantFixtures.application());
    operaton.completeTask(c.instanceKey(), "Task_CheckDocuments", HR_OFFICER, Map.of("documentCheckOutcome", "COMPLETE"));
    operaton.completeTask(c.instanceKey(), "Task_DecideByCommission", COMMISSION_MEMBER,
        Map.of("commissionScore", 87, "commissionDecision", "APPROVE", "commissionReason", "Соответствует всем условиям"));
    operaton.awaitTask(c.instanceKey(), "Task_RecordContract");
    assertStage(c, "AWAITING_CONTRACT", "Комиссия решила предоставить выплату, ожидается заключение договора", null);
    operaton.completeTask(c.instanceKey(), "Task_RecordContract", HR_OFFICER,
        Map.of("contractNumber", "17/" + year, "contractDate", contractDate(year).toString()));
    operaton.awaitEntered(c.instanceKey(), "Event_ConfirmationDue", 1);
    assertStage(c, "IN_OBLIGATION", "Идёт срок работы по договору, до " + RussianFormat.date(contractDate(year).plusYears(5))
        .replace(RussianFormat.NBSP, ' '), contractDate(year).plusYears(1).toString());
    return c;
  }

  private static LocalDate contractDate(int year) {
    return CONTRACT_DATE.withYear(year);
  }

  /** Waits for the yearly timer, moves time to the anniversary and confirms the teacher still works there. */
  private void confirmYear(Case c, int year) {
    operaton.awaitEntered(c.instanceKey(), "Event_ConfirmationDue", year);
    int campaignYear = jdbc.sql("SELECT campaign_year FROM rural_grant_application WHERE id = ?").param(c.id()).query(Integer.class).single();
    clock.advanceTo(RegionTime.startOfDay(contractDate(campaignYear).plusYears(year)).plusMinutes(1));
    operaton.completeTask(c.instanceKey(), "Task_ConfirmEmployment", HR_OFFICER,
        Map.of("employmentStatus", "EMPLOYED", "confirmedWeeklyLoadHours", 20));
  }

  /**
   * The audit log holds every step, user task (with who completed it), decision and the case's end as
   * the engine's history has them; one row per letter with its hash and per ledger entry; the chains verify.
   */
  private void assertCaseAudited(Case c) {
    operaton.assertAuditTrailComplete(jdbc, c.instanceKey());
    assertThat(jdbc.sql("SELECT digest FROM audit_event WHERE kind = 'LETTER' AND case_number = ?").param(c.number()).query(String.class).list())
        .containsExactlyInAnyOrderElementsOf(
            jdbc.sql("SELECT sha256 FROM letter WHERE case_number = ?").param(c.number()).query(String.class).list());
    assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE kind = 'LEDGER' AND case_number = ?").param(c.number())
        .query(Integer.class).single())
        .isEqualTo(jdbc.sql("SELECT COUNT(*) FROM payment_ledger WHERE case_number = ?").param(c.number()).query(Integer.class).single());
    assertThat(audit.verify().valid()).isTrue();
  }

  /** No variable of the case is a Java-serialised object: lists and amounts travel as text, or transiently. */
  private void assertOnlyPlainVariables(Case c) {
    List<HistoricVariableInstance> variables = operaton.engine().getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(id(c)).list();
    assertThat(variables).extracting(HistoricVariableInstance::getTypeName)
        .allMatch(type -> List.of("string", "integer", "long", "boolean", "null", "double").contains(type));
    assertThat(variables).extracting(HistoricVariableInstance::getName).doesNotContain("allowedSettlementTypes", "decisionResult");
  }

  private Object variable(Case c, String name) {
    return operaton.engine().getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(id(c)).variableName(name)
        .singleResult().getValue();
  }

  private static String id(Case c) {
    return Long.toString(c.instanceKey());
  }

  private Case submit(Map<String, Object> body) throws Exception {
    String response = mvc.perform(post("/api/rural-grants/applications")
            .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)).with(ApiUsers.hr()))
        .andExpect(status().isCreated())
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    String number = json.readTree(response).get("caseNumber").asText();
    Map<String, Object> row = jdbc.sql("SELECT id, process_instance_key FROM rural_grant_application WHERE case_number = ?")
        .param(number).query().singleRow();
    Case c = new Case(number, ((Number) row.get("id")).longValue(), ((Number) row.get("process_instance_key")).longValue());
    // the instance carries the case number as its business key, by which messages and Cockpit find it
    assertThat(operaton.engine().getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(id(c)).singleResult()
        .getBusinessKey())
        .isEqualTo(number);
    return c;
  }

  private JsonNode statusOf(Case c) throws Exception {
    return json.readTree(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
            .get("/api/rural-grants/applications/{n}", c.number()).with(ApiUsers.hr()))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
  }
}
