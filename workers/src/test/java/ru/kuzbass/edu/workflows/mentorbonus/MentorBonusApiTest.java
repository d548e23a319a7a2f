package ru.kuzbass.edu.workflows.mentorbonus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import ru.kuzbass.edu.workflows.engine.CompletedTasks;
import org.operaton.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import ru.kuzbass.edu.workflows.letters.LetterService;
import ru.kuzbass.edu.workflows.letters.SchoolDirectory;
import ru.kuzbass.edu.workflows.mail.MailService;
import ru.kuzbass.edu.workflows.people.PersonService;
import ru.kuzbass.edu.workflows.people.TeacherService;
import ru.kuzbass.edu.workflows.platform.CaseHistory;
import ru.kuzbass.edu.workflows.support.ApiUsers;
import ru.kuzbass.edu.workflows.support.ProcessTest;

/** The nomination API: what it refuses, naming the field, without writing anything. */
class MentorBonusApiTest extends ProcessTest {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired BudgetEnvelopes budget;
  @Autowired MentoringProperties properties;
  @Autowired MentorBonusRepository nominations;
  @Autowired CaseHistory history;
  @Autowired TeacherService teachers;
  @Autowired PersonService people;
  @Autowired LetterService letters;
  @Autowired SchoolDirectory schools;
  @Autowired MailService mail;
  @Autowired RuntimeService runtime;
  @Autowired CompletedTasks completedTasks;
  @Autowired TransactionTemplate transaction;

  @BeforeEach
  void loadEnvelopes() {
    budget.loadConfiguredTotals();
  }

  static Stream<Arguments> badNominations() {
    return Stream.of(
        bad("mentees", b -> b.put("mentees", List.of())),
        bad("mentor.snils", b -> MentorBonusFixtures.part(b, "mentor").put("snils", "200-300-400 49")),
        bad("mentor.qualificationCategory", b -> MentorBonusFixtures.part(b, "mentor").put("qualificationCategory", "SUPREME")),
        bad("mentor.experienceYears", b -> MentorBonusFixtures.part(b, "mentor").put("experienceYears", -1)),
        bad("mentees[0].snils", b -> MentorBonusFixtures.mentee(b, 0).put("snils", "200-300-400 48")),
        bad("mentees[0].email", b -> MentorBonusFixtures.mentee(b, 0).put("email", "нет")),
        bad("school.email", b -> MentorBonusFixtures.part(b, "school").put("email", "school")),
        bad("plan.endDate", b -> MentorBonusFixtures.part(b, "plan").put("endDate", "2027-08-01")),
        bad("plan.endDate", b -> MentorBonusFixtures.part(b, "plan").put("endDate", "2030-09-01")),
        bad("plan.startDate", b -> MentorBonusFixtures.part(b, "plan").put("startDate", "01.09.2027")),
        bad("fundingSource", b -> b.put("fundingSource", "FEDERAL")),
        bad("fundingSource", b -> b.put("fundingSource", "drop table")),
        // the sources name the regional budget only: a municipal one is refused while the setting is off (the default)
        bad("fundingSource", b -> b.put("fundingSource", "MUNICIPAL")),
        // 2028's act (application-test.yml) caps the plan at 12 months: 1 Sep 2028 to 1 Sep 2029 is 12 full months
        bad("plan.endDate", b -> MentorBonusFixtures.part(b, "plan").putAll(Map.of("startDate", "2028-09-01", "endDate", "2029-09-01"))));
  }

