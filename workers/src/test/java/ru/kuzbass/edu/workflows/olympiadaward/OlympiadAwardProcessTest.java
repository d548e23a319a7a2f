package ru.kuzbass.edu.workflows.olympiadaward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.kuzbass.edu.workflows.olympiadaward.OlympiadAwardFixtures.LIST_2027;
import static ru.kuzbass.edu.workflows.olympiadaward.OlympiadAwardFixtures.claim;
import static ru.kuzbass.edu.workflows.olympiadaward.OlympiadAwardFixtures.coach;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import ru.kuzbass.edu.workflows.payments.PaymentLedger;
import ru.kuzbass.edu.workflows.ruralgrant.RuralGrantFixtures;
import ru.kuzbass.edu.workflows.support.ApiUsers;
import ru.kuzbass.edu.workflows.support.Mailbox;
import ru.kuzbass.edu.workflows.support.Mailbox.Letter;
import ru.kuzbass.edu.workflows.support.PdfAssertions;
import ru.kuzbass.edu.workflows.support.ProcessTest;
import ru.kuzbass.edu.workflows.support.SharedMailServer;

/**
 * Every path of {@code olympiad-coach-award} and {@code olympiad-coach-award-list}, through the API,
 * the embedded engine with its job executor and the real step delegates, MariaDB and SMTP. User
 * tasks are completed as Tasklist does, by a logged-in member of the task's candidate group.
 */
class OlympiadAwardProcessTest extends ProcessTest {

  private static final String OFFICER = "municipal.petrova";
  private static final String COMMISSION = "commission.sokolov";
  private static final Map<String, Object> CONFIRM = Map.of("confirmationDecision", "CONFIRM", "confirmationComment", "");
  private static final Map<String, Object> APPROVE = Map.of("listDecision", "APPROVE", "listComment", "");

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired PaymentLedger ledger;
  @Autowired OlympiadAwardService service;

  record Case(String number, long id, long instanceKey) {}

