package ru.kuzbass.edu.workflows.mentorbonus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.kuzbass.edu.workflows.support.Mailbox.letters;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import ru.kuzbass.edu.workflows.support.ApiUsers;
import ru.kuzbass.edu.workflows.platform.RegionTime;
import ru.kuzbass.edu.workflows.support.Mailbox.Letter;
import ru.kuzbass.edu.workflows.support.PdfAssertions;
import ru.kuzbass.edu.workflows.ruralgrant.RuralGrantFixtures;
import ru.kuzbass.edu.workflows.support.ProcessTest;

/**
 * Every path of {@code mentor-bonus}, through the API, the embedded engine with its job executor
 * and the real step delegates, MariaDB and SMTP. User tasks are completed as Tasklist does, by a
 * logged-in member of the task's candidate group; timers fire when the engine's clock is moved.
 */
class MentorBonusProcessTest extends ProcessTest {

  private static final String HEAD = "head.ivanova";
  private static final String BUDGET = "budget.petrov";
  private static final String MENTOR = "mentor.orlova";
  private static final String COORDINATOR = "coordinator.sidorova";
  private static final Map<String, Object> APPROVE_HEAD = Map.of("schoolHeadDecision", "APPROVE", "schoolHeadComment", "Согласовано");
  private static final Map<String, Object> APPROVE_BUDGET = Map.of("budgetDecision", "APPROVE", "budgetComment", "Средства предусмотрены");

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired BudgetEnvelopes budget;

  record Case(String number, long id, long instanceKey) {}

  /** The tables were emptied for this test; the configured envelopes come back as on start-up. */
  @BeforeEach
  void loadEnvelopes() {
    budget.loadConfiguredTotals();
  }

