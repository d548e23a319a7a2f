package ru.kuzbass.edu.workflows.developmentroute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import ru.kuzbass.edu.workflows.support.ApiUsers;
import ru.kuzbass.edu.workflows.support.ProcessTest;

/** The regional diagnosis: import as CSV or JSON, re-import, one person per SNILS, refusals and deficits at the level (60 by default). */
class DiagnosisApiTest extends ProcessTest {

  private static final String PATH = "/api/development-routes/diagnoses";
  private static final String IVANOVA = "112-233-445 95,Иванова,Мария,Петровна,1985-04-12,ivanova@school.example,+79001234567,SCH-1,2027,";
  private static final String PETROV = "12345678964,Петров,Олег,,1990-01-30,petrov@school.example,+79007654321,SCH-2,2027,";

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired Deficits deficits;

  @Test
  void csvAndJsonImportKeepOnePersonPerSnilsAndAReimportUpdatesTheScore() throws Exception {
    csv(DiagnosisController.CSV_HEADER + "\n" + IVANOVA + "SUBJECT,72.5\n" + IVANOVA + "DIGITAL,40\n" + PETROV + "METHODICAL,90\n")
        .andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(3));
    importJson(List.of(result("11223344595", "COMMUNICATIVE", "59.99"), result("11223344595", "SUBJECT", "55")))
        .andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(2));

    assertThat(count("SELECT COUNT(*) FROM person")).isEqualTo(2);
    assertThat(count("SELECT COUNT(*) FROM competence_diagnosis")).isEqualTo(4);
    long ivanova = personOf("DIGITAL");
    assertThat(jdbc.sql("SELECT score FROM competence_diagnosis WHERE person_id = ? AND competence = 'SUBJECT'")
        .params(ivanova).query(BigDecimal.class).single()).isEqualByComparingTo("55");
    assertThat(jdbc.sql("SELECT snils FROM person WHERE id = ?").params(ivanova).query(String.class).single())
        .as("SNILS is stored sealed").doesNotContain("11223344595");

    mvc.perform(get(PATH + "/" + ivanova).param("year", "2027").with(ApiUsers.hr()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.name").value("Иванова Мария Петровна"))
        .andExpect(jsonPath("$.deficitBelow").value(60))
        .andExpect(jsonPath("$.scores[0].competence").value("DIGITAL"))
        .andExpect(jsonPath("$.scores[0].deficit").value(true))
        .andExpect(jsonPath("$.deficits").value(org.hamcrest.Matchers.contains("DIGITAL", "SUBJECT", "COMMUNICATIVE")))
        .andExpect(jsonPath("$.snils").doesNotExist());
    mvc.perform(get(PATH + "/" + ivanova).param("year", "2026").with(ApiUsers.hr())).andExpect(status().isNotFound());

    // the answer names the teachers' ids, once each, in the order they came: a route's start needs them
    long petrov = personOf("METHODICAL");
    csv(DiagnosisController.CSV_HEADER + "\n" + PETROV + "METHODICAL,90\n" + IVANOVA + "DIGITAL,40\n" + PETROV + "SUBJECT,70\n")
        .andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(3))
        .andExpect(jsonPath("$.personIds").value(org.hamcrest.Matchers.contains((int) petrov, (int) ivanova)));
  }

  @Test
  void aScoreAtTheLevelIsNoDeficitAndOneHundredthBelowIs() throws Exception {
    importJson(List.of(result("11223344595", "SUBJECT", "60"), result("11223344595", "METHODICAL", "59.99"),
        result("11223344595", "DIGITAL", "0"), result("11223344595", "COMMUNICATIVE", "100")))
        .andExpect(status().isOk());

    assertThat(deficits.deficits(personOf("SUBJECT"), 2027)).containsExactly(Competence.DIGITAL, Competence.METHODICAL);
    assertThat(deficits.deficits(personOf("SUBJECT"), 2028)).isEmpty();
  }

  @Test
  void aBadRowImportsNothingAndNamesItsLineAndField() throws Exception {
    String good = DiagnosisController.CSV_HEADER + "\n" + IVANOVA + "SUBJECT,70\n";
    csv(good + PETROV + "HISTORY,70\n")
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("results[1].competence"))
        .andExpect(jsonPath("$.errors[0].message").value(startsWith("строка 3: ожидается компетенция")));
    csv(good + PETROV + "SUBJECT,101\n")
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("results[1].score"))
        .andExpect(jsonPath("$.errors[0].message").value("строка 3: Результат — от 0 до 100"));
    csv(good + PETROV.replace("12345678964", "12345678965") + "SUBJECT,70\n")
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("results[1].snils"))
        .andExpect(jsonPath("$.errors[0].message").value(startsWith("строка 3: СНИЛС указан неверно")));
    importJson(List.of(result("11223344595", "SUBJECT", "70"), result("11223344595", "DIGITAL", "100.01")))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("results[1].score"));

    assertThat(count("SELECT COUNT(*) FROM competence_diagnosis")).isZero();
    assertThat(count("SELECT COUNT(*) FROM person")).isZero();
  }

  @Test
  void aYearOverridesTheLevelAndOtherYearsKeepTheDefault() {
    var properties = new DevelopmentRouteProperties("ИОМ",
        new DevelopmentRouteProperties.Rules(new BigDecimal("60"), 2, List.of(EventKind.FORMAL), 6, 36, "основание", 3, new BigDecimal("0.25"), new BigDecimal("30")),
        Map.of(2028, new DevelopmentRouteProperties.Rules(new BigDecimal("70"), null, null, null, 24, null, null, null, null)));
    assertThat(properties.deficitBelow(2027)).isEqualByComparingTo("60");
    assertThat(properties.deficitBelow(2028)).isEqualByComparingTo("70");
    assertThat(properties.paceMaxMonths(2027)).isEqualTo(36);
    assertThat(properties.paceMaxMonths(2028)).as("a year overrides only the keys it names").isEqualTo(24);
    assertThat(properties.paceMinMonths(2028)).isEqualTo(6);
  }

  private static Map<String, Object> result(String snils, String competence, String score) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("snils", snils);
    r.put("surname", "Иванова");
    r.put("givenName", "Мария");
    r.put("patronymic", "Петровна");
    r.put("birthDate", "1985-04-12");
    r.put("email", "ivanova@school.example");
    r.put("phone", "+79001234567");
    r.put("schoolCode", "SCH-1");
    r.put("year", 2027);
    r.put("competence", competence);
    r.put("score", new BigDecimal(score));
    return r;
  }

  private long personOf(String competence) {
    return jdbc.sql("SELECT person_id FROM competence_diagnosis WHERE competence = ? LIMIT 1").params(competence)
        .query(Long.class).single();
  }

  private ResultActions importJson(Object results) throws Exception {
    return mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON)
        .content(json.writeValueAsString(Map.of("results", results))).with(ApiUsers.hr()));
  }

  private ResultActions csv(String csv) throws Exception {
    return mvc.perform(post(PATH).contentType("text/csv").content(csv.getBytes(StandardCharsets.UTF_8)).with(ApiUsers.hr()));
  }

  private int count(String sql) {
    return jdbc.sql(sql).query(Integer.class).single();
  }
}