  @Test
  void aConfirmedClaimIsApprovedInTheListOrderedPaidToEachTeacherAndLettered() throws Exception {
    RuralGrantFixtures.seedSchool(jdbc, 5_000); // SCH-4217 in the Izhmorsky district, by which name the letters address the school
    importList(LIST_2027, "2027-01-20");
    Case c = submit(claim(2027, "математика", "M-001", "WINNER",
        List.of(coach(1, "Орлова", "Елена", "Ивановна", 60), coach(2, "Петров", "Иван", "Сергеевич", 40))));

    Task confirmation = operaton.awaitTask(c.instanceKey(), "Task_ConfirmCoaching");
    // the amount of the place from the decision table, split by the shares; the form renders them
    assertThat(operaton.taskVariables(confirmation)).containsEntry("awardAmountText", "100000").containsEntry("sharesText", "60 % / 40 %")
        .containsEntry("claimPeriodDays", 30).containsEntry("placeTitle", "победитель");
    operaton.completeTask(confirmation, OFFICER, CONFIRM);
    operaton.awaitEntered(c.instanceKey(), "Event_ListApproved", 1);
    assertThat(ledger.entries(c.number())).as("nothing is paid before the list is approved").isEmpty();

    long list = startList(2027);
    operaton.completeTask(list, "Task_ApproveList", COMMISSION, APPROVE);
    operaton.awaitEnded(list);
    operaton.awaitEnded(c.instanceKey());
    assertThat(operaton.passed(c.instanceKey(), "EndEvent_Awarded")).isTrue();
    String listNumber = jdbc.sql("SELECT list_number FROM olympiad_claim").query(String.class).single();
    assertThat(jdbc.sql("SELECT approved_by FROM olympiad_award_list").query(String.class).single()).isEqualTo(COMMISSION);

    // the order lists every award: each teacher's part, the school by its name, the total; no pupil's name
    byte[] order = mvc.perform(get("/api/olympiad-awards/lists/{n}/order", listNumber).with(ApiUsers.hr())).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsByteArray();
    PdfAssertions.assertPdfA2b(order);
    assertThat(PdfAssertions.text(order)).contains("Приказ о поощрении педагогов", "№ " + listNumber,
        "Орлова Елена Ивановна, МБОУ «Ижморская СОШ № 1» — подготовка победителя по предмету «математика», заявка № " + c.number()
            + ", доля 60 %: 60 000 ₽", "Петров Иван Сергеевич", "доля 40 %: 40 000 ₽", "Общая сумма поощрений: 100 000 ₽; поощрений: 2",
        "Основание: закон Кемеровской области — Кузбасса об образовании")
        .doesNotContain("Соколова", "Дарья", "SCH-4217");

    // one ledger entry per teacher and award
    assertThat(ledger.entries(c.number())).extracting(PaymentLedger.Entry::amount)
        .usingElementComparator(BigDecimal::compareTo).containsExactlyInAnyOrder(new BigDecimal("60000"), new BigDecimal("40000"));

    Letter first = Mailbox.single(Mailbox.to("coach1@example.ru"));
    assertThat(first.subject()).isEqualTo("Поощрение за подготовку победителя олимпиады (заявка " + c.number() + ")");
    assertThat(first.pdfText()).contains("Уважаемая Елена Ивановна!", "№ " + listNumber, "победителя заключительного этапа",
        "«математика» (код участника M-001)", "Размер поощрения: 60 000 ₽ (Ваша доля — 60 % от 100 000 ₽",
        "Основание: закон Кемеровской области — Кузбасса об образовании", "Код проверки подлинности:")
        .doesNotContain("Соколова", "обжаловано");
    PdfAssertions.assertPdfA2b(first.pdf());
    assertThat(Mailbox.single(Mailbox.to("coach2@example.ru")).pdfText()).contains("Уважаемый Иван Сергеевич!", "Размер поощрения: 40 000 ₽");

    // The engine retrying the payment and the letters runs the same code again: nothing new may happen.
    service.payAward(c.id());
    service.sendAwardLetters(c.id());
    assertThat(ledger.entries(c.number())).hasSize(2);
    assertThat(SharedMailServer.received()).hasSize(2);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM letter WHERE case_number = ?").param(c.number()).query(Integer.class).single()).isEqualTo(2);

    assertAuditTrailComplete(c.instanceKey(), c.number());
    assertAuditTrailComplete(list, listNumber);
    assertThat(jdbc.sql("SELECT status FROM olympiad_claim").query(String.class).single()).isEqualTo("PAID");

    // the figures: by subject, place and municipality, as JSON and as CSV
    JsonNode summary = json.readTree(mvc.perform(get("/api/olympiad-awards/summary").param("year", "2027").accept(MediaType.APPLICATION_JSON)
        .with(ApiUsers.hr())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    assertThat(summary.get("awards").asInt()).isEqualTo(1);
    assertThat(summary.get("teachers").asInt()).isEqualTo(2);
    assertThat(summary.get("amount").decimalValue()).isEqualByComparingTo("100000");
    JsonNode row = summary.get("rows").get(0);
    assertThat(row.get("subject").asText()).isEqualTo("математика");
    assertThat(row.get("place").asText()).isEqualTo("WINNER");
    assertThat(row.get("municipality").asText()).isEqualTo("Ижморский муниципальный округ");
    String csv = mvc.perform(get("/api/olympiad-awards/summary").param("year", "2027").accept("text/csv").with(ApiUsers.hr()))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(csv.replace("\uFEFF", ""))).getRecords();
    assertThat(rows).hasSize(1);
    assertThat(rows.getFirst().get("municipality")).isEqualTo("Ижморский муниципальный округ");
    assertThat(rows.getFirst().get("teachers")).isEqualTo("2");
    assertThat(new BigDecimal(rows.getFirst().get("amount"))).isEqualByComparingTo("100000");
  }

  @Test
  void aClaimWhosePlaceIsNotOnTheListIsRefusedWithTheReason() throws Exception {
    importList(LIST_2027, "2027-01-20");
    // M-002 is a prize-winner in mathematics, not a winner
    Case c = submit(claim(2027, "математика", "M-002", "WINNER", List.of(coach(1, "Орлова", "Елена", "Ивановна", 100))));
    operaton.awaitEnded(c.instanceKey());
    assertThat(operaton.passed(c.instanceKey(), "EndEvent_Refused")).isTrue();
    assertThat(operaton.passed(c.instanceKey(), "Task_ConfirmCoaching")).isFalse();
    Letter refusal = Mailbox.single(Mailbox.to(OlympiadAwardFixtures.SCHOOL_EMAIL));
    assertThat(refusal.pdfText()).contains("В поощрении отказано: в официальном списке победителей и призёров заключительного этапа 2027 года "
        + "по предмету «математика» нет участника с кодом M-002 со статусом «победитель»", "Решение может быть обжаловано");
    PdfAssertions.assertPdfA2b(refusal.pdf());
    assertThat(jdbc.sql("SELECT status FROM olympiad_claim").query(String.class).single()).isEqualTo("REFUSED");
    assertThat(ledger.entries(c.number())).isEmpty();
    assertAuditTrailComplete(c.instanceKey(), c.number());
  }

  @Test
  void coachingTheMunicipalOfficeDoesNotConfirmIsRefusedAndGoesIntoNoList() throws Exception {
    importList(LIST_2027, "2027-01-20");
    Case c = submit(claim(2027, "физика", "P-003", "WINNER", List.of(coach(1, "Орлова", "Елена", "Ивановна", 100))));
    operaton.completeTask(c.instanceKey(), "Task_ConfirmCoaching", OFFICER,
        Map.of("confirmationDecision", "REJECT", "confirmationComment", "Педагог не работал в школе в период подготовки"));
    operaton.awaitEnded(c.instanceKey());
    assertThat(operaton.passed(c.instanceKey(), "EndEvent_Refused")).isTrue();
    assertThat(Mailbox.single(Mailbox.to(OlympiadAwardFixtures.SCHOOL_EMAIL)).pdfText()).contains("В поощрении отказано: муниципальный орган "
        + "управления образованием не подтвердил подготовку участника педагогами (Педагог не работал в школе в период подготовки).");
    JsonNode status = json.readTree(mvc.perform(get("/api/olympiad-awards/claims/{n}", c.number()).with(ApiUsers.hr())).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    assertThat(status.get("status").asText()).isEqualTo("REFUSED");
    assertThat(jdbc.sql("SELECT confirmed_by FROM olympiad_claim").query(String.class).single()).isEqualTo(OFFICER);

    long list = startList(2027);
    operaton.awaitEnded(list);
    assertThat(operaton.passed(list, "EndEvent_NothingToApprove")).as("no confirmed claim: nothing for the commission").isTrue();
    assertAuditTrailComplete(c.instanceKey(), c.number());
  }

  @Test
  void theClaimPeriodEndsWithItsLastDayLocalTime() throws Exception {
    importList(LIST_2027, "2027-01-20"); // 30 days: claims until 19 February 2027, to its end in Kuzbass
    clock.advanceTo(OffsetDateTime.parse("2027-02-19T23:59:00+07:00"));
    Case inTime = submit(claim(2027, "математика", "M-001", "WINNER", List.of(coach(1, "Орлова", "Елена", "Ивановна", 100))));
    operaton.awaitTask(inTime.instanceKey(), "Task_ConfirmCoaching");

    // half past midnight in Kuzbass is still 19 February in UTC: the region's day counts
    clock.advanceTo(OffsetDateTime.parse("2027-02-20T00:30:00+07:00"));
    Case late = submit(claim(2027, "физика", "P-003", "WINNER", List.of(coach(2, "Петров", "Иван", "Сергеевич", 100))));
    operaton.awaitEnded(late.instanceKey());
    assertThat(operaton.passed(late.instanceKey(), "EndEvent_Refused")).isTrue();
    assertThat(jdbc.sql("SELECT refusal_reason FROM olympiad_claim WHERE id = ?").param(late.id()).query(String.class).single()
        .replace('\u00A0', ' ')).isEqualTo("заявка подана 20 февраля 2027 г., после окончания срока: список опубликован 20 января 2027 г., "
            + "заявки принимались по 19 февраля 2027 г. включительно");
  }

  @Test
  void sharesThatDoNotSumToAHundredAreRefusedAndNothingIsWritten() throws Exception {
    importList(LIST_2027, "2027-01-20");
    String problem = mvc.perform(post("/api/olympiad-awards/claims").contentType(MediaType.APPLICATION_JSON).with(ApiUsers.hr())
            .content(json.writeValueAsString(claim(2027, "математика", "M-001", "WINNER",
                List.of(coach(1, "Орлова", "Елена", "Ивановна", 50), coach(2, "Петров", "Иван", "Сергеевич", 49))))))
        .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(problem).contains("coaches", "Доли педагогов в сумме должны составлять ровно 100 %, сейчас 99 %");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM olympiad_claim").query(Integer.class).single()).isZero();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM person").query(Integer.class).single()).isZero();
    assertThat(operaton.engine().getRuntimeService().createProcessInstanceQuery().count()).isZero();
  }

