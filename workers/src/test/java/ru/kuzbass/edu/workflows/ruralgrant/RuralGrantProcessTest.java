package ru.kuzbass.edu.workflows.ruralgrant;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.process.test.inspections.model.InspectedProcessInstance;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import ru.kuzbass.edu.workflows.support.ApiUsers;
import ru.kuzbass.edu.workflows.payments.PaymentLedger;
import ru.kuzbass.edu.workflows.platform.RegionTime;
import ru.kuzbass.edu.workflows.support.Mailbox.Letter;
import ru.kuzbass.edu.workflows.support.ProcessTest;
import ru.kuzbass.edu.workflows.support.SharedMailServer;
import static ru.kuzbass.edu.workflows.support.Mailbox.letters;
import static ru.kuzbass.edu.workflows.support.Mailbox.single;

/** Every path of {@code rural-teacher-grant}, through the API, the engine, the workers, MariaDB and SMTP. */
class RuralGrantProcessTest extends ProcessTest {

  private static final LocalDate CONTRACT_DATE = LocalDate.parse("2027-03-01");

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired RuralGrantService service;
  @Autowired PaymentLedger ledger;

  record Case(String number, long id, long instanceKey) {}

  @Test
  void approvedTeacherConfirmedFiveTimesCompletesTheObligation() throws Exception {
    Case c = approveAndContract(2027);
    for (int year = 1; year <= 5; year++) {
      confirmYear(c, year);
    }
    awaitCompleted(c.instanceKey());
    assertThat(new InspectedProcessInstance(c.instanceKey())).hasPassedElement("EndEvent_ObligationFulfilled");

    assertThat(ledger.entries(c.number())).extracting(PaymentLedger.Entry::kind, PaymentLedger.Entry::amount)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("RURAL_GRANT", new BigDecimal("1000000.00")));
    List<Letter> mail = letters();
    assertThat(mail).extracting(Letter::subject).containsExactly(
        "Земский учитель: уведомление о решении предоставить единовременную компенсационную выплату (заявление " + c.number() + ")",
        "Земский учитель: уведомление о произведённой единовременной компенсационной выплате (заявление " + c.number() + ")",
        "Земский учитель: уведомление об исполнении обязательства по договору (заявление " + c.number() + ")");
    Letter approval = mail.get(0);
    assertThat(approval.recipient()).isEqualTo("anna.kuznetsova@example.ru");
    assertThat(approval.attachmentName()).isEqualTo(c.number() + "-Р.pdf");
    assertThat(approval.pdfText())
        .contains("Кузнецова Анна Сергеевна", "№ " + c.number() + "/Р", "1 000 000 ₽", "не менее 5 лет", "18 часов в неделю");
    assertThat(mail.get(1).pdfText()).contains("по 1 марта 2032 г.");
    assertThat(statusOf(c).get("status").asText()).isEqualTo("COMPLETED");
    assertThat(statusOf(c).get("history")).extracting(JsonNode::toString).anyMatch(s -> s.contains("EMPLOYMENT_CONFIRMED"));

