package ru.kuzbass.edu.workflows.developmentroute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import ru.kuzbass.edu.workflows.support.ApiUsers;
import ru.kuzbass.edu.workflows.support.ProcessTest;
import ru.kuzbass.edu.workflows.support.TestSnils;

/**
 * The region's summary of 2027 on MariaDB with real rows: two municipalities, one with the headcount
 * and one without (share unknown, not 0), routes of every state (the realisation's states written
 * as it will write them), routes of another year, events of the bank, the young-teacher pilot;
 * JSON and CSV, and the import of headcounts with its refusals.
 */
class RouteSummaryApiTest extends ProcessTest {

  private static final String PATH = "/api/development-routes";

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired EventBank bank;

  private int serial = 700;

  @BeforeEach
  void region() {
    jdbc.sql("INSERT INTO municipality (code, name) VALUES ('TST-A', 'Анжеро-Судженский городской округ'), ('TST-B', 'Беловский муниципальный округ')")
        .update();
    for (String[] school : new String[][] {{"SA-1", "TST-A"}, {"SB-1", "TST-B"}}) {
      jdbc.sql("""
              INSERT INTO school (code, name, municipality_code, settlement_name, settlement_type, settlement_population)
              VALUES (?, 'Школа', ?, 'Город', 'TOWN', 50000)""").params(school[0], school[1]).update();
    }
    // TST-A: diagnosed two teachers (one in two competences); routes agreed (not monitored yet), behind, finished, one still being
    // designed and one agreed in 2026
    route(diagnosed("SA-1", 2), "SA-1", 2027, "AGREED", null);
    route(diagnosed("SA-1", 1), "SA-1", 2027, "AGREED", "BEHIND");
    route(teacher(), "SA-1", 2027, "FINISHED", "ON_PACE");
    route(teacher(), "SA-1", 2027, "REQUESTS", null);
    route(teacher(), "SA-1", 2026, "AGREED", "ON_PACE");
    // TST-B: one diagnosed teacher with a route on pace; a teacher of a school not in the directory counts for the region only
    route(diagnosed("SB-1", 1), "SB-1", 2027, "AGREED", "ON_PACE");
    diagnosed("SCH-ELSEWHERE", 1);
    jdbc.sql("INSERT INTO teacher_headcount (municipality_code, year, teachers, imported_at) VALUES ('TST-A', 2027, 10, NOW(3))").update();

    bank.store(List.of(event("E-A", "TST-A", "2027-03-01", "2027-03-05"), event("E-A-OLD", "TST-A", "2026-03-01", "2026-03-05"),
        event("E-REGION", null, "2026-12-20", "2027-01-10")));

    long young = youngTeacherCase("SA-1", "TST-A", "2027-03-01");
    youngTeacherCase("SA-1", "TST-A", "2026-09-01");
    jdbc.sql("""
            INSERT INTO young_teacher_answer (case_id, round, workload, discipline, parents, documentation, methodical_help, stay_intention, answered_at)
            VALUES (?, 0, 4, 2, 4, 4, 4, 'STAY', NOW(3)), (?, 1, 4, 4, 4, 4, 4, 'LEAVING', NOW(3))""").params(young, young).update();
    jdbc.sql("""
            INSERT INTO young_teacher_difficulty (case_id, round, areas, raised_at, due_at, resolved) VALUES
            (?, 0, 'DISCIPLINE', NOW(3), NOW(3), TRUE), (?, 1, 'STAY', NOW(3), NOW(3), NULL)""").params(young, young).update();
  }