  @Test
  void perPupilOneTeacherGetsOneAwardForAPupilPlacedInTwoSubjectsButOneForEachPupil() throws Exception {
    importList(LIST_2027, "2027-01-20");
    Case math = submit(claim(2027, "математика", "M-001", "WINNER", List.of(coach(1, "Орлова", "Елена", "Ивановна", 100))));
    operaton.awaitTask(math.instanceKey(), "Task_ConfirmCoaching");
    Case samePupil = submit(claim(2027, "физика", "M-001", "PRIZE_WINNER", List.of(coach(1, "Орлова", "Елена", "Ивановна", 100))));
    operaton.awaitEnded(samePupil.instanceKey());
    assertThat(jdbc.sql("SELECT refusal_reason FROM olympiad_claim WHERE id = ?").param(samePupil.id()).query(String.class).single())
        .isEqualTo("педагог Орлова Елена Ивановна уже заявлен на поощрение за подготовку этого участника");
    Case otherPupil = submit(claim(2027, "физика", "P-003", "WINNER", List.of(coach(1, "Орлова", "Елена", "Ивановна", 100))));
    operaton.awaitTask(otherPupil.instanceKey(), "Task_ConfirmCoaching");
  }

  @Test
  void perYearASecondAwardToTheSameTeacherInTheYearIsRefused() throws Exception {
    importList("""
        year,subject,participant_code,surname,given_name,patronymic,birth_date,grade,place
        2026,химия,C-010,Белова,Анна,Петровна,2009-12-01,11,WINNER
        2026,химия,C-011,Зуев,Павел,,2010-01-15,11,PRIZE_WINNER
        """, "2027-01-20"); // the test configuration pays one award a teacher a year in 2026
    Case first = submit(claim(2026, "химия", "C-010", "WINNER", List.of(coach(1, "Орлова", "Елена", "Ивановна", 100))));
    operaton.awaitTask(first.instanceKey(), "Task_ConfirmCoaching");
    Case second = submit(claim(2026, "химия", "C-011", "PRIZE_WINNER",
        List.of(coach(2, "Петров", "Иван", "Сергеевич", 70), coach(1, "Орлова", "Елена", "Ивановна", 30))));
    operaton.awaitEnded(second.instanceKey());
    assertThat(jdbc.sql("SELECT refusal_reason FROM olympiad_claim WHERE id = ?").param(second.id()).query(String.class).single())
        .isEqualTo("педагог Орлова Елена Ивановна уже заявлен на поощрение за 2026 год, а поощрение выплачивается педагогу один раз в год");
  }

