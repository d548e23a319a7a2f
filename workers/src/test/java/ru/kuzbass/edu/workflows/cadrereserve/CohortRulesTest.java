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

/** The cohort rules at their boundaries, on MariaDB: the level-2 cut both ways, and the school-results import. */
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

  private List<Integer> passedTeams(int season) {
    return jdbc.sql("SELECT number FROM cadre_team WHERE season = ? AND passed_level2 ORDER BY number").param(season).query(Integer.class).list();
  }
}
