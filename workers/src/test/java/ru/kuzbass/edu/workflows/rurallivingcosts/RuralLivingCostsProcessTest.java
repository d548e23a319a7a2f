package ru.kuzbass.edu.workflows.rurallivingcosts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.history.HistoricVariableInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import ru.kuzbass.edu.workflows.payments.PaymentLedger;
import ru.kuzbass.edu.workflows.platform.CaseTokens;
import ru.kuzbass.edu.workflows.ruralgrant.RuralGrantFixtures;
import ru.kuzbass.edu.workflows.support.ApiUsers;
import ru.kuzbass.edu.workflows.support.Mailbox;
import ru.kuzbass.edu.workflows.support.Mailbox.Letter;
import ru.kuzbass.edu.workflows.support.PdfAssertions;
import ru.kuzbass.edu.workflows.support.ProcessTest;
import ru.kuzbass.edu.workflows.support.SharedMailServer;

/**
 * Both processes of the living-cost compensation on the embedded engine: the application through
 * the API, the eligibility table, HR's confirmation in Tasklist, monthly claims with receipts, the
 * officer's check, the ledger, the letters read back from the mail, the yearly re-confirmation and
 * the summary. The test year 2028 sets a cap on heating (application-test.yml).
 */
class RuralLivingCostsProcessTest extends ProcessTest {

  static final String VILLAGE = "IZH-S-01";
  /** A town of exactly the default bound of a small settlement (50 000): eligible. */
  static final String SMALL_TOWN = "IZH-S-02";
  /** One inhabitant more: not small. */
  static final String LARGE_TOWN = "IZH-S-03";
  static final String EMAIL = RuralLivingCostsFixtures.EMAIL;
  static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired PaymentLedger ledger;
  @Autowired ClaimService claims;
  @Autowired RuralLivingCostsProperties properties;

  record Enrolled(String number, String token, long instanceKey) {}

  @BeforeEach
  void directories() {
    RuralGrantFixtures.seedSchool(jdbc, 9_800);
    settlement(VILLAGE, "Почитанка", "VILLAGE", 800);
    settlement(SMALL_TOWN, "Малый город", "TOWN", 50_000);
    settlement(LARGE_TOWN, "Большой город", "TOWN", 50_001);
  }

  // ---------------------------------------------------------------- enrolment

  @Test
  void aTeacherLivingInATownOfExactlyTheBoundIsEnrolledOnceHrConfirms() throws Exception {
    Enrolled e = apply(1, SMALL_TOWN, "Учитель математики");
    operaton.completeTask(e.instanceKey(), "Task_ConfirmEmployment", HR_OFFICER, Map.of("employmentConfirmed", "CONFIRMED"));
    awaitPassed(e.instanceKey(), "Task_SendEnrolmentLetter");

    Letter letter = Mailbox.single(Mailbox.to(EMAIL));
    assertThat(letter.subject()).contains("назначении компенсации", e.number());
    PdfAssertions.assertPdfA2b(letter.pdf());
    assertThat(letter.pdfText()).contains("Уважаемая Ольга Ивановна!", "назначена полная компенсация", "с 1 февраля 2027 г.",
        "наём или содержание жилья, отопление", "не позднее чем через 6 мес.", "каждые 12 мес.", "Малый город", "Основание:");
    JsonNode status = caseStatus(e);
    assertThat(status.get("status").asText()).isEqualTo("ENROLLED");
    assertThat(status.get("enrolledOn").asText()).isEqualTo("2027-02-01");
    assertThat(jdbc.sql("SELECT active_person_id IS NOT NULL FROM living_cost_enrolment").query(Boolean.class).single()).isTrue();
    operaton.awaitEntered(e.instanceKey(), "Gateway_ReconfirmationOrDeparture", 1);
    assertThat(variable(e.instanceKey(), "reconfirmationDueAt")).isEqualTo("2028-02-01T00:00+07:00");
    assertPlainVariables(e.instanceKey());
    operaton.assertAuditTrailComplete(jdbc, e.instanceKey());
  }