  @Test
  void whoConfirmedAClaimOfTheListCannotApproveTheList() throws Exception {
    importList(LIST_2027, "2027-01-20");
    Case c = submit(claim(2027, "физика", "P-003", "WINNER", List.of(coach(1, "Орлова", "Елена", "Ивановна", 100))));
    operaton.completeTask(c.instanceKey(), "Task_ConfirmCoaching", OFFICER, CONFIRM);
    operaton.awaitEntered(c.instanceKey(), "Event_ListApproved", 1);
    long list = startList(2027);
    operaton.completeTask(list, "Task_ApproveList", OFFICER, APPROVE);
    operaton.awaitPassed(list, "Boundary_SamePerson");
    operaton.awaitTasks(list, "Task_ApproveList", 1);
    assertThat(jdbc.sql("SELECT status, approved_by FROM olympiad_award_list").query().singleRow())
        .containsEntry("status", "COMPILED").containsEntry("approved_by", null);
    assertThat(ledger.entries(c.number())).isEmpty();

    operaton.completeTask(list, "Task_ApproveList", COMMISSION, APPROVE);
    operaton.awaitEnded(c.instanceKey());
    assertThat(jdbc.sql("SELECT approved_by FROM olympiad_award_list").query(String.class).single()).isEqualTo(COMMISSION);
    assertThat(ledger.entries(c.number())).hasSize(1);
  }