  @Test
  void fullTermAccruesTwelveMonthsAndClosesWithACertificate() throws Exception {
    RuralGrantFixtures.seedSchool(jdbc, 5_000); // SCH-4217, by which name the letters address the school
    Case c = approved(MentorBonusFixtures.nomination());
    operaton.awaitPassed(c.instanceKey(), "Task_SendOrder");

    List<Letter> orders = letters();
    assertThat(orders).extracting(Letter::recipient).containsExactlyInAnyOrder(MentorBonusFixtures.SCHOOL_EMAIL, MentorBonusFixtures.MENTOR_EMAIL);
    Letter order = orders.getFirst();
    assertThat(order.subject()).isEqualTo("Доплата за наставничество: приказ об установлении доплаты за наставничество (заявка " + c.number() + ")");
    assertThat(order.pdfText()).contains("№ " + c.number() + "/П", "Орлова Елена Ивановна", "Зайцева Полина Ивановна",
        "12 300 ₽ в месяц", "с 1 сентября 2027 г. по 31 августа 2028 г.", "областной бюджет Кемеровской области — Кузбасса", "всего 12 мес.",
        "Руководителю МБОУ «Ижморская СОШ № 1»", "наставнику МБОУ «Ижморская СОШ № 1»", "Основание: ");
    assertThat(order.pdfText()).as("the school by its name, never its code").doesNotContain("SCH-4217").doesNotContain("обжаловано");
    // no act for 2027 is configured: the order says the amount is a default awaiting the region's act, and names no other region's law
    assertThat(order.pdfText().replaceAll("\\s+", " "))
        .contains("размер доплаты установлен по умолчанию и подлежит утверждению нормативным актом Кемеровской области — Кузбасса")
        .doesNotContain("Ульяновск");
    PdfAssertions.assertPdfA2b(order.pdf());
    operaton.awaitEntered(c.instanceKey(), "Event_MonthEnd", 1);
    assertStage(c, "BEING_PAID", "2027-10-01T00:00:00+07:00", "Приказ издан, доплата начисляется ежемесячно; следующее начисление 1 октября 2027 г.");
    assertThat(budget.reserved(2027, "REGIONAL")).isEqualByComparingTo("147600");

    for (int month = 1; month <= 12; month++) {
      passMonth(c, month);
    }
    operaton.awaitTask(c.instanceKey(), "Task_SubmitFinalReport");
    assertStage(c, "REPORT_DUE", null, "Наставничество завершено, ожидается итоговый отчёт наставника");
    operaton.completeTask(c.instanceKey(), "Task_SubmitFinalReport", MENTOR, Map.of("menteeProgress", "Провела 4 открытых урока", "goalsAchieved", "FULLY"));
    operaton.completeTask(c.instanceKey(), "Task_ConfirmFinalReport", HEAD, Map.of("reportDecision", "CONFIRM", "reportComment", ""));
    operaton.awaitEnded(c.instanceKey());
    assertStage(c, "CLOSED", null, "Закрыта, свидетельство «Почётный наставник» направлено");

    assertThat(operaton.passed(c.instanceKey(), "EndEvent_PlanFinished")).as("EndEvent_PlanFinished").isTrue();
    assertThat(operaton.passed(c.instanceKey(), "EndEvent_Closed")).as("EndEvent_Closed").isTrue();
    assertThat(jdbc.sql("SELECT accrual_month FROM payroll_accrual ORDER BY accrual_month").query(String.class).list())
        .hasSize(12).startsWith("2027-09").endsWith("2028-08");
    assertThat(budget.reserved(2027, "REGIONAL")).isEqualByComparingTo("147600"); // all of it paid out
    Letter certificate = letters().getLast();
    assertThat(certificate.recipient()).isEqualTo(MentorBonusFixtures.MENTOR_EMAIL);
    assertThat(certificate.pdfText()).contains("Свидетельство «Почётный наставник»", "Орлова Елена Ивановна", "по 31 августа 2028 г.");
    assertThat(jdbc.sql("SELECT school_head_approver, budget_approver, status FROM mentoring_nomination").query().singleRow())
        .containsEntry("school_head_approver", HEAD).containsEntry("budget_approver", BUDGET).containsEntry("status", "CLOSED");

    // The payroll export of a month parses as CSV and carries the accrual.
    String csv = mvc.perform(get("/api/mentoring/payroll/2027-09").with(ApiUsers.hr())).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(csv.replace("\uFEFF", ""))).getRecords();
    assertThat(rows).hasSize(1);
    assertThat(rows.getFirst().get("case_number")).isEqualTo(c.number());
    assertThat(rows.getFirst().get("mentor_name")).isEqualTo("Орлова Елена Ивановна");
    assertThat(new BigDecimal(rows.getFirst().get("amount"))).isEqualByComparingTo("12300");
    assertThat(rows.getFirst().get("month")).isEqualTo("2027-09");
    assertAuditTrailComplete(c);
    assertNoSerializedVariables(c);
  }

  @Test
  void schoolHeadRejects() throws Exception {
    Case c = submit(MentorBonusFixtures.nomination());
    operaton.completeTask(c.instanceKey(), "Task_ApproveBySchoolHead", HEAD,
        Map.of("schoolHeadDecision", "REJECT", "schoolHeadComment", "Наставник уходит в декретный отпуск"));
    operaton.awaitEnded(c.instanceKey());
    assertThat(operaton.passed(c.instanceKey(), "EndEvent_Rejected")).as("EndEvent_Rejected").isTrue();
    assertThat(operaton.passed(c.instanceKey(), "Task_ApproveByBudgetOfficer")).as("Task_ApproveByBudgetOfficer").isFalse();
    Letter rejection = letters().getFirst();
    assertThat(rejection.recipient()).isEqualTo(MentorBonusFixtures.SCHOOL_EMAIL);
    assertThat(rejection.pdfText()).contains("отказ руководителя школы: Наставник уходит в декретный отпуск",
        "Руководителю образовательной организации", "Решение может быть обжаловано", "Код проверки подлинности:")
        .as("a school the directory does not know is still not shown by its code").doesNotContain("SCH-4217");
  }

  @Test
  void budgetOfficerRejects() throws Exception {
    Case c = submit(MentorBonusFixtures.nomination());
    operaton.completeTask(c.instanceKey(), "Task_ApproveBySchoolHead", HEAD, APPROVE_HEAD);
    operaton.completeTask(c.instanceKey(), "Task_ApproveByBudgetOfficer", BUDGET,
        Map.of("budgetDecision", "REJECT", "budgetComment", "Источник не соответствует программе"));
    operaton.awaitEnded(c.instanceKey());
    assertThat(letters().getFirst().pdfText()).contains("отказ при согласовании бюджета: Источник не соответствует программе");
    assertThat(budget.reserved(2027, "REGIONAL")).isZero();
  }

  @Test
  void theSamePersonCannotApproveBothSteps() throws Exception {
    Case c = submit(MentorBonusFixtures.nomination());
    operaton.completeTask(c.instanceKey(), "Task_ApproveBySchoolHead", HEAD, APPROVE_HEAD);
    operaton.completeTask(c.instanceKey(), "Task_ApproveByBudgetOfficer", HEAD, APPROVE_BUDGET);

    operaton.awaitPassed(c.instanceKey(), "Boundary_SameApprover");
    assertThat(budget.reserved(2027, "REGIONAL")).isZero();
    operaton.completeTask(c.instanceKey(), "Task_ApproveByBudgetOfficer", BUDGET, APPROVE_BUDGET);
    operaton.awaitPassed(c.instanceKey(), "Task_SendOrder");
    assertThat(jdbc.sql("SELECT budget_approver FROM mentoring_nomination").query(String.class).single()).isEqualTo(BUDGET);
    assertThat(jdbc.sql("SELECT details FROM case_event WHERE event_key LIKE 'FOUR_EYES:%'").query(String.class).list())
        .singleElement().asString().contains(HEAD);
    assertThat(budget.reserved(2027, "REGIONAL")).isEqualByComparingTo("147600");
    // the refusal is in the audit log as the step's outcome, and the trail has no gap
    assertThat(jdbc.sql("SELECT outcome FROM audit_event WHERE kind = 'JOB' AND element_id = 'Task_RecordBudgetApproval' ORDER BY id")
        .query(String.class).list()).containsExactly("BPMN_ERROR:SAME_APPROVER", "COMPLETED");
    assertAuditTrailComplete(c);
  }

  /**
   * Who approved comes from the engine's history (the user operation log names the user logged in to
   * Tasklist), not from the audit log: an approval completed from code, with no one logged in, names
   * no one there, and the step stops with an incident instead of recording an approver.
   */
  @Test
  void anApprovalCompletedByNoOneLoggedInStopsWithAnIncident() throws Exception {
    Case c = submit(MentorBonusFixtures.nomination());
    var task = operaton.awaitTask(c.instanceKey(), "Task_ApproveBySchoolHead");
    operaton.engine().getTaskService().complete(task.getId(), APPROVE_HEAD);

    assertThat(operaton.awaitIncidentMessage(c.instanceKey())).startsWith("The engine's history names no one who completed task " + task.getId());
    assertThat(jdbc.sql("SELECT COUNT(*) FROM mentoring_nomination WHERE school_head_approver IS NOT NULL").query(Integer.class).single())
        .isZero();
  }

  /** The school's status names each stage the case passes, with the correction's due date while it waits for one. */
  @Test
  void aReturnedNominationIsCorrectedAndCheckedAgain() throws Exception {
    Case c = submit(MentorBonusFixtures.nomination());
    operaton.awaitTask(c.instanceKey(), "Task_ApproveBySchoolHead");
    assertStage(c, "AT_SCHOOL_HEAD", null, "На согласовании у руководителя школы");
    // the approver's form renders the correction time from this variable, set from mentoring.correction-wait-days
    assertThat(operaton.engine().getRuntimeService().getVariable(Long.toString(c.instanceKey()), "correctionWaitDays")).isEqualTo(10);
    operaton.completeTask(c.instanceKey(), "Task_ApproveBySchoolHead", HEAD,
        Map.of("schoolHeadDecision", "RETURN", "schoolHeadComment", "Сократите план до учебного года"));
    operaton.awaitTask(c.instanceKey(), "Task_CorrectNomination");
    assertStage(c, "RETURNED_FOR_CORRECTION", "2027-02-11T23:59:59+07:00", "Возвращена школе на доработку; исправить до 11 февраля 2027 г.");
    operaton.completeTask(c.instanceKey(), "Task_CorrectNomination", COORDINATOR,
        Map.of("correctedStartDate", "2027-09-01", "correctedEndDate", "2028-05-31", "correctedGoals", ""));
    operaton.completeTask(c.instanceKey(), "Task_ApproveBySchoolHead", HEAD, APPROVE_HEAD);
    operaton.awaitTask(c.instanceKey(), "Task_ApproveByBudgetOfficer");
    assertStage(c, "AT_BUDGET_HOLDER", null, "На согласовании у распорядителя бюджетных средств");
    operaton.completeTask(c.instanceKey(), "Task_ApproveByBudgetOfficer", BUDGET, APPROVE_BUDGET);
    operaton.awaitPassed(c.instanceKey(), "Task_SendOrder");

    assertThat(operaton.passed(c.instanceKey(), "Task_ApplyCorrection")).as("Task_ApplyCorrection").isTrue();
    assertThat(jdbc.sql("SELECT end_date FROM mentoring_nomination").query(LocalDate.class).single()).isEqualTo("2028-05-31");
    assertThat(budget.reserved(2027, "REGIONAL")).isEqualByComparingTo("110700"); // 9 months
  }

  @Test
  void aNominationNotCorrectedInTenDaysIsRejected() throws Exception {
    Case c = submit(MentorBonusFixtures.nomination());
    operaton.completeTask(c.instanceKey(), "Task_ApproveBySchoolHead", HEAD,
        Map.of("schoolHeadDecision", "RETURN", "schoolHeadComment", "Уточните цели"));
    operaton.awaitEntered(c.instanceKey(), "Task_CorrectNomination", 1);
    clock.advanceTo(RegionTime.endOfDay(LocalDate.parse("2027-02-11")).plusSeconds(2));
    operaton.awaitEnded(c.instanceKey());
    assertThat(operaton.passed(c.instanceKey(), "Boundary_CorrectionOverdue")).as("Boundary_CorrectionOverdue").isTrue();
    assertThat(letters().getFirst().pdfText()).contains("заявка не исправлена в установленный срок");
  }

  @Test
  void withoutMoneyTheNominationWaitsAndIsApprovedWhenMoneyFreesUp() throws Exception {
    jdbc.sql("UPDATE budget_envelope SET reserved_amount = total_amount").update();
    Case c = approved(MentorBonusFixtures.nomination());
    operaton.awaitPassed(c.instanceKey(), "Task_NotifyWaitingList");
    assertThat(letters().getFirst().pdfText()).contains("включена в лист ожидания");
    assertThat(jdbc.sql("SELECT status FROM mentoring_nomination").query(String.class).single()).isEqualTo("WAITING_FOR_BUDGET");

    operaton.awaitEntered(c.instanceKey(), "Event_BudgetRetry", 1);
    assertStage(c, "WAITING_FOR_BUDGET", "2027-02-02T10:00:00+07:00",
        "В листе ожидания: средств пока недостаточно; следующая проверка средств 2 февраля 2027 г.");
    clock.advanceTo(clock.instant().atZone(RegionTime.ZONE).toOffsetDateTime().plusHours(25));
    operaton.awaitEntered(c.instanceKey(), "Event_BudgetRetry", 2); // still no money: waits again, no second letter
    assertThat(letters()).hasSize(1);

    jdbc.sql("UPDATE budget_envelope SET reserved_amount = 0").update();
    clock.advanceTo(clock.instant().atZone(RegionTime.ZONE).toOffsetDateTime().plusHours(25));
    operaton.awaitPassed(c.instanceKey(), "Task_SendOrder");
    assertThat(budget.reserved(2027, "REGIONAL")).isEqualByComparingTo("147600");
  }

  @Test
  void parallelApprovalsNeverOverspendTheEnvelope() throws Exception {
    List<Case> cases = new java.util.ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      cases.add(submit(MentorBonusFixtures.nomination(i)));
    }
    for (Case c : cases) {
      operaton.completeTask(c.instanceKey(), "Task_ApproveBySchoolHead", HEAD, APPROVE_HEAD);
    }
    for (Case c : cases) {
      operaton.completeTask(c.instanceKey(), "Task_ApproveByBudgetOfficer", BUDGET, APPROVE_BUDGET);
    }
    for (Case c : cases) {
      operaton.awaitPassed(c.instanceKey(), "Task_ReserveBudget");
    }
    awaitPassedSomewhere(cases, "Task_SendOrder", 3);
    awaitPassedSomewhere(cases, "Task_NotifyWaitingList", 2);
    assertThat(budget.reserved(2027, "REGIONAL")).isEqualByComparingTo("442800");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM budget_reservation").query(Integer.class).single()).isEqualTo(3);
  }

  @Test
  void earlyTerminationStopsAccrualsAndReturnsTheRest() throws Exception {
    Case c = approved(MentorBonusFixtures.nomination());
    passMonth(c, 1);
    passMonth(c, 2);
    operaton.awaitEntered(c.instanceKey(), "Event_MonthEnd", 3);

    mvc.perform(post("/api/mentoring/nominations/{n}/termination", c.number()).contentType(MediaType.APPLICATION_JSON)
            .content("{\"endDate\":\"2027-11-15\",\"reason\":\"Наставляемая перешла в другую школу\"}").with(ApiUsers.hr()))
        .andExpect(status().isAccepted());
    operaton.completeTask(c.instanceKey(), "Task_SubmitFinalReport", MENTOR, Map.of("menteeProgress", "Частично", "goalsAchieved", "PARTLY"));
    operaton.completeTask(c.instanceKey(), "Task_ConfirmFinalReport", HEAD, Map.of("reportDecision", "CONFIRM", "reportComment", ""));
    operaton.awaitEnded(c.instanceKey());

    assertThat(operaton.passed(c.instanceKey(), "Boundary_MentoringEnded")).as("Boundary_MentoringEnded").isTrue();
    assertThat(operaton.passed(c.instanceKey(), "EndEvent_PlanFinished")).as("EndEvent_PlanFinished").isFalse();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM payroll_accrual").query(Integer.class).single()).isEqualTo(2);
    // 147 600 reserved, 24 600 paid, 123 000 back in the envelope
    assertThat(jdbc.sql("SELECT released_amount FROM budget_reservation").query(BigDecimal.class).single()).isEqualByComparingTo("123000");
    assertThat(budget.reserved(2027, "REGIONAL")).isEqualByComparingTo("24600");
    assertThat(letters().getLast().pdfText()).contains("по 15 ноября 2027 г.");
  }

  /**
   * A termination is correlated by the case number in the transaction that records it: a second one,
   * while the case is still returning its reservation (the step held back here), finds no mentoring
   * waiting for it and is refused, and the case goes on once.
   */
  @Test
  void aSecondTerminationIsRefusedOnceTheMentoringHasStopped() throws Exception {
    Case c = approved(MentorBonusFixtures.nomination());
    passMonth(c, 1);
    operaton.awaitEntered(c.instanceKey(), "Event_MonthEnd", 2);
    var management = operaton.engine().getManagementService();
    List<String> release = management.createJobDefinitionQuery().activityIdIn("Task_ReleaseReservation").list().stream()
        .map(org.operaton.bpm.engine.management.JobDefinition::getId).toList();
    release.forEach(id -> management.suspendJobDefinitionById(id, true));
    try {
      mvc.perform(post("/api/mentoring/nominations/{n}/termination", c.number()).contentType(MediaType.APPLICATION_JSON)
              .content("{\"endDate\":\"2027-10-15\",\"reason\":\"Наставник переехал\"}").with(ApiUsers.hr()))
          .andExpect(status().isAccepted());
      assertThat(operaton.passed(c.instanceKey(), "Boundary_MentoringEnded")).isTrue();
      // still ACTIVE: the refusal comes from the engine (no mentoring waits for the message), not from the status
      assertThat(jdbc.sql("SELECT status FROM mentoring_nomination").query(String.class).single()).isEqualTo("ACTIVE");
      mvc.perform(post("/api/mentoring/nominations/{n}/termination", c.number()).contentType(MediaType.APPLICATION_JSON)
              .content("{\"endDate\":\"2027-10-20\",\"reason\":\"Повторно\"}").with(ApiUsers.hr()))
          .andExpect(status().isConflict());
    } finally {
      release.forEach(id -> management.activateJobDefinitionById(id, true));
    }
    operaton.awaitPassed(c.instanceKey(), "Task_ReleaseReservation");
    assertThat(jdbc.sql("SELECT ended_on FROM mentoring_nomination").query(LocalDate.class).single()).isEqualTo("2027-10-15");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM payroll_accrual").query(Integer.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("SELECT released_amount FROM budget_reservation").query(BigDecimal.class).single()).isEqualByComparingTo("135300");
    assertThat(operaton.engine().getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(Long.toString(c.instanceKey()))
        .activityId("Boundary_MentoringEnded").count()).isEqualTo(1);
  }

  @Test
  void anIneligiblePairIsRejectedWithEveryReason() throws Exception {
    Map<String, Object> body = MentorBonusFixtures.nomination();
    MentorBonusFixtures.part(body, "mentor").put("experienceYears", 4);
    MentorBonusFixtures.mentee(body, 0).put("birthDate", "1990-01-01");
    // held before the check, the case reads as being checked, not merely «принята»
    var management = operaton.engine().getManagementService();
    List<String> check = management.createJobDefinitionQuery().activityIdIn("Task_LoadEligibilityFacts").list().stream()
        .map(org.operaton.bpm.engine.management.JobDefinition::getId).toList();
    check.forEach(id -> management.suspendJobDefinitionById(id, true));
    Case c;
    try {
      c = submit(body);
      assertStage(c, "ELIGIBILITY_CHECK", null, "Проверка документов и требований к наставнику и наставляемым");
    } finally {
      check.forEach(id -> management.activateJobDefinitionById(id, true));
    }
    operaton.awaitEnded(c.instanceKey());
    assertStage(c, "REJECTED", null, "Отказано, уведомление направлено школе");
    assertThat(operaton.passed(c.instanceKey(), "EndEvent_Rejected")).as("EndEvent_Rejected").isTrue();
    assertThat(operaton.passed(c.instanceKey(), "Task_ApproveBySchoolHead")).as("Task_ApproveBySchoolHead").isFalse();
    assertThat(letters().getFirst().pdfText()).contains("Педагогический стаж наставника меньше 5 лет", "Наставляемый не моложе 35 лет");
    // the evaluation is in the engine's history (Cockpit's decision view) with the facts it read
    var decision = operaton.engine().getHistoryService().createHistoricDecisionInstanceQuery()
        .processInstanceId(Long.toString(c.instanceKey())).includeInputs().includeOutputs().singleResult();
    assertThat(decision.getDecisionDefinitionKey()).isEqualTo("mentor-bonus-eligibility");
    assertThat(decision.getInputs()).anySatisfy(i -> assertThat(i.getValue()).isEqualTo(4));
    assertThat(decision.getOutputs()).extracting(o -> o.getValue()).contains("MENTOR_EXPERIENCE", "MENTEE_AGE");
    assertThat(jdbc.sql("SELECT details FROM audit_event WHERE kind = 'DECISION'").query(String.class).single())
        .contains("\"decisionVersion\"", "\"configurationYear\":2027", "MENTOR_EXPERIENCE", "MENTEE_AGE");
    assertAuditTrailComplete(c);
    assertNoSerializedVariables(c);
  }

  @Test
  void aNominationFromTheTasklistStartFormNamesTeachersByRegistryNumber() throws Exception {
    long mentor = teacher("20030040048", "1975-03-14", 24, "HIGHEST");
    long mentee = teacher("20030040149", "2001-07-09", 1, "NONE");
    long instance = operaton.start("mentor-bonus", startForm(mentor, Long.toString(mentee)));

    operaton.awaitTask(instance, "Task_ApproveBySchoolHead");
    Map<String, Object> row = jdbc.sql("SELECT case_number, mentor_teacher_id, process_instance_key, end_date FROM mentoring_nomination")
        .query().singleRow();
    assertThat(row).containsEntry("mentor_teacher_id", mentor).containsEntry("process_instance_key", instance);
    assertThat((String) row.get("case_number")).startsWith("НС-2027-");
    assertThat(jdbc.sql("SELECT teacher_id FROM mentoring_mentee").query(Long.class).single()).isEqualTo(mentee);
    // Cockpit, the audit and a termination find the case by its number, as one started through the API
    assertThat(operaton.engine().getRuntimeService().createProcessInstanceQuery().processInstanceId(Long.toString(instance)).singleResult()
        .getBusinessKey()).isEqualTo(row.get("case_number"));
  }

  @Test
  void aStartFormNamingAnUnknownTeacherStopsWithAReadableIncident() throws Exception {
    long mentor = teacher("20030040048", "1975-03-14", 24, "HIGHEST");
    long instance = operaton.start("mentor-bonus", startForm(mentor, "999"));

    assertThat(operaton.awaitIncidentMessage(instance)).isEqualTo("menteeTeacherIds: педагог с номером 999 не найден в реестре");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM mentoring_nomination").query(Integer.class).single()).isZero();
  }

  /** A year whose act the region configured (2028 in application-test.yml): the order prints its amount and names its act. */
  @Test
  void theOrderPrintsTheYearsConfiguredAmountAndBasis() throws Exception {
    Map<String, Object> body = MentorBonusFixtures.nomination();
    MentorBonusFixtures.part(body, "plan").putAll(Map.of("startDate", "2028-09-01", "endDate", "2029-08-31"));
    Case c = approved(body);
    operaton.awaitPassed(c.instanceKey(), "Task_SendOrder");
    String order = letters().getFirst().pdfText().replaceAll("\\s+", " ");
    assertThat(order).contains("15 000 ₽ в месяц", "всего 12 мес.",
        "Основание: закон Кемеровской области — Кузбасса о доплате за наставничество (тестовый акт 2028 года).");
    assertThat(order).doesNotContain("12 300", "по умолчанию", "Ульяновск");
    assertThat(budget.reserved(2028, "REGIONAL")).isEqualByComparingTo("180000");
  }

  // ------------------------------------------------------------------ steps

  /** The school's view of the case: GET /api/mentoring/nominations/{number}. */
  private void assertStage(Case c, String stage, String dueAt, String text) throws Exception {
    var status = json.readTree(mvc.perform(get("/api/mentoring/nominations/{n}", c.number()).with(ApiUsers.hr())).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    assertThat(status.get("stage").asText()).isEqualTo(stage);
    assertThat(status.get("statusText").asText()).isEqualTo(text);
    if (dueAt == null) {
      assertThat(status.hasNonNull("nextStepDueAt")).as("nextStepDueAt").isFalse();
    } else {
      // a retry is due a day after the reservation was tried, which took the job executor a moment past the test's time
      Instant expected = OffsetDateTime.parse(dueAt).toInstant();
      assertThat(OffsetDateTime.parse(status.get("nextStepDueAt").asText()).toInstant()).isBetween(expected, expected.plusSeconds(300));
    }
  }

  private static Map<String, Object> startForm(long mentor, String mentees) {
    return Map.of("schoolCode", "SCH-4217", "schoolEmail", MentorBonusFixtures.SCHOOL_EMAIL, "mentorTeacherId", mentor,
        "menteeTeacherIds", mentees, "goals", "Подготовка к аттестации", "startDate", "2027-09-01", "endDate", "2028-05-31",
        "fundingSource", "REGIONAL");
  }

  private long teacher(String snils, String birthDate, int experience, String category) {
    long person = insertPerson(snils, "Орлова", "Елена", birthDate, snils + "@example.ru");
    jdbc.sql("INSERT INTO teacher (person_id, school_code, subject, experience_years, qualification_category, updated_at) "
        + "VALUES (?, 'SCH-4217', 'Математика', ?, ?, NOW(3))").params(person, experience, category).update();
    return jdbc.sql("SELECT id FROM teacher WHERE person_id = ?").param(person).query(Long.class).single();
  }


  private Case approved(Map<String, Object> body) throws Exception {
    Case c = submit(body);
    operaton.completeTask(c.instanceKey(), "Task_ApproveBySchoolHead", HEAD, APPROVE_HEAD);
    operaton.completeTask(c.instanceKey(), "Task_ApproveByBudgetOfficer", BUDGET, APPROVE_BUDGET);
    return c;
  }

  /** Waits for the month's timer, moves to the first day of the next month and waits for the accrual. */
  private void passMonth(Case c, int month) {
    operaton.awaitEntered(c.instanceKey(), "Event_MonthEnd", month);
    YearMonth accrued = YearMonth.of(2027, 9).plusMonths(month - 1);
    clock.advanceTo(RegionTime.startOfDay(accrued.plusMonths(1).atDay(1)).plusMinutes(1));
    operaton.awaitPassed(c.instanceKey(), "Task_AccrueMonth", month);
  }

  /**
   * The audit log against the engine's history (steps, user tasks with who completed them, the
   * decision, the closing), one row for every letter with its hash and every ledger entry, and its
   * chains verify.
   */
  private void assertAuditTrailComplete(Case c) {
    operaton.assertAuditTrailComplete(jdbc, c.instanceKey());
    assertThat(jdbc.sql("SELECT digest FROM audit_event WHERE kind = 'LETTER' AND case_number = ?").param(c.number()).query(String.class).list())
        .containsExactlyInAnyOrderElementsOf(jdbc.sql("SELECT sha256 FROM letter WHERE case_number = ?").param(c.number()).query(String.class).list());
    assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE kind = 'LEDGER' AND case_number = ?").param(c.number()).query(Integer.class).single())
        .isEqualTo(jdbc.sql("SELECT COUNT(*) FROM payment_ledger WHERE case_number = ?").param(c.number()).query(Integer.class).single());
    assertThat(audit.verify().valid()).isTrue();
  }

  /** Lists, maps and amounts never became Java-serialized variables: the engine holds text, numbers and booleans only. */
  private void assertNoSerializedVariables(Case c) {
    assertThat(operaton.engine().getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(Long.toString(c.instanceKey()))
        .list()).isNotEmpty().allSatisfy(v -> assertThat(v.getTypeName()).as(v.getName())
            .isIn("string", "integer", "long", "boolean", "double", "null"));
  }

  private void awaitPassedSomewhere(List<Case> cases, String elementId, int instances) throws InterruptedException {
    for (int attempt = 0; attempt < 300; attempt++) {
      long passed = cases.stream().filter(c -> operaton.passed(c.instanceKey(), elementId)).count();
      if (passed == instances) {
        return;
      }
      assertThat(passed).isLessThan(instances + 1);
      Thread.sleep(100);
    }
    throw new AssertionError(elementId + " was not passed by " + instances + " instances within 30 s");
  }

  private Case submit(Map<String, Object> body) throws Exception {
    String response = mvc.perform(post("/api/mentoring/nominations").contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)).with(ApiUsers.hr()))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    String number = json.readTree(response).get("caseNumber").asText();
    Map<String, Object> row = jdbc.sql("SELECT id, process_instance_key FROM mentoring_nomination WHERE case_number = ?").param(number).query().singleRow();
    return new Case(number, ((Number) row.get("id")).longValue(), ((Number) row.get("process_instance_key")).longValue());
  }
}