  @Test
  void aTownOfOneInhabitantAboveTheBoundIsRefusedWithTheReasonInTheLetter() throws Exception {
    Enrolled e = apply(2, LARGE_TOWN, "Учитель физики");
    awaitCompleted(e.instanceKey());
    assertThat(operaton.passed(e.instanceKey(), "EndEvent_Refused")).isTrue();
    assertThat(operaton.passed(e.instanceKey(), "Task_ConfirmEmployment")).isFalse();
    assertThat(variable(e.instanceKey(), "ineligibilityCodes")).isEqualTo("RESIDENCE_POPULATION");
    Letter letter = Mailbox.single(Mailbox.to(EMAIL));
    PdfAssertions.assertPdfA2b(letter.pdf());
    assertThat(letter.pdfText()).contains("отказано", "Численность населения населённого пункта проживания превышает 50000 человек",
        "обжаловано");
    assertThat(caseStatus(e).get("status").asText()).isEqualTo("REFUSED");
  }

  @Test
  void aSecondApplicationWhileOneIsInForceIsRefusedAndSoIsANonTeachingPost() throws Exception {
    enrol(3, VILLAGE);
    SharedMailServer.get().purgeEmailFromAllMailboxes();
    Enrolled second = apply(3, VILLAGE, "Бухгалтер");
    awaitCompleted(second.instanceKey());
    assertThat(variable(second.instanceKey(), "ineligibilityCodes")).isEqualTo("NOT_TEACHING_POST,OTHER_ACTIVE_ENROLMENT");
    assertThat(Mailbox.single(Mailbox.to(EMAIL)).pdfText()).contains("не относится к должностям педагогических работников",
        "уже есть действующее или рассматриваемое назначение");
  }

  @Test
  void hrNotConfirmingTheEmploymentRefusesWithItsReason() throws Exception {
    Enrolled e = apply(4, VILLAGE, "Учитель истории");
    operaton.completeTask(e.instanceKey(), "Task_ConfirmEmployment", HR_OFFICER,
        Map.of("employmentConfirmed", "NOT_CONFIRMED", "hrRefusalReason", "трудовой договор расторгнут 15 января"));
    awaitCompleted(e.instanceKey());
    assertThat(operaton.passed(e.instanceKey(), "EndEvent_Refused")).isTrue();
    assertThat(Mailbox.single(Mailbox.to(EMAIL)).pdfText()).contains("кадровая служба не подтвердила работу в школе: трудовой договор расторгнут 15 января");
  }

  // ---------------------------------------------------------------- monthly claims

