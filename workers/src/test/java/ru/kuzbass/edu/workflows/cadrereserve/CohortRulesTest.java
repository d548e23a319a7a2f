package ru.kuzbass.edu.workflows.cadrereserve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import ru.kuzbass.edu.workflows.support.ApiUsers;
import ru.kuzbass.edu.workflows.cadrereserve.CadreRankingModel.Entry;
import ru.kuzbass.edu.workflows.support.ProcessTest;

/** The cohort rules at their boundaries, on MariaDB: the level-2 cut both ways, the school data imports, the choice of schools and the level-3 teams. */
class CohortRulesTest extends ProcessTest {

  @Autowired SeasonService seasons;
  @Autowired MockMvc mvc;

  @Test
  void theThresholdPassesTeamsAtItAndNotJustBelow() {
    teams(2027, Map.of(1, List.of(7.0, 7.0), 2, List.of(7.0, 6.98), 3, List.of(9.0, 8.0)));
    assertThat(seasons.cutLevel2(2027)).containsEntry("level3TeamCount", 2);
    assertThat(passedTeams(2027)).containsExactly(1, 3);
    assertThat(jdbc.sql("SELECT score FROM cadre_team WHERE number = 2").query(BigDecimal.class).single()).isEqualByComparingTo("6.99");
    // the member of team 2 is only recommended to the municipal reserve: no reserve until the municipality confirms
    assertThat(jdbc.sql("SELECT COUNT(*) FROM cadre_candidate WHERE reserve IS NULL AND status = 'MUNICIPAL_RECOMMENDED'")
        .query(Integer.class).single()).isEqualTo(1);
  }

  @Test
  void theTopKTakesTheBestTeamsAndTheLowerNumberOnATie() {
    // 2028 chooses the best one team; teams 2 and 3 tie at 8.5, and team 2 has the lower number
    teams(2028, Map.of(1, List.of(6.0, 6.0), 2, List.of(8.0, 9.0), 3, List.of(9.0, 8.0)));
    seasons.cutLevel2(2028);
    assertThat(passedTeams(2028)).containsExactly(2);
  }