    // A redelivered job runs the same code with the same variables again: nothing new may happen.
    service.sendLetter(GrantLetterKind.APPROVAL, new LetterInputs(c.id(), null, "COMPLETE", null, "APPROVE", "ok", null));
    service.recordGrantPayment(c.id(), "17/2027", CONTRACT_DATE);
    assertThat(SharedMailServer.received()).hasSize(3);
    assertThat(ledger.entries(c.number())).hasSize(1);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM letter").query(Integer.class).single()).isEqualTo(3);
    assertAuditTrailComplete(c.instanceKey(), c.number());
  }

  @Test
  void ineligibleApplicantIsRejectedWithEveryReason() throws Exception {
    Map<String, Object> body = RuralGrantFixtures.application();
    RuralGrantFixtures.part(body, "school.settlement").put("population", 120_000);
    body.put("weeklyLoadHours", 12);
    Case c = submit(body); // and no vacancy is listed

    awaitCompleted(c.instanceKey());
    assertThat(new InspectedProcessInstance(c.instanceKey())).hasPassedElement("EndEvent_Rejected")
        .hasNotPassedElement("Task_CheckDocuments");
    Letter rejection = single(letters());
    assertThat(rejection.subject()).contains("уведомление об отказе");
    assertThat(rejection.pdfText()).contains(
        "Численность населения превышает 50000 человек",
        "Должность отсутствует в перечне вакантных должностей",
        "Учебная нагрузка меньше 18 часов в неделю",
        "№ " + c.number() + "/О");
    assertThat(statusOf(c).get("status").asText()).isEqualTo("REJECTED");
  }

  @Test
  void supplementedDocumentsReturnTheCaseToTheDocumentCheck() throws Exception {
    RuralGrantFixtures.seedVacancy(jdbc, 2027);
    Case c = submit(RuralGrantFixtures.application());
    completeUserTask(c.instanceKey(), "Task_CheckDocuments",
        Map.of("documentCheckOutcome", "MORE_DOCUMENTS", "missingDocuments", "Копия диплома о высшем образовании"));
    awaitPassed(c.instanceKey(), "Task_RequestDocuments");

    Letter request = single(letters());
    assertThat(request.subject()).isEqualTo("Земский учитель: нужны дополнительные документы по заявлению " + c.number());
    assertThat(request.body()).contains("Копия диплома о высшем образовании", "до 11 февраля 2027 г. включительно");
    assertThat(request.attachmentName()).isNull();

    mvc.perform(post("/api/rural-grants/applications/{n}/documents-supplemented", c.number()).with(ApiUsers.hr())).andExpect(status().isAccepted());
    completeUserTask(c.instanceKey(), "Task_CheckDocuments", Map.of("documentCheckOutcome", "COMPLETE"));
    awaitUserTask(c.instanceKey(), "Task_DecideByCommission");
    assertThat(new InspectedProcessInstance(c.instanceKey())).hasPassedElement("Task_AwaitDocuments")
        .hasNotPassedElement("Boundary_DocumentsOverdue");
  }

  @Test
  void documentsNotSuppliedInTenDaysRejectTheApplication() throws Exception {
    RuralGrantFixtures.seedVacancy(jdbc, 2027);
    Case c = submit(RuralGrantFixtures.application());
    completeUserTask(c.instanceKey(), "Task_CheckDocuments",
        Map.of("documentCheckOutcome", "MORE_DOCUMENTS", "missingDocuments", "Справка о наличии (отсутствии) судимости"));
    awaitActivated(c.instanceKey(), "Task_AwaitDocuments", 1);

    clock.advanceTo(RegionTime.endOfDay(LocalDate.parse("2027-02-11")).plusSeconds(2));
    awaitCompleted(c.instanceKey());
    assertThat(new InspectedProcessInstance(c.instanceKey())).hasPassedElement("Boundary_DocumentsOverdue")
        .hasPassedElement("EndEvent_Rejected");
    List<Letter> mail = letters();
    assertThat(mail).hasSize(2);
    assertThat(mail.get(1).pdfText()).contains("дополнительные документы не представлены в установленный срок");
    // too late now: the case no longer waits for documents
    mvc.perform(post("/api/rural-grants/applications/{n}/documents-supplemented", c.number()).with(ApiUsers.hr())).andExpect(status().isConflict());
  }

  @Test
  void commissionRejectionSendsTheCommissionsReason() throws Exception {
    RuralGrantFixtures.seedVacancy(jdbc, 2027);
    Case c = submit(RuralGrantFixtures.application());
    completeUserTask(c.instanceKey(), "Task_CheckDocuments", Map.of("documentCheckOutcome", "COMPLETE"));
    completeUserTask(c.instanceKey(), "Task_DecideByCommission", Map.of(
        "commissionScore", 41, "commissionDecision", "REJECT", "commissionReason", "Вакансия занята кандидатом с более высоким баллом"));
    awaitCompleted(c.instanceKey());

    assertThat(new InspectedProcessInstance(c.instanceKey())).hasPassedElement("EndEvent_Rejected");
    assertThat(single(letters()).pdfText()).contains("решение конкурсной комиссии: Вакансия занята кандидатом с более высоким баллом");
    assertThat(ledger.entries(c.number())).isEmpty();
  }

  @Test
  void departureInYearThreeDemandsAProportionalRefund() throws Exception {
    Case c = approveAndContract(2027);
    confirmYear(c, 1);
    confirmYear(c, 2);
    awaitActivated(c.instanceKey(), "Event_ConfirmationDue", 3);
    clock.advanceTo(RegionTime.startOfDay(LocalDate.parse("2029-09-16")).plusHours(10));

    mvc.perform(post("/api/rural-grants/applications/{n}/departure", c.number())
            .contentType(MediaType.APPLICATION_JSON).content("{\"departureDate\":\"2029-09-15\"}").with(ApiUsers.hr()))
        .andExpect(status().isAccepted());
    awaitCompleted(c.instanceKey());

    assertThat(new InspectedProcessInstance(c.instanceKey())).hasPassedElement("Boundary_DepartureReported")
        .hasPassedElement("EndEvent_RefundDemanded");
    // 1 827 days in the term, 929 worked, 898 not: 1 000 000 × 898 / 1 827
    assertThat(ledger.entries(c.number())).extracting(PaymentLedger.Entry::kind, PaymentLedger.Entry::amount).containsExactly(
        org.assertj.core.groups.Tuple.tuple("RURAL_GRANT", new BigDecimal("1000000.00")),
        org.assertj.core.groups.Tuple.tuple("RURAL_GRANT_REFUND", new BigDecimal("491516.15")));
    Letter demand = letters().getLast();
    assertThat(demand.subject()).contains("требование о возврате");
    assertThat(demand.pdfText()).contains("491 516,15 ₽", "отработано 929 дн.", "не отработано 898 дн.", "15 сентября 2029 г.");
    assertThat(statusOf(c).get("status").asText()).isEqualTo("REFUND_DEMANDED");
  }

  @Test
  void departureInYearThreeDemandsTheFullGrantWhereTheCampaignSaysSo() throws Exception {
    clock.advanceTo(START.plusYears(1)); // campaign 2028: full refund
    Case c = approveAndContract(2028);
    confirmYear(c, 1);
    confirmYear(c, 2);
    awaitActivated(c.instanceKey(), "Event_ConfirmationDue", 3);

    // reported by HR at the third yearly check instead of through the API
    clock.advanceTo(RegionTime.startOfDay(LocalDate.parse("2031-03-01")).plusMinutes(1));
    completeUserTask(c.instanceKey(), "Task_ConfirmEmployment", Map.of("employmentStatus", "DEPARTED", "departureDate", "2030-09-15"));
    awaitCompleted(c.instanceKey());

    assertThat(new InspectedProcessInstance(c.instanceKey())).hasPassedElement("Boundary_DepartureConfirmed").hasPassedElement("EndEvent_RefundDemanded");
    assertThat(ledger.entries(c.number()).getLast().amount()).isEqualByComparingTo("1000000.00");
    assertThat(letters().getLast().pdfText()).contains("возвращается в полном объёме", "1 000 000 ₽");
  }

  // ------------------------------------------------------------------ steps

  private Case approveAndContract(int year) throws Exception {
    RuralGrantFixtures.seedVacancy(jdbc, year);
    Case c = submit(RuralGrantFixtures.application());
    completeUserTask(c.instanceKey(), "Task_CheckDocuments", Map.of("documentCheckOutcome", "COMPLETE"));
    completeUserTask(c.instanceKey(), "Task_DecideByCommission",
        Map.of("commissionScore", 87, "commissionDecision", "APPROVE", "commissionReason", "Соответствует всем условиям"));
    completeUserTask(c.instanceKey(), "Task_RecordContract",
        Map.of("contractNumber", "17/" + year, "contractDate", contractDate(year).toString()));
    return c;
  }

  private static LocalDate contractDate(int year) {
    return CONTRACT_DATE.withYear(year);
  }

  /** Waits for the yearly timer, moves time to the anniversary and confirms the teacher still works there. */
  private void confirmYear(Case c, int year) {
    awaitActivated(c.instanceKey(), "Event_ConfirmationDue", year);
    int campaignYear = jdbc.sql("SELECT campaign_year FROM rural_grant_application WHERE id = ?").param(c.id()).query(Integer.class).single();
    clock.advanceTo(RegionTime.startOfDay(contractDate(campaignYear).plusYears(year)).plusMinutes(1));
    completeUserTask(c.instanceKey(), "Task_ConfirmEmployment", Map.of("employmentStatus", "EMPLOYED", "confirmedWeeklyLoadHours", 20));
  }

  private Case submit(Map<String, Object> body) throws Exception {
    String response = mvc.perform(post("/api/rural-grants/applications")
            .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)).with(ApiUsers.hr()))
        .andExpect(status().isCreated())
        .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    String number = json.readTree(response).get("caseNumber").asText();
    Map<String, Object> row = jdbc.sql("SELECT id, process_instance_key FROM rural_grant_application WHERE case_number = ?")
        .param(number).query().singleRow();
    return new Case(number, ((Number) row.get("id")).longValue(), ((Number) row.get("process_instance_key")).longValue());
  }

  private JsonNode statusOf(Case c) throws Exception {
    return json.readTree(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
            .get("/api/rural-grants/applications/{n}", c.number()).with(ApiUsers.hr()))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
  }
}