  @Test
  void aClaimAcceptedInFullIsPaidOnceEvenWhenItsStepsRunAgainAndTheMonthCannotBeClaimedTwice() throws Exception {
    Enrolled e = enrol(5, VILLAGE);
    String claim = claimNumber(submitClaim(e, "2027-02", Map.of("housing", "12000.50", "heating", "3200"), file("r.pdf", PDF),
        file("r.png", PNG)).andExpect(status().isCreated()));
    long instance = claimInstance(claim);
    assertThat(operaton.taskVariables(operaton.awaitTask(instance, "Task_ReviewClaim")))
        .containsEntry("housingClaimed", "12 000,50 ₽").containsEntry("electricityClaimed", null);
    // the officer downloads a receipt as uploaded
    long receiptId = jdbc.sql("SELECT MIN(id) FROM living_cost_receipt").query(Long.class).single();
    byte[] downloaded = mvc.perform(get("/api/rural-living-costs/claims/" + claim + "/receipts/" + receiptId).with(ApiUsers.hr()))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    assertThat(downloaded).isEqualTo(PDF);

    operaton.completeTask(instance, "Task_ReviewClaim", "officer",
        Map.of("reviewOutcome", "DECIDED", "housingDecision", "ACCEPT", "heatingDecision", "ACCEPT"));
    awaitCompleted(instance);
    assertThat(operaton.passed(instance, "EndEvent_Paid")).isTrue();
    assertThat(ledger.entries(e.number())).singleElement()
        .satisfies(entry -> {
          assertThat(entry.kind()).isEqualTo("LIVING_COSTS:2027-02");
          assertThat(entry.amount()).isEqualByComparingTo("15200.50");
        });
    Letter notice = Mailbox.single(Mailbox.to(EMAIL).stream().filter(l -> l.subject().contains("выплате")).toList());
    PdfAssertions.assertPdfA2b(notice.pdf());
    assertThat(notice.pdfText()).contains("за февраль 2027 г.", "наём или содержание жилья: заявлено 12 000,50 ₽, принято 12 000,50 ₽",
        "отопление: заявлено 3 200 ₽, принято 3 200 ₽", "К выплате: 15 200,50 ₽");

    // the engine retrying the payment and the notice: no second entry, letter or e-mail
    int mails = SharedMailServer.received().length;
    long claimId = jdbc.sql("SELECT id FROM living_cost_claim WHERE case_number = ?").param(claim).query(Long.class).single();
    claims.recordDecision(claimId, Map.of(CostKind.HOUSING, new ClaimService.LineDecision(true, null),
        CostKind.HEATING, new ClaimService.LineDecision(true, null)));
    claims.sendLetter(claimId, LivingCostsLetterKind.PAYMENT);
    assertThat(ledger.entries(e.number())).hasSize(1);
    assertThat(SharedMailServer.received()).hasSize(mails);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM letter WHERE case_number = ?").param(claim).query(Integer.class).single()).isEqualTo(1);

    // the month is paid: a second claim for it is refused, naming the field
    String problem = submitClaim(e, "2027-02", Map.of("housing", "100"), file("r.pdf", PDF)).andExpect(status().isBadRequest())
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(json.readTree(problem).get("errors").get(0).get("field").asText()).isEqualTo("month");
    assertThat(problem).contains("уже выплачена");
    assertThat(caseStatus(e).get("claims").get(0).get("status").asText()).isEqualTo("PAID");
    operaton.assertAuditTrailComplete(jdbc, instance);
    assertPlainVariables(instance);
  }

  @Test
  void theYearsCapCutsALineAndARefusedLineCarriesItsReason() throws Exception {
    Enrolled e = enrol(6, VILLAGE);
    clock.advanceTo(OffsetDateTime.parse("2028-02-10T10:00:00+07:00"));
    String claim = claimNumber(submitClaim(e, "2028-01", Map.of("housing", "10000", "heating", "3200", "electricity", "900"),
        file("r.pdf", PDF)).andExpect(status().isCreated()));
    long instance = claimInstance(claim);
    operaton.completeTask(instance, "Task_ReviewClaim", "officer", Map.of("reviewOutcome", "DECIDED", "housingDecision", "ACCEPT",
        "heatingDecision", "ACCEPT", "electricityDecision", "REJECT", "electricityReason", "квитанция не читается"));
    awaitCompleted(instance);
    BigDecimal cap = properties.rules(2028).caps().get(CostKind.HEATING);
    assertThat(ledger.entries(e.number())).singleElement()
        .satisfies(entry -> assertThat(entry.amount()).isEqualByComparingTo(new BigDecimal("10000").add(cap)));
    String text = Mailbox.single(Mailbox.to(EMAIL).stream().filter(l -> l.subject().contains("выплате")).toList()).pdfText();
    assertThat(text).contains("отопление: заявлено 3 200 ₽, принято 2 500 ₽ (не более 2 500 ₽ в месяц)",
        "электроснабжение: заявлено 900 ₽, принято 0 ₽ (квитанция не читается)", "К выплате: 12 500 ₽");
  }

