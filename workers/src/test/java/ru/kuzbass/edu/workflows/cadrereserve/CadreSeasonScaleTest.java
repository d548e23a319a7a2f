package ru.kuzbass.edu.workflows.cadrereserve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import ru.kuzbass.edu.workflows.audit.AuditLog;
import ru.kuzbass.edu.workflows.support.ApiUsers;
import ru.kuzbass.edu.workflows.support.ProcessTest;
import ru.kuzbass.edu.workflows.support.SharedMailServer;

/**
 * A season of candidates through the level-1 cut on the embedded engine, with MariaDB and an SMTP
 * server: every registration through the API (the public intake), one candidate case each, the cut
 * as one step, one message per case correlated in the announcing step, one letter each mailed.
 * Prints the times; asserts the counts. {@value #DEFAULT_CANDIDATES} candidates by default, so that
 * it fits the process tests' time; {@code -Dcadre.scale.candidates=5000} runs the season of 5,000
 * that docs/processes/cadre-reserve.md speaks of.
 */
class CadreSeasonScaleTest extends ProcessTest {

  static final int DEFAULT_CANDIDATES = 1_000;
  static final int CANDIDATES = Integer.getInteger("cadre.scale.candidates", DEFAULT_CANDIDATES);
  static final int CLIENTS = 2;

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;

  @Test
  void aSeasonOfThousandsPassesTheLevelOneCut() throws Exception {
    mvc.perform(post("/api/cadre-reserve/seasons").contentType(MediaType.APPLICATION_JSON).content("{\"season\": 2027}").with(ApiUsers.hr()))
        .andExpect(status().isCreated());
    long season = jdbc.sql("SELECT process_instance_key FROM cadre_season WHERE season = 2027").query(Long.class).single();

    Instant t0 = Instant.now();
    List<Long> ids = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(CLIENTS)) {
      List<Future<String>> registered = new ArrayList<>();
      for (int n = 1; n <= CANDIDATES; n++) {
        String body = json.writeValueAsString(CadreReserveFixtures.candidate(n, "Муниципалитет " + (n % 31), List.of()));
        // candidates register themselves: no log-in
        registered.add(pool.submit(call(() -> mvc.perform(post("/api/cadre-reserve/2027/candidates").contentType(MediaType.APPLICATION_JSON)
            .content(body)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))));
      }
      for (Future<String> f : registered) {
        ids.add(((Number) json.readValue(f.get(), Map.class).get("id")).longValue());
      }
      // every tenth candidate did not finish the test; the others score 0..99
      List<Future<String>> tested = new ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        if (i % 10 != 0) {
          int s = (i * 37) % 100;
          long id = ids.get(i);
          tested.add(pool.submit(call(() -> mvc.perform(post("/api/cadre-reserve/2027/candidates/{id}/test-results", id)
              .contentType(MediaType.APPLICATION_JSON)
              .content("{\"organising\": " + s + ", \"managerial\": " + s + ", \"leadership\": " + s + "}").with(ApiUsers.hr()))
              .andExpect(status().isNoContent()).andReturn().getResponse().getContentAsString())));
        }
      }
      for (Future<String> f : tested) {
        f.get();
      }
    }
    Duration registration = Duration.between(t0, Instant.now());
    awaitCount("SELECT COUNT(*) FROM case_event WHERE event_key = 'FAST_TRACK'", CANDIDATES, Duration.ofMinutes(5));
    Duration casesReady = Duration.between(t0, Instant.now());

    Instant t1 = Instant.now();
    operaton.awaitEntered(season, "Timer_RegistrationClosed", 1);
    clock.advanceTo(OffsetDateTime.parse("2027-05-01T00:00:01+07:00"));
    awaitCount("SELECT COUNT(*) FROM cadre_candidate WHERE level1_passed IS NOT NULL", CANDIDATES, Duration.ofMinutes(3));
    Duration cut = Duration.between(t1, Instant.now());
    operaton.awaitPassed(season, "Task_AnnounceLevel1");
    Duration announced = Duration.between(t1, Instant.now());
    awaitCount("SELECT COUNT(*) FROM mail_outbox WHERE status = 'SENT'", CANDIDATES, Duration.ofMinutes(10));
    Duration letters = Duration.between(t1, Instant.now());

    System.out.printf("Cadre season of %d candidates on the embedded engine: registration and test results through the API %d s; "
            + "all candidate cases at their first wait %d s; the cut %d s after the close; all %d messages correlated %d s after the close; "
            + "all %d level-1 letters mailed %d s after the close (%.0f letters/s)%n", CANDIDATES, registration.toSeconds(),
        casesReady.toSeconds(), cut.toSeconds(), CANDIDATES, announced.toSeconds(), CANDIDATES, letters.toSeconds(),
        CANDIDATES / (letters.toMillis() / 1000.0));

    // every tenth is untested, no one on the fast track: half of all registered pass by score
    int passing = Level1Cut.passCount(CANDIDATES, CANDIDATES - CANDIDATES / 10, new BigDecimal("0.5"));
    assertThat(count("SELECT COUNT(*) FROM cadre_candidate WHERE season = 2027")).isEqualTo(CANDIDATES);
    // the engine's history is kept across tests: count this season's cases only
    java.util.Set<String> cases = new java.util.HashSet<>(
        jdbc.sql("SELECT process_instance_key FROM cadre_candidate WHERE season = 2027").query(String.class).list());
    assertThat(cases).as("one case each").hasSize(CANDIDATES);
    assertThat(operaton.engine().getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(CandidateService.PROCESS_ID)
        .processInstanceIds(cases).count()).as("one candidate case each, in the engine").isEqualTo(CANDIDATES);
    assertThat(count("""
        SELECT COUNT(*) FROM ACT_HI_ACTINST a JOIN cadre_candidate c ON a.PROC_INST_ID_ = CAST(c.process_instance_key AS CHAR)
        WHERE c.season = 2027 AND a.ACT_ID_ = 'Event_Level1Decided' AND a.END_TIME_ IS NOT NULL"""))
        .as("every case took its level-1 message once").isEqualTo(CANDIDATES);
    assertThat(count("SELECT COUNT(*) FROM cadre_candidate WHERE level1_passed = TRUE")).isEqualTo(passing);
    assertThat(count("SELECT COUNT(*) FROM letter WHERE kind = 'LEVEL1_PASS'")).isEqualTo(passing);
    assertThat(count("SELECT COUNT(*) FROM letter WHERE kind = 'LEVEL1_REFUSAL'")).isEqualTo(CANDIDATES - passing);
    assertThat(count("SELECT COUNT(*) FROM cadre_skip_token")).isEqualTo(CANDIDATES - passing);
    Thread.sleep(2000);
    assertThat(SharedMailServer.received()).as("every candidate one letter, none twice").hasSize(CANDIDATES);
    // the job executor's threads appended to the audit log at once; its chains must still hold, one link per event
    AuditLog.Verification verification = audit.verify();
    assertThat(verification.valid()).as(verification.toString()).isTrue();
    assertThat(verification.checked()).isGreaterThanOrEqualTo(3 * CANDIDATES);
  }

  private int count(String sql) {
    return jdbc.sql(sql).query(Integer.class).single();
  }

  private void awaitCount(String sql, int expected, Duration patience) throws InterruptedException {
    Instant deadline = Instant.now().plus(patience);
    int seen = count(sql);
    while (seen < expected) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(sql + ": " + seen + " of " + expected + " within " + patience.toSeconds() + " s");
      }
      Thread.sleep(500);
      seen = count(sql);
    }
  }

  private static <T> Callable<T> call(Callable<T> c) {
    return c;
  }
}
