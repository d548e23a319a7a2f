package ru.kuzbass.edu.workflows.ruralgrant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import ru.kuzbass.edu.workflows.support.ApiUsers;
import ru.kuzbass.edu.workflows.support.ProcessTest;

/** The intake API: what it accepts, what it refuses, and that a refusal writes nothing and starts no instance. */
class RuralGrantApiTest extends ProcessTest {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  /** The engine's history outlives each test; instances are counted from here. */
  private long instancesBefore;

  @BeforeEach
  void countInstancesAndListTheSchool() {
    instancesBefore = instancesEver();
    RuralGrantFixtures.seedSchool(jdbc, 9_800);
  }

  @Test
  void validApplicationGetsACaseNumberAndAStatusUrl() throws Exception {
    MvcResult result = submit(json.writeValueAsString(RuralGrantFixtures.application()))
        .andExpect(status().isCreated())
        .andExpect(header().exists("Location"))
        .andReturn();
    JsonNode body = read(result);
    String number = body.get("caseNumber").asText();
    assertThat(number).matches("ЗУ-2027-\\d{6}");
    assertThat(body.get("statusUrl").asText()).isEqualTo(result.getResponse().getHeader("Location"));

    String token = body.get("statusToken").asText();
    assertThat(token).hasSizeGreaterThanOrEqualTo(24);
    assertThat(jdbc.sql("SELECT status_token_hash FROM rural_grant_application").query(String.class).single())
        .as("only the token's hash is stored").isEqualTo(ru.kuzbass.edu.workflows.platform.CaseTokens.hash(token)).isNotEqualTo(token);

    // the number alone opens nothing, nor does a wrong token: both look like an unknown case
    mvc.perform(get("/api/rural-grants/applications/{n}", number)).andExpect(status().isNotFound());
    mvc.perform(get("/api/rural-grants/applications/{n}", number).header("X-Case-Token", token + "x")).andExpect(status().isNotFound());
    mvc.perform(post("/api/rural-grants/applications/{n}/documents-supplemented", number)).andExpect(status().isNotFound());
    mvc.perform(get("/api/rural-grants/applications/{n}", number).with(ApiUsers.hr())).andExpect(status().isOk());
    mvc.perform(post("/api/rural-grants/applications/{n}/departure", number).contentType(MediaType.APPLICATION_JSON)
        .content("{\"departureDate\":\"2027-02-01\"}").header("X-Case-Token", token)).andExpect(status().isUnauthorized());
    JsonNode status = read(mvc.perform(get("/api/rural-grants/applications/{n}", number).header("X-Case-Token", token))
        .andExpect(status().isOk()).andReturn());
    // the workers may already have run: no vacancy is listed
    assertThat(status.get("status").asText()).isIn("ELIGIBILITY_CHECK", "REJECTED");
    assertThat(status.get("statusText").asText()).isIn(
        "Заявление принято, проверяется соответствие условиям программы", "Отказано в предоставлении выплаты, дело закрыто");
    assertThat(status.get("history").get(0).get("statusText").asText()).isEqualTo("Заявление принято");
    assertThat(status.toString()).doesNotContain("11223344595", "Кузнецова", "anna.kuznetsova", "+7 913");
  }

  @Test
  void personalDataNeverReachesTheEngine() throws Exception {
    RuralGrantFixtures.seedVacancy(jdbc, 2027);
    submit(json.writeValueAsString(RuralGrantFixtures.application())).andExpect(status().isCreated());
    long instance = jdbc.sql("SELECT process_instance_key FROM rural_grant_application").query(Long.class).single();
    operaton.awaitTask(instance, "Task_CheckDocuments"); // the automated steps and the eligibility table have run
    String variables = operaton.engine().getHistoryService().createHistoricDetailQuery().variableUpdates()
        .processInstanceId(Long.toString(instance)).list().stream()
        .map(d -> (org.operaton.bpm.engine.history.HistoricVariableUpdate) d)
        .map(d -> d.getVariableName() + "=" + d.getValue())
        .reduce("", String::concat);
    assertThat(variables).contains("caseNumber", "applicantAge=32", "ineligibilityCodes=").doesNotContain("11223344595", "112-233-445", "Кузнецова", "Анна", "anna.kuznetsova", "555-12-34", "Кемерово", "1994-05-17");
  }

