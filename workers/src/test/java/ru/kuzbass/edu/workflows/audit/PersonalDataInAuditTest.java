package ru.kuzbass.edu.workflows.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ru.kuzbass.edu.workflows.ruralgrant.RuralGrantFixtures;
import ru.kuzbass.edu.workflows.support.ProcessTest;

/**
 * Personal data in the audit output: masked by default, shown on an explicit request with a reason
 * that is itself logged, and anonymised by retention once every case of the person has been closed
 * long enough, with the chains still valid.
 */
class PersonalDataInAuditTest extends ProcessTest {

  /** What the commission typed: the applicant's name and phone, as people do. */
  private static final String REASON = "Кузнецова Анна не явилась на собеседование, телефон +7 913 555-12-34 не отвечает";

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired Retention retention;

  @Test
  void maskedUnlessAskedForWithAReasonAndAnonymisedWhenTheCaseHasBeenClosedLongEnough() throws Exception {
    RuralGrantFixtures.seedVacancy(jdbc, 2027);
    String closed = submit(RuralGrantFixtures.application());
    long closedInstance = instanceOf(closed);
    operaton.completeTask(closedInstance, "Task_CheckDocuments", HR_OFFICER, Map.of("documentCheckOutcome", "COMPLETE"));
    operaton.completeTask(closedInstance, "Task_DecideByCommission", "commission.chair",
        Map.of("commissionScore", 10, "commissionDecision", "REJECT", "commissionReason", REASON));
    operaton.awaitEnded(closedInstance);
    Map<String, Object> other = RuralGrantFixtures.application();
    RuralGrantFixtures.part(other, "applicant").putAll(Map.of("surname", "Петров", "name", "Иван", "patronymic", "Ильич",
        "snils", "087-654-303 00", "email", "petrov@example.ru"));
    String open = submit(other);

    // masked by default, in JSON and in CSV; no access is logged
    JsonNode masked = timeline(get("/api/audit/cases/{n}", closed));
    assertThat(masked.get("personalDataShown").asBoolean()).isFalse();
    assertThat(masked.toString()).doesNotContain("Кузнецова", "Анна", "555-12-34", "11223344595")
        .contains("К*** А*** не явилась", "телефон *** не отвечает");
    assertThat(masked.at("/subjects/0/name").asText()).isEqualTo("К*** А*** С***");
    assertThat(masked.at("/subjects/0/snils").asText()).isEqualTo("СНИЛС ***-***-*** 95");
    assertThat(masked.at("/subjects/0/email").isMissingNode()).isTrue();
    String csv = mvc.perform(get("/api/audit/cases/{n}", closed).param("format", "csv").with(auditor())).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(csv.substring(1))).getRecords();
    // the audit row of the commission's task (the engine's history has its own row of the task, without the form)
    assertThat(rows).filteredOn(r -> r.get("source").equals("AUDIT") && r.get("element_id").equals("Task_DecideByCommission")
            && r.get("kind").equals("USER_TASK"))
        .singleElement().satisfies(r -> assertThat(r.get("form_data")).contains("К*** А*** не явилась").doesNotContain("Кузнецова"));
    assertThat(accesses(closed)).isZero();

    // shown only with a reason, and the showing is logged in the case's chain with the auditor's name
    mvc.perform(get("/api/audit/cases/{n}", closed).param("personalData", "true").with(auditor()))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
    assertThat(accesses(closed)).isZero();
    JsonNode shown = timeline(get("/api/audit/cases/{n}", closed).param("personalData", "true").param("reason", "Приказ о проверке № 12"));
    assertThat(shown.toString()).contains(REASON);
    assertThat(shown.at("/subjects/0/name").asText()).isEqualTo("Кузнецова Анна Сергеевна");
    assertThat(shown.at("/subjects/0/snils").asText()).isEqualTo("11223344595");
    assertThat(jdbc.sql("SELECT CONCAT(actor, ' ', details) FROM audit_event WHERE kind = 'ACCESS' AND case_number = ?").param(closed)
        .query(String.class).single()).isEqualTo("auditor {\"reason\":\"Приказ о проверке № 12\",\"export\":\"json\"}");

    // retention: nothing is due until five years after the case closed; then only the closed case's person goes
    assertThat(retention.anonymiseDue()).isZero();
    clock.advanceTo(START.plusYears(5).plusDays(1));
    assertThat(retention.anonymiseDue()).isEqualTo(1);
    assertThat(retention.anonymiseDue()).as("once only").isZero();
    Map<String, Object> person = jdbc.sql("""
            SELECT p.* FROM person p JOIN rural_grant_application a ON a.person_id = p.id WHERE a.case_number = ?""")
        .param(closed).query().singleRow();
    assertThat(person).containsEntry("surname", "Обезличено").containsEntry("given_name", "Обезличено").containsEntry("phone", "");
    assertThat(person.get("birth_date")).hasToString("1994-01-01"); // the year stays, for statistics
    assertThat(person.get("snils")).isNull();
    assertThat(person.get("snils_index")).isNull();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM letter WHERE case_number = ? AND LENGTH(pdf) > 0").param(closed).query(Integer.class).single())
        .isZero();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM letter WHERE case_number = ?").param(closed).query(Integer.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("SELECT GROUP_CONCAT(recipient, body) FROM mail_outbox WHERE message_key LIKE CONCAT(?, ':%')").param(closed)
        .query(String.class).single()).doesNotContain("kuznetsova");
    assertThat(jdbc.sql("""
            SELECT GROUP_CONCAT(p.data) FROM audit_payload p JOIN audit_event e ON e.event_key = p.event_key WHERE e.case_number = ?""")
        .param(closed).query(String.class).single()).doesNotContain("Кузнецова", "555-12-34").contains("не явилась");
    assertThat(audit.verify().valid()).as("anonymisation keeps the chains valid").isTrue();
    assertThat(jdbc.sql("SELECT outcome FROM audit_event WHERE kind = 'RETENTION' AND case_number = ?").param(closed).query(String.class)
        .single()).isEqualTo("ANONYMISED");
    JsonNode after = timeline(get("/api/audit/cases/{n}", closed).param("personalData", "true").param("reason", "Приказ № 13"));
    assertThat(after.at("/subjects/0/anonymised").asBoolean()).isTrue();
    assertThat(after.toString()).doesNotContain("Кузнецова");

    // the open case's person is kept
    assertThat(jdbc.sql("""
            SELECT p.surname FROM person p JOIN rural_grant_application a ON a.person_id = p.id WHERE a.case_number = ?""")
        .param(open).query(String.class).single()).isEqualTo("Петров");
  }

  private JsonNode timeline(MockHttpServletRequestBuilder request) throws Exception {
    return json.readTree(mvc.perform(request.with(auditor())).andExpect(status().isOk()).andReturn().getResponse()
        .getContentAsString(StandardCharsets.UTF_8));
  }

  private static org.springframework.test.web.servlet.request.RequestPostProcessor auditor() {
    return httpBasic("auditor", "auditor-secret");
  }

  private int accesses(String caseNumber) {
    return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE kind = 'ACCESS' AND case_number = ?").param(caseNumber).query(Integer.class).single();
  }

  private long instanceOf(String caseNumber) {
    return jdbc.sql("SELECT process_instance_key FROM rural_grant_application WHERE case_number = ?").param(caseNumber)
        .query(Long.class).single();
  }

  private String submit(Map<String, Object> body) throws Exception {
    String response = mvc.perform(post("/api/rural-grants/applications").contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(body)))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    return json.readTree(response).get("caseNumber").asText();
  }
}