  @Test
  void aClaimRefusedInFullGetsARefusalLetterNoLedgerEntryAndTheMonthMayBeClaimedAgain() throws Exception {
    Enrolled e = enrol(14, VILLAGE);
    String claim = claimNumber(submitClaim(e, "2027-02", Map.of("electricity", "900"), file("r.pdf", PDF)).andExpect(status().isCreated()));
    long instance = claimInstance(claim);
    operaton.completeTask(instance, "Task_ReviewClaim", "officer",
        Map.of("reviewOutcome", "DECIDED", "electricityDecision", "REJECT", "electricityReason", "квитанция за другой адрес"));
    awaitCompleted(instance);
    assertThat(operaton.passed(instance, "EndEvent_ClaimRejected")).isTrue();
    assertThat(ledger.entries(e.number())).isEmpty();
    Letter refusal = Mailbox.single(Mailbox.to(EMAIL).stream().filter(l -> l.subject().contains("отказе")).toList());
    PdfAssertions.assertPdfA2b(refusal.pdf());
    assertThat(refusal.pdfText()).contains("В компенсации отказано", "электроснабжение: заявлено 900 ₽, принято 0 ₽ (квитанция за другой адрес)",
        "обжаловано");
    submitClaim(e, "2027-02", Map.of("electricity", "900"), file("r2.pdf", PDF)).andExpect(status().isCreated());
    assertThat(caseStatus(e).get("claims")).extracting(c -> c.get("status").asText()).containsExactly("REJECTED", "SUBMITTED");
  }

  @Test
  void aCorrectionAskedForIsResubmittedAndThenPaid() throws Exception {
    Enrolled e = enrol(7, VILLAGE);
    String claim = claimNumber(submitClaim(e, "2027-02", Map.of("heating", "4100"), file("r.pdf", PDF)).andExpect(status().isCreated()));
    long instance = claimInstance(claim);
    operaton.completeTask(instance, "Task_ReviewClaim", "officer",
        Map.of("reviewOutcome", "CORRECTION", "correctionNote", "Сумма не совпадает с квитанцией"));
    awaitPassed(instance, "Task_RequestCorrection");
    Letter ask = Mailbox.single(Mailbox.to(EMAIL).stream().filter(l -> l.subject().contains("исправьте")).toList());
    assertThat(ask.body()).contains("Сумма не совпадает с квитанцией");

    MockMultipartHttpServletRequestBuilder put = multipart(HttpMethod.PUT, "/api/rural-living-costs/claims/" + claim);
    put.file(file("r2.pdf", PDF)).param("month", "2027-02").param("heating", "4000").header(CaseTokens.HEADER, e.token());
    mvc.perform(put).andExpect(status().isAccepted());
    assertThat(operaton.taskVariables(operaton.awaitTask(instance, "Task_ReviewClaim"))).containsEntry("heatingClaimed", "4 000 ₽");
    operaton.completeTask(instance, "Task_ReviewClaim", "officer", Map.of("reviewOutcome", "DECIDED", "heatingDecision", "ACCEPT"));
    awaitCompleted(instance);
    assertThat(ledger.entries(e.number())).singleElement().satisfies(entry -> assertThat(entry.amount()).isEqualByComparingTo("4000"));
  }