  static Stream<Arguments> badApplications() {
    return Stream.of(
        bad("applicant.surname", b -> RuralGrantFixtures.part(b, "applicant").remove("surname")),
        bad("applicant.surname", b -> RuralGrantFixtures.part(b, "applicant").put("surname", "Кузнец0ва")),
        bad("applicant.surname", b -> RuralGrantFixtures.part(b, "applicant").put("surname", "Кузне\u200Bцова")),
        bad("applicant.snils", b -> RuralGrantFixtures.part(b, "applicant").put("snils", "112-233-445 96")),
        bad("applicant.snils", b -> RuralGrantFixtures.part(b, "applicant").put("snils", "12345")),
        bad("applicant.email", b -> RuralGrantFixtures.part(b, "applicant").put("email", "не-почта")),
        bad("applicant.phone", b -> RuralGrantFixtures.part(b, "applicant").put("phone", "звоните")),
        bad("applicant.birthDate", b -> RuralGrantFixtures.part(b, "applicant").put("birthDate", "2015-03-01")),
        bad("applicant.birthDate", b -> RuralGrantFixtures.part(b, "applicant").put("birthDate", "1890-03-01")),
        bad("applicant.birthDate", b -> RuralGrantFixtures.part(b, "applicant").put("birthDate", "17.05.1994")),
        bad("school", b -> b.remove("school")),
        bad("school.code", b -> RuralGrantFixtures.part(b, "school").put("code", "<script>")),
        // the directory, not the applicant, says where the school is and how many live there: such fields are refused
        bad("school.settlement", b -> RuralGrantFixtures.part(b, "school").put("settlement",
            Map.of("name", "Ижморский", "type", "VILLAGE", "population", 900))),
        bad("school.municipality", b -> RuralGrantFixtures.part(b, "school").put("municipality", "Ижморский муниципальный округ")),
        bad("previousSettlement", b -> b.remove("previousSettlement")),
        bad("previousSettlement.name", b -> RuralGrantFixtures.part(b, "previousSettlement").put("name", " ")),
        bad("previousSettlement.municipality", b -> RuralGrantFixtures.part(b, "previousSettlement").remove("municipality")),
        bad("weeklyLoadHours", b -> b.put("weeklyLoadHours", "много")),
        bad("weeklyLoadHours", b -> b.put("weeklyLoadHours", 0)),
        bad("position", b -> b.put("position", " ")),
        bad("previousResidence", b -> b.remove("previousResidence")),
        bad("personalDataConsent", b -> b.put("personalDataConsent", false)),
        bad("personalDataConsent", b -> b.remove("personalDataConsent")));
  }

  private static Arguments bad(String field, Consumer<Map<String, Object>> change) {
    return Arguments.of(field, change);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badApplications")
  void badInputIsRefusedNamingTheFieldAndWritesNothing(String field, Consumer<Map<String, Object>> change) throws Exception {
    Map<String, Object> body = RuralGrantFixtures.application();
    change.accept(body);
    JsonNode problem = read(submit(json.writeValueAsString(body))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andReturn());
    assertThat(problem.get("errors")).extracting(e -> e.get("field").asText()).contains(field);
    assertThat(problem.get("errors").get(0).get("message").asText()).matches(".*[а-яА-Я].*");
    assertNothingWritten();
  }

  @Test
  void aSchoolMissingFromTheDirectoryIsRefusedNamingTheCode() throws Exception {
    Map<String, Object> body = RuralGrantFixtures.application();
    RuralGrantFixtures.part(body, "school").put("code", "SCH-0000");
    JsonNode problem = read(submit(json.writeValueAsString(body)).andExpect(status().isBadRequest()).andReturn());
    assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("school.code");
    assertThat(problem.get("errors").get(0).get("message").asText()).isEqualTo("Школа с кодом SCH-0000 не найдена в справочнике школ");
    assertNothingWritten();
  }

  @Test
  void malformedJsonIsRefusedAndWritesNothing() throws Exception {
    JsonNode problem = read(submit("{\"applicant\": {\"surname\": \"Кузнецова\",").andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).andReturn());
    assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("body");
    assertNothingWritten();
  }

  @Test
  void secondApplicationWithTheSameSnilsInTheYearIsAConflict() throws Exception {
    submit(json.writeValueAsString(RuralGrantFixtures.application())).andExpect(status().isCreated());
    Map<String, Object> again = RuralGrantFixtures.application();
    RuralGrantFixtures.part(again, "applicant").put("snils", "11223344595"); // same SNILS, written without separators
    RuralGrantFixtures.part(again, "applicant").put("email", "other@example.ru");
    JsonNode problem = read(submit(json.writeValueAsString(again)).andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).andReturn());
    assertThat(problem.get("detail").asText()).contains("СНИЛС", "2027");
    assertThat(count("rural_grant_application")).isEqualTo(1);
    assertThat(jdbc.sql("SELECT email FROM person").query(String.class).single()).isEqualTo("anna.kuznetsova@example.ru");
    assertThat(instancesStarted()).isEqualTo(1);
  }

  @Test
  void unknownCaseIsNotFound() throws Exception {
    mvc.perform(get("/api/rural-grants/applications/{n}", "ЗУ-2027-999999"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void departureIsRefusedOutsideTheObligationAndWithoutADate() throws Exception {
    String number = read(submit(json.writeValueAsString(RuralGrantFixtures.application())).andReturn()).get("caseNumber").asText();
    mvc.perform(post("/api/rural-grants/applications/{n}/departure", number).with(ApiUsers.hr())
            .contentType(MediaType.APPLICATION_JSON).content("{\"departureDate\":\"2027-02-01\"}"))
        .andExpect(status().isConflict());
    JsonNode problem = read(mvc.perform(post("/api/rural-grants/applications/{n}/departure", number).with(ApiUsers.hr())
            .contentType(MediaType.APPLICATION_JSON).content("{}"))
        .andExpect(status().isBadRequest()).andReturn());
    assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("departureDate");
  }

  private org.springframework.test.web.servlet.ResultActions submit(String body) throws Exception {
    return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/rural-grants/applications")
        .contentType(MediaType.APPLICATION_JSON).content(body));
  }

  private JsonNode read(MvcResult result) throws Exception {
    return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
  }

  private void assertNothingWritten() {
    assertThat(count("person")).isZero();
    assertThat(count("rural_grant_application")).isZero();
    assertThat(count("case_event")).isZero();
    assertThat(instancesStarted()).isZero();
  }

  private long instancesStarted() {
    return instancesEver() - instancesBefore;
  }

  private long instancesEver() {
    return operaton.engine().getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(RuralGrantService.PROCESS_ID)
        .count();
  }

  private int count(String table) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single();
  }
}