  @Test
  void theYearsFiguresPerMunicipalityAndForTheRegionAgainstTheTarget() throws Exception {
    JsonNode summary = summary();
    assertThat(summary.get("targetShare").decimalValue()).isEqualByComparingTo("30");
    JsonNode a = municipality(summary, "TST-A");
    assertThat(a.get("municipality").asText()).isEqualTo("Анжеро-Судженский городской округ");
    assertThat(List.of(a.get("teachersDiagnosed").asLong(), a.get("teachers").asLong(), a.get("routesBuilt").asLong(), a.get("routesOnPace").asLong(),
        a.get("routesBehind").asLong(), a.get("routesFinished").asLong(), a.get("eventsInBank").asLong())).containsExactly(2L, 10L, 3L, 1L, 1L, 1L, 1L);
    assertThat(a.get("routesShare").decimalValue()).as("3 of 10 teachers: exactly the target").isEqualByComparingTo("30.0");
    assertThat(a.get("targetReached").asBoolean()).isTrue();
    assertThat(List.of(a.get("youngTeachersSupported").asLong(), a.get("questionnairesAnswered").asLong(), a.get("difficultiesRaised").asLong(),
        a.get("difficultiesResolved").asLong())).containsExactly(1L, 1L, 2L, 1L);

    JsonNode b = municipality(summary, "TST-B");
    assertThat(b.get("routesBuilt").asLong()).isEqualTo(1);
    assertThat(b.get("teachers").isNull()).as("no headcount imported").isTrue();
    assertThat(b.get("routesShare").isNull()).as("unknown, not 0").isTrue();
    assertThat(b.get("targetReached").isNull()).isTrue();

    JsonNode region = summary.get("region");
    assertThat(List.of(region.get("teachersDiagnosed").asLong(), region.get("routesBuilt").asLong(), region.get("routesOnPace").asLong(),
        region.get("routesBehind").asLong(), region.get("routesFinished").asLong(), region.get("eventsInBank").asLong(),
        region.get("difficultiesRaised").asLong())).containsExactly(4L, 4L, 2L, 1L, 1L, 2L, 2L);
    assertThat(region.get("routesShare").isNull()).as("a municipality without headcount leaves the region's share unknown").isTrue();

    // the headcount of TST-B arrives as CSV: its share and the region's are known, both below the target
    mvc.perform(post(PATH + "/teacher-headcounts").with(ApiUsers.hr()).contentType("text/csv")
            .content("municipality_code,year,teachers\nTST-B,2027,5\n"))
        .andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(1));
    summary = summary();
    assertThat(municipality(summary, "TST-B").get("routesShare").decimalValue()).isEqualByComparingTo("20.0");
    assertThat(municipality(summary, "TST-B").get("targetReached").asBoolean()).isFalse();
    assertThat(summary.get("region").get("teachers").asLong()).isEqualTo(15);
    assertThat(summary.get("region").get("routesShare").decimalValue()).as("4 of 15").isEqualByComparingTo("26.7");
    assertThat(summary.get("region").get("targetReached").asBoolean()).isFalse();
  }

  @Test
  void theSameFiguresAsCsvByAcceptOrByFormat() throws Exception {
    for (var request : List.of(get(PATH + "/summary").param("year", "2027").accept("text/csv"),
        get(PATH + "/summary").param("year", "2027").param("format", "csv"))) {
      var response = mvc.perform(request.with(ApiUsers.hr())).andExpect(status().isOk()).andReturn().getResponse();
      assertThat(response.getContentType()).startsWith("text/csv");
      List<String> lines = response.getContentAsString(StandardCharsets.UTF_8).lines().toList();
      assertThat(lines.getFirst()).isEqualTo("\uFEFF" + RouteSummaryController.SUMMARY_CSV_HEADER);
      assertThat(lines).contains("\"TST-A\",\"Анжеро-Судженский городской округ\",2,10,3,30.0,30,true,1,1,1,1,1,1,2,1",
          "\"TST-B\",\"Беловский муниципальный округ\",1,,1,,30,,1,0,0,0,0,0,0,0");
      assertThat(lines.getLast()).isEqualTo(",\"Кемеровская область — Кузбасс\",4,,4,,30,,2,1,1,2,1,1,2,1");
    }
  }

  @Test
  void aBadHeadcountOrYearIsRefusedByNameAndNothingIsWritten() throws Exception {
    mvc.perform(post(PATH + "/teacher-headcounts").with(ApiUsers.hr()).contentType(MediaType.APPLICATION_JSON)
            .content("{\"headcounts\": [{\"municipalityCode\": \"TST-B\", \"year\": 2027, \"teachers\": 5},"
                + " {\"municipalityCode\": \"NOPE\", \"year\": 2027, \"teachers\": 5}]}"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("headcounts[1].municipalityCode"))
        .andExpect(jsonPath("$.errors[0].message").value("Муниципалитета с кодом NOPE нет в справочнике"));
    mvc.perform(post(PATH + "/teacher-headcounts").with(ApiUsers.hr()).contentType("text/csv")
            .content("municipality_code,year,teachers\nTST-B,2027,0\n"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("headcounts[0].teachers"));
    mvc.perform(post(PATH + "/teacher-headcounts").with(ApiUsers.hr()).contentType(MediaType.APPLICATION_JSON)
            .content("{\"headcounts\": {\"municipalityCode\": \"TST-B\", \"year\": 2027, \"teachers\": 5, \"extra\": 1}}"))
        .andExpect(status().isBadRequest());
    assertThat(jdbc.sql("SELECT COUNT(*) FROM teacher_headcount WHERE municipality_code = 'TST-B'").query(Integer.class).single()).isZero();
    mvc.perform(get(PATH + "/summary").with(ApiUsers.hr())).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("year"));
    mvc.perform(get(PATH + "/summary").param("year", "двадцать").with(ApiUsers.hr())).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("year"));
  }

  private JsonNode summary() throws Exception {
    return json.readTree(mvc.perform(get(PATH + "/summary").param("year", "2027").with(ApiUsers.hr())).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
  }

  private static JsonNode municipality(JsonNode summary, String code) {
    for (JsonNode m : summary.get("municipalities")) {
      if (code.equals(m.path("municipalityCode").asText())) {
        return m;
      }
    }
    throw new AssertionError("no row for " + code);
  }

  private long teacher() {
    serial++;
    return insertPerson(TestSnils.valid(serial), "Педагог", "Номер" + serial, "1985-01-01", "t" + serial + "@example.ru");
  }

  /** A teacher diagnosed in 2027 at the school in {@code competences} competences. */
  private long diagnosed(String school, int competences) {
    long person = teacher();
    for (Competence c : List.of(Competence.values()).subList(0, competences)) {
      jdbc.sql("INSERT INTO competence_diagnosis (person_id, school_code, year, competence, score, imported_at) VALUES (?, ?, 2027, ?, 50, NOW(3))")
          .params(person, school, c.name()).update();
    }
    return person;
  }

  private void route(long person, String school, int year, String status, String paceState) {
    boolean open = !"FINISHED".equals(status);
    jdbc.sql("""
            INSERT INTO development_route (case_number, person_id, open_person_id, school_code, year, origin, status, pace_state, started_at)
            VALUES (?, ?, ?, ?, ?, 'SELF', ?, ?, NOW(3))""")
        .params("ИОМ-" + year + "-" + person, person, open ? person : null, school, year, status, paceState).update();
  }

  private long youngTeacherCase(String school, String municipality, String startDate) {
    long person = teacher();
    jdbc.sql("""
            INSERT INTO young_teacher_case (case_number, person_id, school_code, municipality_code, post, experience_start, start_date, status, created_at)
            VALUES (?, ?, ?, ?, 'учитель', '2025-09-01', ?, 'OPEN', NOW(3))""")
        .params("МП-" + person, person, school, municipality, startDate).update();
    return jdbc.sql("SELECT id FROM young_teacher_case WHERE person_id = ?").param(person).query(Long.class).single();
  }

  private static EducationEvent event(String code, String municipality, String from, String to) {
    return new EducationEvent(code, "Мероприятие " + code, Competence.DIGITAL, EventKind.NON_FORMAL, null, "ИРО Кузбасса",
        java.time.LocalDate.parse(from), java.time.LocalDate.parse(to), 8, null, null, municipality);
  }
}