  @Test
  void aClaimNotCorrectedInTimeIsRefusedInFullAndALateCorrectionIsRefused() throws Exception {
    Enrolled e = enrol(16, VILLAGE);
    String claim = claimNumber(submitClaim(e, "2027-02", Map.of("heating", "4100"), file("r.pdf", PDF)).andExpect(status().isCreated()));
    long instance = claimInstance(claim);
    operaton.completeTask(instance, "Task_ReviewClaim", "officer", Map.of("reviewOutcome", "CORRECTION", "correctionNote", "Нужна квитанция"));
    awaitActivated(instance, "Task_AwaitCorrection", 1);
    // 30 days (correction-wait-days) from 1 February, to the end of that day in the region
    assertThat(properties.correctionWaitDays()).isEqualTo(30);
    assertThat(variable(instance, "correctionDueAt")).isEqualTo("2027-03-03T23:59:59+07:00");
    assertThat(Mailbox.single(Mailbox.to(EMAIL).stream().filter(l -> l.subject().contains("исправьте")).toList()).body())
        .contains("до 3 марта 2027 г. включительно");
    clock.advanceTo(OffsetDateTime.parse("2027-03-04T00:00:01+07:00"));
    awaitCompleted(instance);
    assertThat(operaton.passed(instance, "Task_RejectOverdueClaim")).isTrue();
    assertThat(operaton.passed(instance, "EndEvent_ClaimRejected")).isTrue();
    assertThat(ledger.entries(e.number())).isEmpty();
    assertThat(Mailbox.single(Mailbox.to(EMAIL).stream().filter(l -> l.subject().contains("отказе")).toList()).pdfText())
        .contains("отопление: заявлено 4 100 ₽, принято 0 ₽ (исправленная заявка не представлена в установленный срок)");
    MockMultipartHttpServletRequestBuilder late = multipart(HttpMethod.PUT, "/api/rural-living-costs/claims/" + claim);
    late.file(file("r2.pdf", PDF)).param("month", "2027-02").param("heating", "4000").header(CaseTokens.HEADER, e.token());
    mvc.perform(late).andExpect(status().isConflict());
    operaton.assertAuditTrailComplete(jdbc, instance);
  }

  @Test
  void aClaimOlderThanTheLimitIsRefusedAndOneAtTheLimitIsTaken() throws Exception {
    Enrolled e = enrol(8, VILLAGE);
    assertThat(properties.rules(2027).claimAgeLimitMonths()).isEqualTo(6);
    clock.advanceTo(OffsetDateTime.parse("2027-08-20T10:00:00+07:00"));
    // August minus 6 months is February: still taken; January is before the enrolment
    assertThat(problem(submitClaim(e, "2027-01", Map.of("housing", "100"), file("r.pdf", PDF))))
        .contains("\"field\":\"month\"", "Компенсация назначена с 1 февраля 2027 г.");
    submitClaim(e, "2027-02", Map.of("housing", "100"), file("r.pdf", PDF)).andExpect(status().isCreated());
    // in September, February is past the limit and March is the oldest month taken
    clock.advanceTo(OffsetDateTime.parse("2027-09-01T10:00:00+07:00"));
    assertThat(problem(submitClaim(e, "2027-02", Map.of("heating", "100"), file("r.pdf", PDF))))
        .contains("\"field\":\"month\"", "Срок подачи заявки за февраль 2027 г. истёк");
    submitClaim(e, "2027-03", Map.of("housing", "100"), file("r.pdf", PDF)).andExpect(status().isCreated());
    // a month not over yet cannot be claimed
    assertThat(problem(submitClaim(e, "2027-10", Map.of("housing", "100"), file("r.pdf", PDF)))).contains("прошедший или текущий месяц");
  }