  @Test
  void aListTheCommissionDoesNotApprovePaysNothingAndItsClaimsGoIntoTheNextList() throws Exception {
    importList(LIST_2027, "2027-01-20");
    Case c = submit(claim(2027, "физика", "P-003", "WINNER", List.of(coach(1, "Орлова", "Елена", "Ивановна", 100))));
    operaton.completeTask(c.instanceKey(), "Task_ConfirmCoaching", OFFICER, CONFIRM);
    operaton.awaitEntered(c.instanceKey(), "Event_ListApproved", 1);
    long first = startList(2027);
    operaton.completeTask(first, "Task_ApproveList", COMMISSION, Map.of("listDecision", "REJECT", "listComment", "Уточнить доли"));
    operaton.awaitEnded(first);
    assertThat(operaton.passed(first, "EndEvent_ListRejected")).isTrue();
    assertThat(jdbc.sql("SELECT status, list_number FROM olympiad_claim").query().singleRow())
        .containsEntry("status", "CONFIRMED").containsEntry("list_number", null);
    assertThat(ledger.entries(c.number())).isEmpty();
    assertThat(operaton.ended(c.instanceKey())).as("the claim still waits for a list").isFalse();

    long second = startList(2027);
    operaton.completeTask(second, "Task_ApproveList", COMMISSION, APPROVE);
    operaton.awaitEnded(c.instanceKey());
    assertThat(ledger.entries(c.number())).extracting(PaymentLedger.Entry::amount).usingElementComparator(BigDecimal::compareTo)
        .containsExactly(new BigDecimal("100000"));
  }

  @Test
  void oneBadRowOfTheListImportsNothingAndAReImportReplacesTheSubject() throws Exception {
    String problem = mvc.perform(post("/api/olympiad-awards/results").param("publishedOn", "2027-01-20").contentType("text/csv")
            .content(LIST_2027.replace("P-003,Лебедев,Никита,Олегович,2010-09-30,11,WINNER", "P-003,Лебедев,Никита,Олегович,2010-09-30,11,THIRD"))
            .with(ApiUsers.hr()))
        .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(json.readTree(problem).get("errors").get(0).get("field").asText()).isEqualTo("results[3].place");
    assertThat(problem).contains("строка 5");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM olympiad_result").query(Integer.class).single()).isZero();

    importList(LIST_2027, "2027-01-20");
    importList("""
        year,subject,participant_code,surname,given_name,patronymic,birth_date,grade,place
        2027,физика,P-009,Лебедев,Никита,Олегович,2010-09-30,11,WINNER
        """, "2027-01-25");
    assertThat(jdbc.sql("SELECT participant_code FROM olympiad_result WHERE subject = 'физика'").query(String.class).list()).containsExactly("P-009");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM olympiad_result WHERE subject = 'математика'").query(Integer.class).single()).isEqualTo(2);
  }

  private void importList(String csv, String publishedOn) throws Exception {
    mvc.perform(post("/api/olympiad-awards/results").param("publishedOn", publishedOn).contentType("text/csv").content(csv).with(ApiUsers.hr()))
        .andExpect(status().isOk());
  }

  private long startList(int year) throws Exception {
    String response = mvc.perform(post("/api/olympiad-awards/lists").contentType(MediaType.APPLICATION_JSON).content("{\"year\":" + year + "}")
        .with(ApiUsers.hr())).andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    return json.readTree(response).get("processInstanceKey").asLong();
  }

  private Case submit(Map<String, Object> body) throws Exception {
    String response = mvc.perform(post("/api/olympiad-awards/claims").contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body))
        .with(ApiUsers.hr())).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    String number = json.readTree(response).get("caseNumber").asText();
    Map<String, Object> row = jdbc.sql("SELECT id, process_instance_key FROM olympiad_claim WHERE case_number = ?").param(number).query().singleRow();
    return new Case(number, ((Number) row.get("id")).longValue(), ((Number) row.get("process_instance_key")).longValue());
  }
}
