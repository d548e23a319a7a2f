package ru.kuzbass.edu.workflows.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import ru.kuzbass.edu.workflows.support.PdfAssertions;
import ru.kuzbass.edu.workflows.support.ProcessTest;

/**
 * The hash chains: appends link up, the global chain takes them in the background, a retry adds
 * nothing, concurrent appends do not fork a chain, and an edited, deleted or cut row is found.
 */
class AuditLogTest extends ProcessTest {

  @Autowired AuditLog audit;
  @Autowired CaseTimeline timelines;
  @Autowired WebApplicationContext context;
  MockMvc mvc;

  @BeforeEach
  void logInAsAuditor() {
    mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity())
        .defaultRequest(get("/").with(httpBasic("auditor", "auditor-secret"))).build();
  }

  @Test
  void eventsLinkUpAndARetryAddsNothing() throws Exception {
    appendFive();
    audit.append(event("e2", "ЗУ-2027-000001", "=1+1")); // the same key again
    assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event").query(Integer.class).single()).isEqualTo(5);
    assertThat(audit.verify()).isEqualTo(new AuditLog.Verification(true, 5, null, null, null));
    List<AuditLog.Stored> ofCase = audit.events("ЗУ-2027-000001");
    assertThat(ofCase).hasSize(3);
    assertThat(ofCase.get(1).casePrevHash()).isEqualTo(ofCase.get(0).caseHash());
    assertThat(ofCase.get(0).casePrevHash()).isNull();

    mvc.perform(get("/api/audit/verify")).andExpect(status().isOk()).andExpect(jsonPath("$.valid").value(true))
        .andExpect(jsonPath("$.checked").value(5));
    String csv = mvc.perform(get("/api/audit/cases/{n}", "ЗУ-2027-000001").param("format", "csv")).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(csv.substring(1))).getRecords();
    assertThat(rows).hasSize(3);
    assertThat(rows.get(1).get("details")).as("a formula is neutralised").isEqualTo("'=1+1");
    assertThat(rows.get(2).get("case_hash")).isEqualTo(ofCase.get(2).caseHash());
    mvc.perform(get("/api/audit/cases/{n}", "ЗУ-2027-999999")).andExpect(status().isNotFound());
  }

  @Test
  void anEditedRowIsTheFirstBrokenLink() {
    appendFive();
    long third = id(3);
    jdbc.sql("UPDATE audit_event SET details = 'Отказано' WHERE id = ?").param(third).update();
    AuditLog.Verification v = audit.verify();
    assertThat(v.valid()).isFalse();
    assertThat(v.firstBrokenId()).isEqualTo(third);
    assertThat(v.checked()).isEqualTo(2);
  }

  @Test
  void aDeletedRowBreaksTheLinkOfTheNextOne() {
    appendFive();
    jdbc.sql("DELETE FROM audit_event WHERE id = ?").param(id(2)).update();
    assertThat(audit.verify().firstBrokenId()).isEqualTo(id(2)); // what is now the second row, formerly the third
  }

  @Test
  void cuttingTheLastRowsIsFoundAgainstTheHeadOfTheChain() {
    appendFive();
    jdbc.sql("DELETE FROM audit_event WHERE id >= ?").param(id(4)).update();
    AuditLog.Verification v = audit.verify();
    assertThat(v.valid()).isFalse();
    assertThat(v.firstBrokenId()).isNull();
    assertThat(v.problem()).contains("удалены");
  }

  @Test
  void aRewrittenChainStillFailsWhereItsHashesDoNotMatch() {
    appendFive();
    // a forger who edits a row and recomputes its own hash, but not those of the rows after it
    AuditLog.Stored second = audit.events("ЗУ-2027-000002").getFirst();
    jdbc.sql("UPDATE audit_event SET outcome = 'FORGED', global_hash = ? WHERE id = ?")
        .params(AuditLog.link(second.globalPrevHash(), AuditLog.canonical(second.caseNumber(), second.kind(), second.occurredAt(),
            second.actor(), second.elementId(), second.processInstanceKey(), second.jobKey(), "FORGED", second.details(), second.digest())),
            second.id()).update();
    assertThat(audit.verify().firstBrokenId()).isEqualTo(second.id());
  }

  @Test
  void theReportIsPdfAAndCarriesTheHashOfWhatItLists() throws Exception {
    appendFive();
    var response = mvc.perform(get("/api/audit/cases/{n}/report.pdf", "ЗУ-2027-000001")).andExpect(status().isOk()).andReturn().getResponse();
    byte[] pdf = response.getContentAsByteArray();
    PdfAssertions.assertPdfA2b(pdf);
    List<AuditLog.Stored> events = audit.events("ЗУ-2027-000001");
    String contentHash = AuditReport.contentHash(timelines.of("ЗУ-2027-000001", false).orElseThrow().entries().stream()
        .map(AuditReport::line).toList());
    assertThat(response.getHeader("X-Report-Content-SHA256")).isEqualTo(contentHash);
    assertThat(response.getHeader("X-Report-SHA256")).isEqualTo(ru.kuzbass.edu.workflows.letters.LetterService.sha256(pdf));
    assertThat(PdfAssertions.text(pdf)).contains("Отчёт журнала аудита").contains(contentHash).contains(events.getLast().caseHash())
        .contains("Выплата 1 000 000 ₽").contains("01.02.2027 10:00:00");
  }

  @Test
  void casesAreFoundByProcessPeriodAndOutcomeAPageAtATime() throws Exception {
    appendFive();                                                      // 1 February 2027
    clock.advanceTo(java.time.OffsetDateTime.parse("2027-03-01T00:00:00+07:00"));
    audit.append(new AuditLog.Event("m1", "НС-2027-000001", "JOB", "mentor-bonus.send-letter", "Task_SendOrder", 3L, 4L, "REJECTION",
        null, null));
    mvc.perform(get("/api/audit/cases").param("process", "rural-teacher-grant"))
        .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(2))
        .andExpect(jsonPath("$.cases[*].caseNumber").value(org.hamcrest.Matchers.containsInAnyOrder("ЗУ-2027-000001", "ЗУ-2027-000002")))
        .andExpect(jsonPath("$.cases[?(@.caseNumber == 'ЗУ-2027-000001')].events").value(3));
    // a period ends at the end of its last day, local time: 28 February leaves out 1 March 00:00
    mvc.perform(get("/api/audit/cases").param("from", "2027-02-01").param("to", "2027-02-28")).andExpect(jsonPath("$.total").value(2));
    mvc.perform(get("/api/audit/cases").param("from", "2027-03-01")).andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.cases[0].caseNumber").value("НС-2027-000001"));
    mvc.perform(get("/api/audit/cases").param("outcome", "REJECTION")).andExpect(jsonPath("$.total").value(1));
    mvc.perform(get("/api/audit/cases").param("size", "2").param("page", "1")).andExpect(jsonPath("$.total").value(3))
        .andExpect(jsonPath("$.cases.length()").value(1));
    mvc.perform(get("/api/audit/cases").param("process", "payroll")).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("process"));
    mvc.perform(get("/api/audit/cases").param("size", "500")).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("size"));
    mvc.perform(get("/api/audit/cases").param("from", "2027-03-02").param("to", "2027-03-01")).andExpect(status().isBadRequest());
  }

  @Test
  void theGlobalChainTakesNewRowsInTheBackground() {
    audit.append(event("e1", "ЗУ-2027-000001", "Заявление принято"));
    audit.append(event("e2", "ЗУ-2027-000002", "Письмо"));
    await().atMost(Duration.ofSeconds(10)).until(() -> audit.events("ЗУ-2027-000001").getFirst().globalHash() != null
        && audit.events("ЗУ-2027-000002").getFirst().globalHash() != null);
    AuditLog.Stored first = audit.events("ЗУ-2027-000001").getFirst();
    AuditLog.Stored second = audit.events("ЗУ-2027-000002").getFirst();
    assertThat(first.globalSeq()).isEqualTo(1);
    assertThat(first.globalPrevHash()).isNull();
    assertThat(second.globalSeq()).isEqualTo(2);
    assertThat(second.globalPrevHash()).isEqualTo(first.globalHash());
  }

  @Test
  void cuttingTheLastRowOfACaseIsFoundAgainstTheHeadOfItsChain() {
    appendFive();
    audit.append(event("e6", "ЗУ-2027-000001", "Уведомление"));
    // whether or not the global chain took it yet, a row cut off its case's end is found
    jdbc.sql("DELETE FROM audit_event WHERE event_key = 'e6'").update();
    AuditLog.Verification v = audit.verify();
    assertThat(v.valid()).isFalse();
    assertThat(v.problem()).contains("удалены");
  }

  /**
   * Appends of many cases at once, some to one case, some opening new cases, from more threads than
   * the pool has connections: no chain forks, no deadlock, and every event is there once.
   */
  @Test
  void concurrentAppendsKeepEveryChainWhole() throws Exception {
    int threads = 8;
    int perThread = 40;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      done.add(pool.submit(() -> {
        for (int i = 0; i < perThread; i++) {
          String caseNumber = i % 2 == 0 ? "ЗУ-2027-000001" : String.format("ЗУ-2027-%06d", 100 + i);
          audit.append(event("c" + thread + "-" + i, caseNumber, "Шаг " + i));
          audit.append(event("c" + thread + "-" + i, caseNumber, "Шаг " + i)); // a retry adds nothing
        }
      }));
    }
    for (Future<?> f : done) {
      f.get(2, TimeUnit.MINUTES);
    }
    pool.shutdown();
    assertThat(audit.verify()).isEqualTo(new AuditLog.Verification(true, threads * perThread, null, null, null));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE global_seq IS NOT NULL").query(Integer.class).single())
        .isEqualTo(threads * perThread);
  }

  /** Five events of two cases, all linked into the global chain. */
  private void appendFive() {
    audit.append(event("e1", "ЗУ-2027-000001", "Заявление принято"));
    audit.append(event("e2", "ЗУ-2027-000001", "=1+1"));
    audit.append(event("e3", "ЗУ-2027-000002", "Письмо"));
    audit.append(event("e4", "ЗУ-2027-000001", "Выплата 1 000 000 ₽"));
    audit.append(event("e5", "ЗУ-2027-000002", "Отказ"));
    assertThat(audit.verify().valid()).isTrue();
  }

  private long id(int nth) {
    return jdbc.sql("SELECT id FROM audit_event ORDER BY id LIMIT 1 OFFSET ?").param(nth - 1).query(Long.class).single();
  }

  private static AuditLog.Event event(String key, String caseNumber, String details) {
    return new AuditLog.Event(key, caseNumber, "JOB", "rural-grant.send-letter", "Task_SendDecisionLetter", 1L, 2L, "COMPLETED", details,
        "0".repeat(64));
  }
}