  private static Arguments bad(String field, Consumer<Map<String, Object>> change) {
    return Arguments.of(field, change);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badNominations")
  void badInputIsRefusedNamingTheField(String field, Consumer<Map<String, Object>> change) throws Exception {
    Map<String, Object> body = MentorBonusFixtures.nomination();
    change.accept(body);
    String response = mvc.perform(post("/api/mentoring/nominations").contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)).with(ApiUsers.hr()))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    JsonNode problem = json.readTree(response);
    assertThat(problem.get("errors")).extracting(e -> e.get("field").asText()).contains(field);
    for (String table : List.of("person", "teacher", "mentoring_nomination", "mentoring_mentee", "case_event")) {
      assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single()).as(table).isZero();
    }
  }

  @Test
  void aMunicipalSourceIsRefusedNamingTheRegionalBudget() throws Exception {
    Map<String, Object> body = MentorBonusFixtures.nomination();
    body.put("fundingSource", "MUNICIPAL");
    JsonNode problem = json.readTree(mvc.perform(post("/api/mentoring/nominations").contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(body)).with(ApiUsers.hr()))
        .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    assertThat(problem.get("errors").get(0).get("message").asText())
        .isEqualTo("Доплата за наставничество выплачивается из областного бюджета; источник «местный бюджет» не предусмотрен");
  }

  /**
   * With municipal funding switched on (a region whose act provides for it), a municipal nomination
   * is taken as before. The application's own settings keep it off, so the service is built here
   * over the application's beans with the setting on and a municipal envelope for the year, and
   * called in a transaction as its proxy would.
   */
  @Test
  void aMunicipalSourceIsAcceptedWhenTheSettingIsOn() throws Exception {
    MentoringProperties p = properties;
    MentoringProperties on = new MentoringProperties(p.caseNumberPrefix(), p.correctionWaitDays(), p.budgetRetryInterval(), true,
        p.defaults(), p.years(), Map.of(2027, Map.of("MUNICIPAL", new BigDecimal("147600"))), p.fundingSourceNames());
    MentorBonusService service = new MentorBonusService(nominations, history, on, teachers, people, budget, letters, schools, mail, runtime,
        completedTasks, clock);
    Map<String, Object> body = MentorBonusFixtures.nomination();
    body.put("fundingSource", "MUNICIPAL");
    MentorBonusService.Submitted submitted = transaction.execute(t -> service.nominate(json.convertValue(body, NominationRequest.class)));
    assertThat(jdbc.sql("SELECT funding_source FROM mentoring_nomination WHERE case_number = ?").param(submitted.caseNumber())
        .query(String.class).single()).isEqualTo("MUNICIPAL");
  }

  /** The same plan length as the refused one above, one day shorter: 1 Sep 2028 to 31 Aug 2029 touches 12 months and is taken. */
  @Test
  void aPlanAtTheYearsCapIsTaken() throws Exception {
    Map<String, Object> body = MentorBonusFixtures.nomination();
    MentorBonusFixtures.part(body, "plan").putAll(Map.of("startDate", "2028-09-01", "endDate", "2029-08-31"));
    mvc.perform(post("/api/mentoring/nominations").contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body))
        .with(ApiUsers.hr())).andExpect(status().isCreated());
  }

  @Test
  void payrollMonthMustBeAMonth() throws Exception {
    String response = mvc.perform(get("/api/mentoring/payroll/{m}", "сентябрь").with(ApiUsers.hr())).andExpect(status().isBadRequest())
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(json.readTree(response).get("errors").get(0).get("field").asText()).isEqualTo("month");
  }

  @Test
  void terminationIsRefusedUnlessMentoringRuns() throws Exception {
    String response = mvc.perform(post("/api/mentoring/nominations").contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(MentorBonusFixtures.nomination())).with(ApiUsers.hr()))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    String number = json.readTree(response).get("caseNumber").asText();
    assertThat(number).matches("НС-2027-\\d{6}");
    mvc.perform(post("/api/mentoring/nominations/{n}/termination", number).contentType(MediaType.APPLICATION_JSON)
            .content("{\"endDate\":\"2027-10-01\",\"reason\":\"уход\"}").with(ApiUsers.hr()))
        .andExpect(status().isConflict());
    mvc.perform(get("/api/mentoring/nominations/{n}", "НС-2027-999999").with(ApiUsers.hr())).andExpect(status().isNotFound());
  }
}