  @Test
  void badUploadsAreRefusedNamingTheFieldAndNothingIsStored() throws Exception {
    Enrolled e = enrol(9, VILLAGE);
    String notAReceipt = submitClaim(e, "2027-02", Map.of("housing", "100"), file("receipt.pdf", "just text".getBytes(StandardCharsets.UTF_8)))
        .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(notAReceipt).contains("\"field\":\"receipts[0]\"", "не является документом PDF или изображением JPEG или PNG");
    byte[] big = Arrays.copyOf(PDF, (int) properties.receiptMaxSize().toBytes() + 1);
    String tooBig = submitClaim(e, "2027-02", Map.of("housing", "100"), file("a.pdf", PDF), file("b.pdf", big))
        .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(tooBig).contains("\"field\":\"receipts[1]\"", "больше допустимого размера (5 МБ)");
    String none = submitClaim(e, "2027-02", Map.of("housing", "100")).andExpect(status().isBadRequest())
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(none).contains("\"field\":\"receipts\"");
    String badAmount = submitClaim(e, "2027-02", Map.of("housing", "-5"), file("a.pdf", PDF)).andExpect(status().isBadRequest())
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(badAmount).contains("\"field\":\"housing\"");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM living_cost_claim").query(Integer.class).single()).isZero();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM living_cost_receipt").query(Integer.class).single()).isZero();
    // without the enrolment's token nobody claims
    MockMultipartHttpServletRequestBuilder anonymous = multipart("/api/rural-living-costs/enrolments/" + e.number() + "/claims");
    anonymous.file(file("a.pdf", PDF)).param("month", "2027-02").param("housing", "100");
    mvc.perform(anonymous).andExpect(status().isNotFound());
  }

  // ---------------------------------------------------------------- re-confirmation and the summary

  @Test
  void aMoveToAnIneligibleSettlementAtTheYearlyReconfirmationEndsTheEnrolmentFromThatMonthWithALetter() throws Exception {
    Enrolled e = enrol(10, VILLAGE);
    awaitActivated(e.instanceKey(), "Gateway_ReconfirmationOrDeparture", 1);
    clock.advanceTo(OffsetDateTime.parse("2028-02-01T09:00:00+07:00"));
    operaton.completeTask(e.instanceKey(), "Task_Reconfirm", "school.coordinator",
        Map.of("employmentStatus", "EMPLOYED", "residenceSettlementCode", LARGE_TOWN, "changeDate", "2028-01-20"));
    awaitPassed(e.instanceKey(), "Task_EndEnrolment");
    awaitCompleted(e.instanceKey());
    assertThat(operaton.passed(e.instanceKey(), "EndEvent_EnrolmentEnded")).isTrue();
    JsonNode status = caseStatus(e);
    assertThat(status.get("status").asText()).isEqualTo("ENDED");
    assertThat(status.get("endedOn").asText()).isEqualTo("2028-01-01");
    Letter ending = Mailbox.single(Mailbox.to(EMAIL).stream().filter(l -> l.subject().contains("прекращении")).toList());
    PdfAssertions.assertPdfA2b(ending.pdf());
    assertThat(ending.pdfText()).contains("прекращается с 1 января 2028 г. по следующим основаниям",
        "Численность населения населённого пункта проживания превышает 50000 человек");
    // the month it ended from cannot be claimed; the one before can
    submitClaim(e, "2028-01", Map.of("housing", "100"), file("r.pdf", PDF)).andExpect(status().isBadRequest());
    submitClaim(e, "2027-12", Map.of("housing", "100"), file("r.pdf", PDF)).andExpect(status().isCreated());
    assertThat(jdbc.sql("SELECT active_person_id IS NULL FROM living_cost_enrolment").query(Boolean.class).single()).isTrue();
  }

  @Test
  void aDepartureGivenAtTheReconfirmationEndsTheEnrolment() throws Exception {
    Enrolled e = enrol(15, VILLAGE);
    awaitActivated(e.instanceKey(), "Gateway_ReconfirmationOrDeparture", 1);
    clock.advanceTo(OffsetDateTime.parse("2028-02-01T09:00:00+07:00"));
    operaton.completeTask(e.instanceKey(), "Task_Reconfirm", "school.coordinator",
        Map.of("employmentStatus", "DEPARTED", "changeDate", "2027-12-28"));
    awaitCompleted(e.instanceKey());
    assertThat(variable(e.instanceKey(), "ineligibilityCodes")).isEqualTo("NOT_EMPLOYED");
    assertThat(caseStatus(e).get("endedOn").asText()).isEqualTo("2027-12-01");
    assertThat(Mailbox.single(Mailbox.to(EMAIL).stream().filter(l -> l.subject().contains("прекращении")).toList()).pdfText())
        .contains("прекращается с 1 декабря 2027 г.", "по следующим основаниям:", "Педагог не работает в школе");
  }

  @Test
  void aDepartureReportedBetweenReconfirmationsEndsTheEnrolmentFromItsMonth() throws Exception {
    Enrolled e = enrol(13, VILLAGE);
    awaitActivated(e.instanceKey(), "Gateway_ReconfirmationOrDeparture", 1);
    clock.advanceTo(OffsetDateTime.parse("2027-06-10T10:00:00+07:00"));
    assertThat(problem(departure(e, "2027-06-11"))).contains("\"field\":\"departureDate\"", "в будущем");
    assertThat(problem(departure(e, "2027-01-31"))).contains("\"field\":\"departureDate\"");
    departure(e, "2027-05-15").andExpect(status().isAccepted());
    awaitCompleted(e.instanceKey());
    assertThat(operaton.passed(e.instanceKey(), "Event_DepartureReported")).isTrue();
    assertThat(operaton.passed(e.instanceKey(), "Task_Reconfirm")).isFalse();
    JsonNode status = caseStatus(e);
    assertThat(status.get("status").asText()).isEqualTo("ENDED");
    assertThat(status.get("endedOn").asText()).isEqualTo("2027-05-01");
    Letter ending = Mailbox.single(Mailbox.to(EMAIL).stream().filter(l -> l.subject().contains("прекращении")).toList());
    assertThat(ending.pdfText()).contains("прекращается с 1 мая 2027 г.", "по следующим основаниям:", "Педагог уволился из школы");
    // ended: nothing more to report
    departure(e, "2027-05-15").andExpect(status().isConflict());
  }

  @Test
  void aTeacherStillThereIsReconfirmedAndTheNextReconfirmationIsPlanned() throws Exception {
    Enrolled e = enrol(11, VILLAGE);
    awaitActivated(e.instanceKey(), "Gateway_ReconfirmationOrDeparture", 1);
    clock.advanceTo(OffsetDateTime.parse("2028-02-01T09:00:00+07:00"));
    operaton.completeTask(e.instanceKey(), "Task_Reconfirm", "school.coordinator", Map.of("employmentStatus", "EMPLOYED"));
    awaitActivated(e.instanceKey(), "Gateway_ReconfirmationOrDeparture", 2);
    assertThat(variable(e.instanceKey(), "reconfirmationDueAt")).isEqualTo("2029-02-01T00:00+07:00");
    assertThat(caseStatus(e).get("status").asText()).isEqualTo("ENROLLED");
  }

  @Test
  void theSummaryCountsTeachersClaimsAndSumsPerMunicipalityAsJsonAndCsv() throws Exception {
    Enrolled e = enrol(12, VILLAGE);
    long instance = claimInstance(claimNumber(submitClaim(e, "2027-02", Map.of("housing", "1000", "electricity", "250.25"),
        file("r.pdf", PDF)).andExpect(status().isCreated())));
    operaton.completeTask(instance, "Task_ReviewClaim", "officer",
        Map.of("reviewOutcome", "DECIDED", "housingDecision", "ACCEPT", "electricityDecision", "ACCEPT"));
    awaitCompleted(instance);

    JsonNode rows = json.readTree(mvc.perform(get("/api/rural-living-costs/summary?year=2027").with(ApiUsers.hr()))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    assertThat(rows).hasSize(1);
    JsonNode row = rows.get(0);
    assertThat(row.get("municipality").asText()).isEqualTo("Ижморский муниципальный округ");
    assertThat(row.get("enrolledTeachers").asInt()).isEqualTo(1);
    assertThat(row.get("claims").get("PAID").asInt()).isEqualTo(1);
    assertThat(row.get("claims").get("SUBMITTED").asInt()).isZero();
    assertThat(row.get("paid").get("HOUSING").decimalValue()).isEqualByComparingTo("1000");
    assertThat(row.get("paid").get("ELECTRICITY").decimalValue()).isEqualByComparingTo("250.25");
    assertThat(row.get("paidTotal").decimalValue()).isEqualByComparingTo("1250.25");
    String csv = mvc.perform(get("/api/rural-living-costs/summary?year=2027&format=csv").with(ApiUsers.hr()))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(csv.lines().toList()).containsExactly(
        "\uFEFFmunicipality,enrolled_teachers,claims_submitted,claims_correction_requested,claims_corrected,claims_paid,claims_rejected,"
            + "paid_housing,paid_heating,paid_electricity,paid_total",
        "\"Ижморский муниципальный округ\",1,0,0,0,1,0,1000.00,0.00,250.25,1250.25");
    assertThat(json.readTree(mvc.perform(get("/api/rural-living-costs/summary?year=2028").with(ApiUsers.hr()))
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).get(0).get("enrolledTeachers").asInt()).isEqualTo(1);
  }

  // ---------------------------------------------------------------- helpers

  private void settlement(String code, String name, String type, int population) {
    jdbc.sql("INSERT INTO settlement (code, name, municipality_code, type, population, imported_at) VALUES (?, ?, 'IZH', ?, ?, NOW(3))")
        .params(code, name, type, population).update();
  }

  private Enrolled apply(int serial, String settlementCode, String position) throws Exception {
    JsonNode response = json.readTree(mvc.perform(post("/api/rural-living-costs/enrolments").contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(RuralLivingCostsFixtures.application(serial, settlementCode, position))))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    String number = response.get("caseNumber").asText();
    long instance = jdbc.sql("SELECT process_instance_key FROM living_cost_enrolment WHERE case_number = ?").param(number)
        .query(Long.class).single();
    return new Enrolled(number, response.get("statusToken").asText(), instance);
  }

  private Enrolled enrol(int serial, String settlementCode) throws Exception {
    Enrolled e = apply(serial, settlementCode, "Учитель начальных классов");
    operaton.completeTask(e.instanceKey(), "Task_ConfirmEmployment", HR_OFFICER, Map.of("employmentConfirmed", "CONFIRMED"));
    awaitPassed(e.instanceKey(), "Task_SendEnrolmentLetter");
    return e;
  }

  private JsonNode caseStatus(Enrolled e) throws Exception {
    return json.readTree(mvc.perform(get("/api/rural-living-costs/enrolments/" + e.number()).header(CaseTokens.HEADER, e.token()))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
  }

  private static MockMultipartFile file(String name, byte[] content) {
    return new MockMultipartFile("receipts", name, "application/octet-stream", content);
  }

  private ResultActions submitClaim(Enrolled e, String month, Map<String, String> amounts, MockMultipartFile... files) throws Exception {
    MockMultipartHttpServletRequestBuilder request = multipart("/api/rural-living-costs/enrolments/" + e.number() + "/claims");
    for (MockMultipartFile f : files) {
      request.file(f);
    }
    request.param("month", month).header(CaseTokens.HEADER, e.token());
    amounts.forEach(request::param);
    return mvc.perform(request);
  }

  private ResultActions departure(Enrolled e, String date) throws Exception {
    return mvc.perform(post("/api/rural-living-costs/enrolments/" + e.number() + "/departure").with(ApiUsers.hr())
        .contentType(MediaType.APPLICATION_JSON).content("{\"departureDate\": \"" + date + "\"}"));
  }

  private static String problem(ResultActions refused) throws Exception {
    return refused.andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  private String claimNumber(ResultActions created) throws Exception {
    return json.readTree(created.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).get("caseNumber").asText();
  }

  private long claimInstance(String claimNumber) {
    return jdbc.sql("SELECT process_instance_key FROM living_cost_claim WHERE case_number = ?").param(claimNumber).query(Long.class).single();
  }

  private Object variable(long instance, String name) {
    return operaton.engine().getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(Long.toString(instance))
        .variableName(name).singleResult().getValue();
  }

  private void assertPlainVariables(long instance) {
    List<HistoricVariableInstance> variables = operaton.engine().getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(Long.toString(instance)).list();
    assertThat(variables).extracting(HistoricVariableInstance::getTypeName)
        .allMatch(type -> List.of("string", "integer", "long", "boolean", "null", "double").contains(type));
    assertThat(variables).extracting(HistoricVariableInstance::getName).doesNotContain("eligibleSettlementTypes", "decisionResult");
    Map<String, Object> values = new HashMap<>();
    variables.forEach(v -> values.put(v.getName(), v.getValue()));
    assertThat(values.values()).noneMatch(v -> String.valueOf(v).contains("Петрова") || String.valueOf(v).contains(EMAIL));
  }
}
