package ru.kuzbass.edu.workflows.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.runtime.Job;
import org.operaton.bpm.engine.task.IdentityLink;
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ru.kuzbass.edu.workflows.support.ApiUsers;
import ru.kuzbass.edu.workflows.support.ProcessTest;

/**
 * The auditors' timeline of a case on the embedded engine: the engine's entries come from its own
 * history, with the users who completed the tasks as the engine's user operation
 * log has them, the automated steps, the timer's escalation and an incident, in time order, masked
 * by default.
 */
class EngineTimelineTest extends ProcessTest {

  private static final String SECOND_OFFICER = "hr.head";
  private static final String CURATOR = "curator.izhmorsky";
  /** What someone typed where a date belongs: a phone number, which the timeline must mask. */
  private static final String BAD_DATE = "звонить +7 913 555-12-34";

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired CaseTimeline timelines;

  @Test
  void theEnginesOwnHistoryWithWhoCompletedEachTaskTheEscalationAndAnIncident() throws Exception {
    jdbc.sql("INSERT INTO municipal_curator (municipality, curator_name, email) VALUES ('Ижморский муниципальный округ', 'Куратор', ?)")
        .param("curator@example.ru").update();
    String caseNumber = start();
    long instance = jdbc.sql("SELECT process_instance_key FROM pedagogical_class_opening WHERE case_number = ?").param(caseNumber)
        .query(Long.class).single();
    String id = Long.toString(instance);
    RuntimeService runtime = operaton.engine().getRuntimeService();
    ManagementService management = operaton.engine().getManagementService();

    // the reminder on time; then the deadline variable is spoilt, so the escalation fails into an incident
    operaton.awaitEntered(instance, "Task_StudySituation", 1);
    clock.advanceTo(OffsetDateTime.parse("2027-04-23T09:01:00+07:00"));
    operaton.awaitPassed(instance, "Task_RemindStudySituation");
    Object dueAt = runtime.getVariable(id, "studyDueAt");
    runtime.setVariable(id, "studyDueAt", BAD_DATE);
    clock.advanceTo(OffsetDateTime.parse("2027-05-01T00:00:01+07:00"));
    assertThat(operaton.awaitIncidentMessage(instance)).contains(BAD_DATE);
    // an operator mends the variable and retries the job, as in Cockpit: the incident is resolved
    runtime.setVariable(id, "studyDueAt", dueAt);
    Job failed = management.createJobQuery().processInstanceId(id).noRetriesLeft().singleResult();
    management.setJobRetries(failed.getId(), 1);
    operaton.awaitPassed(instance, "Task_EscalateStudySituation");
    long curatorCase = jdbc.sql("SELECT curator_process_instance_key FROM pedagogical_class_overdue WHERE step = 'STUDY'")
        .query(Long.class).single();

    // two officers and the curator, each logged in to Tasklist
    operaton.completeTask(curatorCase, "Task_ReviewOverdue", CURATOR, Map.of("curatorAction", "Позвонил директору"));
    operaton.completeTask(instance, "Task_StudySituation", HR_OFFICER, Map.of("studyNotes", "Сделано с опозданием"));
    // claimed by one officer, completed by another: the timeline names who completed it, and the assignee apart
    completeClaimedByAnother(instance, "Task_DecideOpening", HR_OFFICER, SECOND_OFFICER, Map.of("openingDecision", "YES"));
    operaton.awaitPassed(instance, "Task_RecordStudySituation");
    operaton.awaitPassed(instance, "Task_RecordDecideOpening");
    operaton.awaitEnded(curatorCase);

    JsonNode timeline = timeline(get("/api/audit/cases/{n}", caseNumber));
    assertThat(timeline.get("engineHistoryShown").asBoolean()).as("the engine's history is shown").isTrue();
    assertThat(timeline.has("engineHistoryProblem")).isFalse();
    List<JsonNode> entries = StreamSupport.stream(timeline.get("entries").spliterator(), false).toList();
    List<JsonNode> engine = entries.stream().filter(e -> text(e, "source").equals("ENGINE")).toList();

    // every user task, with the user who completed it and the same task the audit row names
    List<JsonNode> tasks = engine.stream().filter(e -> text(e, "kind").equals("USER_TASK")).toList();
    assertThat(tasks).extracting(e -> text(e, "elementId") + " " + text(e, "actor") + " " + text(e, "outcome"))
        .containsExactlyInAnyOrder("Task_ReviewOverdue " + CURATOR + " COMPLETED", "Task_StudySituation " + HR_OFFICER + " COMPLETED",
            "Task_DecideOpening " + SECOND_OFFICER + " COMPLETED");
    assertThat(tasks).filteredOn(e -> text(e, "elementId").equals("Task_DecideOpening")).singleElement()
        .satisfies(e -> assertThat(text(e, "details")).contains("назначена " + HR_OFFICER));
    for (JsonNode task : tasks) {
      assertThat(entries).as("the audit row of %s", text(task, "elementId"))
          .anySatisfy(a -> {
            assertThat(text(a, "source")).isEqualTo("AUDIT");
            assertThat(text(a, "kind")).isEqualTo("USER_TASK");
            assertThat(a.get("key").asLong()).isEqualTo(task.get("key").asLong());
            assertThat(text(a, "actor")).isEqualTo(text(task, "actor"));
          });
    }
    assertThat(tasks).extracting(e -> e.get("processInstanceKey").asLong()).contains(instance, curatorCase);

    // the automated steps and the escalation by the timer, each as the engine completed it
    List<String> completedElements = engine.stream()
        .filter(e -> text(e, "kind").equals("ELEMENT") && text(e, "outcome").equals("COMPLETED"))
        .map(e -> text(e, "elementId")).toList();
    assertThat(completedElements).contains("Task_PlanDeadlines", "Boundary_RemindStudySituation",
        "Task_RemindStudySituation", "Boundary_OverdueStudySituation", "Task_EscalateStudySituation", "Task_RecordStudySituation",
        "Task_RecordDecideOpening", "StartEvent_DeadlineMissed", "EndEvent_OverdueReviewed");
    assertThat(entries).filteredOn(e -> text(e, "source").equals("AUDIT") && text(e, "kind").equals("JOB"))
        .extracting(e -> text(e, "elementId")).isNotEmpty().allSatisfy(step -> assertThat(completedElements).contains(step));
    assertThat(engine).filteredOn(e -> text(e, "elementId").equals("Task_ChooseModel")).singleElement()
        .satisfies(e -> assertThat(text(e, "outcome")).isEqualTo("ACTIVE"));

    // the incident: where, why, resolved; its text masked
    JsonNode incident = engine.stream().filter(e -> text(e, "kind").equals("INCIDENT")).findFirst().orElseThrow();
    assertThat(text(incident, "elementId")).isEqualTo("Task_EscalateStudySituation");
    assertThat(text(incident, "outcome")).isEqualTo("RESOLVED");
    assertThat(text(incident, "details")).startsWith("failedJob: ").contains("could not be parsed", "звонить ***", ", закрыт ");

    // in time order: the deadline's timer, the incident, the escalation, then the officers' tasks
    List<Instant> times = entries.stream().map(e -> Instant.parse(text(e, "at"))).toList();
    assertThat(times).isSorted();
    assertThat(indexOf(entries, "ELEMENT", "Boundary_OverdueStudySituation")).isLessThan(entries.indexOf(incident));
    assertThat(entries.indexOf(incident)).isLessThan(indexOf(entries, "USER_TASK", "Task_ReviewOverdue"));
    assertThat(indexOf(entries, "USER_TASK", "Task_ReviewOverdue")).isLessThan(indexOf(entries, "USER_TASK", "Task_StudySituation"));
    assertThat(indexOf(entries, "USER_TASK", "Task_StudySituation")).isLessThan(indexOf(entries, "USER_TASK", "Task_DecideOpening"));

    // masked by default; shown on a request with a reason
    assertThat(timeline.toString()).doesNotContain("555-12-34");
    JsonNode shown = timeline(get("/api/audit/cases/{n}", caseNumber).param("personalData", "true").param("reason", "Приказ о проверке № 7"));
    assertThat(shown.toString()).contains(BAD_DATE);

    // the PDF report lists the same lines, the engine's among them
    var report = mvc.perform(get("/api/audit/cases/{n}/report.pdf", caseNumber).with(ApiUsers.auditor())).andExpect(status().isOk())
        .andReturn().getResponse();
    List<String> lines = timelines.of(caseNumber, false).orElseThrow().entries().stream().map(AuditReport::line).toList();
    assertThat(report.getHeader("X-Report-Content-SHA256")).isEqualTo(AuditReport.contentHash(lines));
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("Движок").contains("USER_TASK · " + SECOND_OFFICER + " · Task_DecideOpening"));
  }

  /**
   * A decision the embedded engine evaluated, with its table's version, inputs and outputs. The test
   * deploys a small process and table of its own, so that it depends on no case's path.
   */
  @Test
  void aDecisionShowsItsVersionInputsAndOutputs() throws Exception {
    var repository = operaton.engine().getRepositoryService();
    repository.createDeployment().name("engine-timeline-test").enableDuplicateFiltering(false)
        .addString("engine-timeline-test.bpmn", DECISION_PROCESS).addString("engine-timeline-test.dmn", DECISION_TABLE).deploy();
    int version = repository.createDecisionDefinitionQuery().decisionDefinitionKey("engine-timeline-band").latestVersion().singleResult()
        .getVersion();
    String caseNumber = "ПК-2027-900001";
    long instance = Long.parseLong(operaton.engine().getRuntimeService()
        .startProcessInstanceByKey("engine-timeline-test", Map.of("caseNumber", caseNumber, "score", 12)).getId());
    operaton.awaitEnded(instance);

    JsonNode timeline = timeline(get("/api/audit/cases/{n}", caseNumber));
    assertThat(timeline.get("engineHistoryShown").asBoolean()).isTrue();
    JsonNode decision = StreamSupport.stream(timeline.get("entries").spliterator(), false)
        .filter(e -> text(e, "source").equals("ENGINE") && text(e, "kind").equals("DECISION")).findFirst().orElseThrow();
    assertThat(text(decision, "elementId")).isEqualTo("Task_Band");
    assertThat(decision.get("processInstanceKey").asLong()).isEqualTo(instance);
    assertThat(text(decision, "details")).isEqualTo("engine-timeline-band: версия " + version + ", входы {Баллы=12}, выходы [band=высокий]");

    // a case begun on Camunda 8 before the move has an instance key the engine never made: the timeline names it
    // as missing and still shows the engine's history of the others
    audit.append(new AuditLog.Event("zeebe-step", caseNumber, "JOB", "test.step", "Task_OnZeebe", 2251799813685249L, 2251799813685250L,
        "COMPLETED", null, null));
    JsonNode mixed = timeline(get("/api/audit/cases/{n}", caseNumber));
    assertThat(mixed.get("engineHistoryShown").asBoolean()).isFalse();
    assertThat(text(mixed, "engineHistoryProblem")).isEqualTo("В истории движка нет экземпляров 2251799813685249: история движка по ним не показана");
    assertThat(StreamSupport.stream(mixed.get("entries").spliterator(), false))
        .anySatisfy(e -> assertThat(text(e, "source") + " " + text(e, "kind")).isEqualTo("ENGINE DECISION"))
        .noneSatisfy(e -> assertThat(text(e, "source") + " " + e.path("processInstanceKey").asLong()).isEqualTo("ENGINE 2251799813685249"));
  }

  private static final String DECISION_PROCESS = """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
          id="EngineTimelineTest" targetNamespace="http://edu.kuzbass.ru/test">
        <process id="engine-timeline-test" isExecutable="true">
          <extensionElements><camunda:executionListener event="end" delegateExpression="${auditCaseClosed}" /></extensionElements>
          <startEvent id="Start" />
          <sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_Band" />
          <businessRuleTask id="Task_Band" name="Уровень" camunda:decisionRef="engine-timeline-band" camunda:resultVariable="band"
              camunda:mapDecisionResult="singleEntry" />
          <sequenceFlow id="Flow_2" sourceRef="Task_Band" targetRef="End" />
          <endEvent id="End" />
        </process>
      </definitions>
      """;

  private static final String DECISION_TABLE = """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="EngineTimelineBand" name="Уровень" namespace="http://edu.kuzbass.ru/test">
        <decision id="engine-timeline-band" name="Уровень по баллам">
          <decisionTable id="Table_Band" hitPolicy="FIRST">
            <input id="Input_Score" label="Баллы">
              <inputExpression id="Expr_Score" typeRef="integer" expressionLanguage="juel"><text>${score}</text></inputExpression>
            </input>
            <output id="Output_Band" name="band" typeRef="string" />
            <rule id="Rule_High">
              <inputEntry id="In_High"><text>&gt;= 10</text></inputEntry>
              <outputEntry id="Out_High" expressionLanguage="juel"><text>${'высокий'}</text></outputEntry>
            </rule>
            <rule id="Rule_Low">
              <inputEntry id="In_Low"><text>-</text></inputEntry>
              <outputEntry id="Out_Low" expressionLanguage="juel"><text>${'низкий'}</text></outputEntry>
            </rule>
          </decisionTable>
        </decision>
      </definitions>
      """;

  /** As Tasklist does it: one member of the task's candidate groups claims it, another completes it. */
  private void completeClaimedByAnother(long instance, String elementId, String claimant, String completer, Map<String, Object> form) {
    Task task = operaton.awaitTask(instance, elementId);
    TaskService tasks = operaton.engine().getTaskService();
    IdentityService identity = operaton.engine().getIdentityService();
    List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream().filter(l -> l.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
    try {
      identity.setAuthentication(claimant, groups);
      tasks.claim(task.getId(), claimant);
      identity.setAuthentication(completer, groups);
      tasks.complete(task.getId(), form);
    } finally {
      identity.clearAuthentication();
    }
  }

  /** A field of an entry; the API leaves out empty fields. */
  private static String text(JsonNode entry, String field) {
    return entry.has(field) ? entry.get(field).asText() : "";
  }

  private static int indexOf(List<JsonNode> entries, String kind, String elementId) {
    List<Integer> found = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      JsonNode e = entries.get(i);
      if (text(e, "source").equals("ENGINE") && text(e, "kind").equals(kind) && text(e, "elementId").equals(elementId)) {
        found.add(i);
      }
    }
    assertThat(found).as("%s %s in the timeline", kind, elementId).hasSize(1);
    return found.getFirst();
  }

  private JsonNode timeline(MockHttpServletRequestBuilder request) throws Exception {
    return json.readTree(mvc.perform(request.with(ApiUsers.auditor())).andExpect(status().isOk()).andReturn().getResponse()
        .getContentAsString(StandardCharsets.UTF_8));
  }

  private String start() throws Exception {
    String response = mvc.perform(post("/api/pedagogical-classes/openings").contentType(MediaType.APPLICATION_JSON)
            .content("{\"schoolCode\":\"SCH-1\",\"municipality\":\"Ижморский муниципальный округ\",\"schoolEmail\":\"school@example.ru\","
                + "\"academicYear\":2027}").with(ApiUsers.hr()))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    return json.readTree(response).get("caseNumber").asText();
  }
}