  @Test
  void schoolResultsComeAsJsonOrCsvAndABadRowImportsNothing() throws Exception {
    mvc.perform(post("/api/schools/results").contentType(MediaType.APPLICATION_JSON)
            .content("{\"results\": [{\"schoolCode\": \"S1\", \"year\": 2026, \"score\": 61.5}]}").with(ApiUsers.hr()))
        .andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(1));
    mvc.perform(post("/api/schools/results").contentType("text/csv").content("school_code,year,score\nS1,2026,70\nS2,2026,101\n").with(ApiUsers.hr()))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("results[1].score"))
        .andExpect(jsonPath("$.errors[0].message").value("строка 3: результат от 0 до 100"));
    mvc.perform(post("/api/schools/results").contentType(MediaType.APPLICATION_JSON)
            .content("{\"results\": [{\"schoolCode\": \"S 1\", \"year\": 1999, \"score\": -1}]}").with(ApiUsers.hr()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
            "results[0].schoolCode", "results[0].year", "results[0].score")));
    assertThat(jdbc.sql("SELECT score FROM school_result").query(BigDecimal.class).list()).singleElement()
        .satisfies(score -> assertThat(score).isEqualByComparingTo("61.5"));
  }

  @Test
  void aSchoolsAdministrationComesAsJsonOrCsvReplacesItsTeamAndABadRowImportsNothing() throws Exception {
    administration("""
        school_code,full_name,position,rsv_alumnus
        S1,Иванова Мария Петровна,директор,false
        S1,Петров Пётр Ильич,заместитель директора по УВР,true
        S2,Сидорова Анна Львовна,директор,FALSE
        """);
    assertThat(administrationOf("S1")).containsExactly("Иванова Мария Петровна (директор): false", "Петров Пётр Ильич (заместитель директора по УВР): true");
    // a new file replaces the whole team of the schools it names, and leaves the others alone
    mvc.perform(post("/api/schools/administration").contentType(MediaType.APPLICATION_JSON).content("""
            {"members": [{"schoolCode": "S1", "fullName": "Кузнецова Ольга Ивановна", "position": "директор", "rsvAlumnus": true}]}""")
            .with(ApiUsers.hr()))
        .andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(1));
    assertThat(administrationOf("S1")).containsExactly("Кузнецова Ольга Ивановна (директор): true");
    assertThat(administrationOf("S2")).containsExactly("Сидорова Анна Львовна (директор): false");

    mvc.perform(post("/api/schools/administration").contentType("text/csv")
            .content("school_code,full_name,position,rsv_alumnus\nS2,Орлов Олег,директор,true\nS3,Орлова Ольга,директор,да\n").with(ApiUsers.hr()))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("members[1].rsvAlumnus"))
        .andExpect(jsonPath("$.errors[0].message").value("строка 3: признак выпускника, финалиста или победителя — true или false"));
    mvc.perform(post("/api/schools/administration").contentType("text/csv")
            .content("school_code,full_name,position,rsv_alumnus\nS2,Орлов Олег,,true\n").with(ApiUsers.hr()))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("members[0].position"))
        .andExpect(jsonPath("$.errors[0].message").value("строка 2: Укажите должность"));
    mvc.perform(post("/api/schools/administration").contentType(MediaType.APPLICATION_JSON)
            .content("{\"members\": [{\"schoolCode\": \"S 2\", \"fullName\": \"<b>\", \"position\": \"директор\"}]}").with(ApiUsers.hr()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
            "members[0].schoolCode", "members[0].fullName", "members[0].rsvAlumnus")));
    assertThat(administrationOf("S2")).containsExactly("Сидорова Анна Львовна (директор): false");
    // staff only, like the results
    mvc.perform(post("/api/schools/administration").contentType("text/csv").content("school_code,full_name,position,rsv_alumnus\nS2,Орлов Олег,директор,true\n"))
        .andExpect(status().isUnauthorized());
    mvc.perform(post("/api/schools/administration").contentType("text/csv").content("school_code,full_name,position,rsv_alumnus\nS2,Орлов Олег,директор,true\n")
        .with(ApiUsers.auditor())).andExpect(status().isForbidden());
  }

  @Test
  void anInternshipSchoolRisesEveryYearAndHasAnAlumnusOfTheOpportunityPlatformInItsAdministration() throws Exception {
    results("S1", 60, 62, 65);     // rising, alumnus: proposed
    results("S2", 60, 60.01, 65);  // rising by a hundredth, alumnus: proposed
    results("S3", 60, 65, 65);     // flat in the last year: not steadily positive
    results("S4", 60, 62, 65);     // rising, but no alumnus in its administration
    results("S5", 60, 62, 65);     // rising, no administration imported
    administration("""
        school_code,full_name,position,rsv_alumnus
        S1,Иванова Мария Петровна,директор,false
        S1,Петров Пётр Ильич,заместитель директора по УВР,true
        S2,Сидорова Анна Львовна,директор,true
        S3,Орлова Ольга Олеговна,директор,true
        S4,Кузнецова Ольга Ивановна,директор,false
        """);
    assertThat(seasons.proposeSchools(2027, SeasonService.SchoolKind.INTERNSHIP))
        .containsEntry("proposedInternshipSchools", "S1, S2").containsEntry("internshipSchools", "S1, S2")
        .containsEntry("internshipSchoolsWithoutAlumnus", "S4, S5");
  }

  @Test
  void aLevelThreeTeamIsTheProjectSchoolsAdministrationAndTheReservists() throws Exception {
    results("S1", 60, 62, 65);     // rising: no project school
    results("S3", 50, 60, 55);     // unstable
    results("S4", 95, 92, 90);     // high, but below its own figures
    results("S5", 30, 30, 30);     // low, but steady against itself
    administration("""
        school_code,full_name,position,rsv_alumnus
        S3,Иванова Мария Петровна,директор,false
        S3,Петров Пётр Ильич,заместитель директора по УВР,false
        """);
    teams(2027, Map.of(1, List.of(8.0), 2, List.of(8.0), 3, List.of(5.0)));
    seasons.cutLevel2(2027);
    jdbc.sql("UPDATE cadre_candidate SET case_number = CONCAT('КР-2027-00000', id)").update();
    assertThat((String) seasons.proposeSchools(2027, SeasonService.SchoolKind.PROJECT).get("proposedProjectSchools")).isEqualTo("S3, S4");
    assertThat((String) seasons.proposeSchools(2027, SeasonService.SchoolKind.PROJECT).get("level3TeamsProposal")).isEqualTo("""
        Команда 1, проектная школа S3: административная команда — Иванова Мария Петровна (директор), Петров Пётр Ильич (заместитель \
        директора по УВР); участники резерва — КР-2027-000001
        Команда 2, проектная школа S4: административная команда — не загружена; участники резерва — КР-2027-000002""");
  }

  /** One level-2 candidate per team, and each team's expert scores. */
  private void teams(int season, Map<Integer, List<Double>> scores) {
    SeasonRows.insert(jdbc, season, scores.keySet().stream()
        .map(n -> new Entry(n, false, BigDecimal.TEN, BigDecimal.TEN, BigDecimal.TEN, Instant.parse("2027-03-01T03:00:00Z"))).toList());
    scores.forEach((n, expertScores) -> {
      String key = "КР-" + season + "-К0" + n;
      jdbc.sql("INSERT INTO cadre_team (id, season, number, team_key, internship_school) VALUES (?, ?, ?, ?, 'S1')")
          .params(n, season, n, key).update();
      jdbc.sql("UPDATE cadre_candidate SET team_id = ?, status = 'LEVEL2' WHERE id = ?").params(n, n).update();
      for (int e = 0; e < expertScores.size(); e++) {
        jdbc.sql("INSERT INTO cadre_expert_score (subject, expert, score, scored_at) VALUES (?, ?, ?, NOW(3))")
            .params(key, "expert" + e, expertScores.get(e)).update();
      }
    });
  }

  private void administration(String csv) throws Exception {
    mvc.perform(post("/api/schools/administration").contentType("text/csv").content(csv).with(ApiUsers.hr())).andExpect(status().isOk());
  }

  private List<String> administrationOf(String school) {
    return jdbc.sql("SELECT CONCAT(full_name, ' (', position, '): ', IF(rsv_alumnus, 'true', 'false')) FROM school_administration WHERE school_code = ? ORDER BY id")
        .param(school).query(String.class).list();
  }

  /** The school's results for the three years before the 2027 season. */
  private void results(String school, double... scores) {
    for (int y = 0; y < scores.length; y++) {
      jdbc.sql("INSERT INTO school_result (school_code, year, score, imported_at) VALUES (?, ?, ?, NOW(3))")
          .params(school, 2024 + y, scores[y]).update();
    }
  }

  private List<Integer> passedTeams(int season) {
    return jdbc.sql("SELECT number FROM cadre_team WHERE season = ? AND passed_level2 ORDER BY number").param(season).query(Integer.class).list();
  }
}
