package ru.kuzbass.edu.workflows.pedagogicalclass;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.task.Task;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.kuzbass.edu.workflows.engine.EngineIds;
import ru.kuzbass.edu.workflows.letters.RussianFormat;
import ru.kuzbass.edu.workflows.mail.MailService;
import ru.kuzbass.edu.workflows.mail.OutgoingMail;
import ru.kuzbass.edu.workflows.pedagogicalclass.OpeningCalendar.Deadline;
import ru.kuzbass.edu.workflows.platform.ApiProblem;
import ru.kuzbass.edu.workflows.platform.CaseNotVisibleException;
import ru.kuzbass.edu.workflows.platform.CaseHistory;
import ru.kuzbass.edu.workflows.platform.InvalidInputException;
import ru.kuzbass.edu.workflows.platform.RegionTime;
import ru.kuzbass.edu.workflows.platform.UtcDateTime;

/**
 * Opening a psychological-pedagogical class: starting cases (one per school and year, also in
 * bulk), the deadlines, reminders and escalations, and the region's summary. Every effect is keyed
 * by the opening and step, so a retried job changes nothing.
 */
@Service
public class PedagogicalClassService {

  public static final String PROCESS_ID = "pedagogical-class-opening";
  static final String ESCALATION_PROCESS_ID = "pedagogical-class-escalation";

  private final JdbcClient jdbc;
  private final OpeningCalendar calendar;
  private final OpeningCalendarProperties properties;
  private final CaseHistory history;
  private final MailService mail;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ObjectMapper json;
  private final Clock clock;

  public PedagogicalClassService(JdbcClient jdbc, OpeningCalendar calendar, OpeningCalendarProperties properties, CaseHistory history,
      MailService mail, RuntimeService runtime, TaskService tasks, ObjectMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.properties = properties;
    this.history = history;
    this.mail = mail;
    this.runtime = runtime;
    this.tasks = tasks;
    this.json = json;
    this.clock = clock;
  }

  public record Started(String caseNumber, boolean created) {}

  record Opening(long id, String caseNumber, String schoolCode, String municipality, String schoolEmail, int academicYear, String status) {}

  /**
   * Starts the school's case for the year, or finds the one already started. The case's row and its
   * process instance commit together: the engine shares this transaction.
   */
  @Transactional
  public Started start(OpeningRequest r) {
    Long existing = jdbc.sql("SELECT id FROM pedagogical_class_opening WHERE school_code = ? AND academic_year = ?")
        .params(r.schoolCode(), r.academicYear()).query(Long.class).optional().orElse(null);
    if (existing != null) {
      return new Started(get(existing).caseNumber(), false);
    }
    long id;
    try {
      id = insert(r);
    } catch (DuplicateKeyException raced) {
      Long other = jdbc.sql("SELECT id FROM pedagogical_class_opening WHERE school_code = ? AND academic_year = ?")
          .params(r.schoolCode(), r.academicYear()).query(Long.class).single();
      return new Started(get(other).caseNumber(), false);
    }
    String number = number(id, r.academicYear());
    long key = EngineIds.key(runtime.startProcessInstanceByKey(PROCESS_ID, number, Map.of("caseId", id, "caseNumber", number,
        "schoolCode", r.schoolCode(), "municipality", r.municipality().trim(), "academicYear", r.academicYear())).getId());
    jdbc.sql("UPDATE pedagogical_class_opening SET process_instance_key = ? WHERE id = ?").params(key, id).update();
    return new Started(number, true);
  }

  /** Registers a case that Tasklist's start form began; a second case for the same school and year stops with an incident. */
  @Transactional
  public Map<String, Object> registerFromForm(OpeningRequest r, long processInstanceKey) {
    if (r.schoolCode() == null || r.schoolCode().isBlank() || r.municipality() == null || r.municipality().isBlank()
        || r.schoolEmail() == null || !r.schoolEmail().contains("@") || r.academicYear() == null) {
      throw new InvalidInputException("Поля формы schoolCode, municipality, schoolEmail и academicYear должны быть заполнены");
    }
    jdbc.sql("SELECT case_number FROM pedagogical_class_opening WHERE school_code = ? AND academic_year = ?")
        .params(r.schoolCode(), r.academicYear()).query(String.class).optional().ifPresent(n -> {
          throw new InvalidInputException("Для школы " + r.schoolCode() + " на " + r.academicYear() + " год дело уже открыто: " + n);
        });
    long id = insert(r);
    String number = number(id, r.academicYear());
    jdbc.sql("UPDATE pedagogical_class_opening SET process_instance_key = ? WHERE id = ?").params(processInstanceKey, id).update();
    return Map.of("caseId", id, "caseNumber", number);
  }

  private long insert(OpeningRequest r) {
    org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO pedagogical_class_opening (school_code, municipality, school_email, academic_year, status, started_at)
            VALUES (?, ?, ?, ?, 'STARTED', ?)""")
        .params(r.schoolCode().trim(), r.municipality().trim(), r.schoolEmail().trim(), r.academicYear(), now()).update(keys);
    return keys.getKeyAs(Number.class).longValue();
  }

  private String number(long id, int academicYear) {
    String number = "%s-%d-%06d".formatted(properties.caseNumberPrefix(), academicYear, id);
    jdbc.sql("UPDATE pedagogical_class_opening SET case_number = ? WHERE id = ?").params(number, id).update();
    history.record(number, "STARTED", "STARTED", "Учебный год " + academicYear + "/" + (academicYear + 1), clock.instant());
    return number;
  }

  /** A step the school has open now: its deadline (from the calendar, carried by the step's task) and whether it has passed. */
  public record OpenStep(String step, String stepText, OffsetDateTime dueAt, String dueText, boolean overdue) {}

  public record HistoryEntry(OffsetDateTime at, String status, String statusText, String details) {}

  /**
   * @param statusText    the status and the open steps with their deadlines, as the school reads them
   * @param currentSteps  the steps open now, in the model's order (steps 2–4 may be open together)
   */
  public record Status(String caseNumber, String schoolCode, int academicYear, String status, String statusText,
      List<OpenStep> currentSteps, List<HistoryEntry> history) {}

  /** Where the school's case is: the steps whose tasks are open in the engine, with their deadlines. */
  public Status status(String caseNumber) {
    Map<String, Object> row = jdbc.sql("SELECT id, process_instance_key FROM pedagogical_class_opening WHERE case_number = ?")
        .param(caseNumber).query().listOfRows().stream().findFirst()
        .orElseThrow(() -> ApiProblem.notFound("Дело " + caseNumber + " не найдено"));
    Opening o = get(((Number) row.get("id")).longValue());
    Object instance = row.get("process_instance_key");
    List<OpenStep> open = instance == null ? List.of()
        : tasks.createTaskQuery().processInstanceId(instance.toString()).list().stream()
            .flatMap(t -> OpeningStep.ofUserTask(t.getTaskDefinitionKey()).map(step -> openStep(step, t)).stream())
            .sorted(Comparator.comparing((OpenStep s) -> OpeningStep.valueOf(s.step())))
            .toList();
    OpeningStatus status = OpeningStatus.valueOf(o.status());
    String text = open.isEmpty() ? status.russian() : status.russian() + ". Сейчас: " + String.join("; ", open.stream()
        .map(s -> s.stepText() + " — срок " + s.dueText() + (s.overdue() ? " (срок истёк)" : "")).toList());
    List<HistoryEntry> entries = history.events(caseNumber).stream()
        .map(e -> new HistoryEntry(e.occurredAt().atZone(RegionTime.ZONE).toOffsetDateTime(), e.status(),
            OpeningStatus.valueOf(e.status()).russian(), e.details()))
        .toList();
    return new Status(o.caseNumber(), o.schoolCode(), o.academicYear(), status.name(), text, open, entries);
  }

  private OpenStep openStep(OpeningStep step, Task task) {
    String name = step.russian();
    if (step == OpeningStep.TERM_REPORT) {
      name += " № " + runtime.getVariable(task.getExecutionId(), "termReportNumber") + " из "
          + runtime.getVariable(task.getExecutionId(), "termReportCount");
    }
    OffsetDateTime due = task.getDueDate().toInstant().atZone(RegionTime.ZONE).toOffsetDateTime();
    return new OpenStep(step.name(), name, due, dueText(due.toLocalDate()), clock.instant().isAfter(due.toInstant()));
  }

  /** Every deadline of the case as process variables, computed from the academic year. */
  public Map<String, Object> planDeadlines(long caseId) {
    Opening o = get(caseId);
    int y = o.academicYear();
    Map<String, Object> v = new HashMap<>();
    put(v, "study", calendar.study(y));
    Deadline decision = calendar.decision(y);
    put(v, "decision", decision);
    put(v, "model", decision);
    put(v, "curriculum", decision);
    put(v, "admission", calendar.admission(y));
    put(v, "results", calendar.council(y));
    v.put("termReportCount", calendar.termReports(y).size());
    v.put("minEnrolment", calendar.minEnrolment(y));
    return v;
  }

  /** The next end-of-term report: its number and deadline; {@code previous} is 0 before the first. */
  public Map<String, Object> scheduleTermReport(long caseId, int previous) {
    Opening o = get(caseId);
    List<Deadline> reports = calendar.termReports(o.academicYear());
    int next = previous + 1;
    Deadline d = reports.get(next - 1);
    Map<String, Object> v = new HashMap<>();
    v.put("termReportNumber", next);
    v.put("termReportsDone", next >= reports.size());
    put(v, "termReport", d);
    return v;
  }

  /** A reminder e-mail to the school, unless the deadline has passed already (then the escalation speaks). */
  public void remind(long caseId, OpeningStep step, String dueAt, String round) {
    Opening o = get(caseId);
    OffsetDateTime due = OffsetDateTime.parse(dueAt);
    if (!clock.instant().isBefore(due.toInstant()) || completed(o.id(), stepKey(step, round))) {
      return;
    }
    mail.send(new OutgoingMail(o.caseNumber() + ":REMIND:" + stepKey(step, round), o.schoolEmail(),
        "Психолого-педагогический класс: до срока «" + step.russian() + "» осталось несколько дней (" + o.caseNumber() + ")",
        "Здравствуйте!\n\nНапоминаем: шаг «" + step.russian() + "» по заявке № " + o.caseNumber() + " нужно выполнить до "
            + RussianFormat.date(due.atZoneSameInstant(RegionTime.ZONE).toLocalDate()).replace(RussianFormat.NBSP, ' ')
            + " включительно (до 23:59 по местному времени). Задача ждёт в Tasklist.\n\nМинистерство образования Кузбасса",
        null));
    history.record(o.caseNumber(), "REMINDED:" + stepKey(step, round), o.status(), step.russian(), clock.instant());
  }

  /**
   * The deadline passed with the step open: record it, start the municipal curator's task (a case
   * of its own, so that it never holds up the school's steps) and e-mail the curator. The school's
   * task stays open.
   */
  public void escalate(long caseId, OpeningStep step, String dueAt, String round) {
    Opening o = get(caseId);
    String key = stepKey(step, round);
    OffsetDateTime due = OffsetDateTime.parse(dueAt);
    jdbc.sql("INSERT IGNORE INTO pedagogical_class_overdue (opening_id, step, due_at, escalated_at) VALUES (?, ?, ?, ?)")
        .params(o.id(), key, UtcDateTime.toDb(due.toInstant()), now()).update();
    boolean curatorTaskStarted = jdbc.sql("SELECT curator_process_instance_key IS NOT NULL FROM pedagogical_class_overdue WHERE opening_id = ? AND step = ?")
        .params(o.id(), key).query(Boolean.class).single();
    if (!curatorTaskStarted) {
      long curatorCase = EngineIds.key(runtime.startProcessInstanceByKey(ESCALATION_PROCESS_ID, o.caseNumber(), Map.of("caseId", o.id(),
          "caseNumber", o.caseNumber(), "schoolCode", o.schoolCode(), "municipality", o.municipality(), "overdueStep", step.russian(),
          "dueText", RussianFormat.date(due.atZoneSameInstant(RegionTime.ZONE).toLocalDate()).replace(RussianFormat.NBSP, ' ') + ", 23:59"))
          .getId());
      jdbc.sql("UPDATE pedagogical_class_overdue SET curator_process_instance_key = ? WHERE opening_id = ? AND step = ?")
          .params(curatorCase, o.id(), key).update();
    }
    String curator = jdbc.sql("SELECT email FROM municipal_curator WHERE municipality = ?").param(o.municipality())
        .query(String.class).optional().orElse(properties.defaultCuratorEmail());
    mail.send(new OutgoingMail(o.caseNumber() + ":ESCALATE:" + key, curator,
        "Психолого-педагогический класс: просрочен шаг в школе " + o.schoolCode() + " (" + o.caseNumber() + ")",
        "Здравствуйте!\n\nШкола " + o.schoolCode() + " (" + o.municipality() + ") не выполнила в срок шаг «" + step.russian()
            + "» по заявке № " + o.caseNumber() + ". Срок истёк "
            + RussianFormat.date(due.atZoneSameInstant(RegionTime.ZONE).toLocalDate()).replace(RussianFormat.NBSP, ' ')
            + ". Задача для муниципального куратора ждёт в Tasklist.\n\nМинистерство образования Кузбасса",
        null));
    history.record(o.caseNumber(), "OVERDUE:" + key, o.status(), "Просрочен: " + step.russian(), clock.instant());
  }

  /** Stores what the step's form produced, once, and moves the case's status on. */
  public void recordStep(long caseId, OpeningStep step, String round, Map<String, Object> data) {
    Opening o = get(caseId);
    String key = stepKey(step, round);
    String status = switch (step) {
      case DECISION -> "NO".equals(data.get("openingDecision")) ? "NOT_OPENED" : o.status();
      case ADMISSION -> number(data.get("enrolled")) >= calendar.minEnrolment(o.academicYear()) ? "OPENED" : "NOT_OPENED";
      case RESULTS -> "COMPLETED";
      default -> o.status();
    };
    int inserted;
    try {
      inserted = jdbc.sql("INSERT IGNORE INTO pedagogical_class_step (opening_id, step, data, completed_at) VALUES (?, ?, ?, ?)")
          .params(o.id(), key, json.writeValueAsString(new TreeMap<>(data)), now()).update();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    if (inserted > 0) {
      jdbc.sql("UPDATE pedagogical_class_opening SET status = ?, enrolled = COALESCE(?, enrolled) WHERE id = ?")
          .params(status, step == OpeningStep.ADMISSION ? number(data.get("enrolled")) : null, o.id()).update();
      history.record(o.caseNumber(), "STEP:" + key, status, step.russian(), clock.instant());
    }
  }

  /** Per municipality: schools at each step, overdue steps, classes opened and their pupils. */
  public record MunicipalitySummary(String municipality, Map<String, Integer> schoolsAtStep, int overdueSteps, int classesOpened, int pupils) {}

  public List<MunicipalitySummary> summary(int academicYear) {
    Map<String, MunicipalitySummary> out = new TreeMap<>();
    List<Map<String, Object>> openings = jdbc.sql("SELECT * FROM pedagogical_class_opening WHERE academic_year = ? ORDER BY municipality, id")
        .param(academicYear).query().listOfRows();
    for (Map<String, Object> row : openings) {
      long id = ((Number) row.get("id")).longValue();
      String municipality = (String) row.get("municipality");
      List<String> done = jdbc.sql("SELECT step FROM pedagogical_class_step WHERE opening_id = ?").param(id).query(String.class).list();
      int overdue = jdbc.sql("""
              SELECT COUNT(*) FROM pedagogical_class_overdue o
              WHERE o.opening_id = ? AND NOT EXISTS (SELECT 1 FROM pedagogical_class_step s WHERE s.opening_id = o.opening_id AND s.step = o.step)""")
          .param(id).query(Integer.class).single();
      String status = (String) row.get("status");
      String at = currentStep(done, status, calendar.termReports(academicYear).size());
      boolean opened = List.of("OPENED", "COMPLETED").contains(status);
      int pupils = opened && row.get("enrolled") != null ? ((Number) row.get("enrolled")).intValue() : 0;
      MunicipalitySummary prev = out.getOrDefault(municipality, new MunicipalitySummary(municipality, new TreeMap<>(), 0, 0, 0));
      Map<String, Integer> steps = new TreeMap<>(prev.schoolsAtStep());
      steps.merge(at, 1, Integer::sum);
      out.put(municipality, new MunicipalitySummary(municipality, steps, prev.overdueSteps() + overdue,
          prev.classesOpened() + (opened ? 1 : 0), prev.pupils() + pupils));
    }
    return new ArrayList<>(out.values());
  }

  /** The first step not done yet, or how the case ended. */
  static String currentStep(List<String> done, String status, int termReports) {
    if (List.of("NOT_OPENED", "COMPLETED").contains(status)) {
      return status;
    }
    for (OpeningStep step : OpeningStep.values()) {
      boolean finished = step == OpeningStep.TERM_REPORT
          ? done.stream().filter(s -> s.startsWith("TERM_REPORT")).count() >= termReports
          : done.contains(step.name());
      if (!finished) {
        return step.name();
      }
    }
    return OpeningStep.RESULTS.name();
  }

  private static int number(Object value) {
    return value instanceof Number n ? n.intValue() : value == null ? 0 : Integer.parseInt(value.toString());
  }

  private boolean completed(long openingId, String key) {
    return jdbc.sql("SELECT COUNT(*) FROM pedagogical_class_step WHERE opening_id = ? AND step = ?").params(openingId, key)
        .query(Integer.class).single() > 0;
  }

  /** Term reports are one step each: TERM_REPORT_1, TERM_REPORT_2, ... */
  static String stepKey(OpeningStep step, String round) {
    return step == OpeningStep.TERM_REPORT ? step.name() + "_" + round : step.name();
  }

  /** The timer dates, and the deadline as the forms show it: «30 апреля 2027 г., 23:59». */
  private static void put(Map<String, Object> v, String prefix, Deadline d) {
    v.put(prefix + "DueAt", d.dueAt().toString());
    v.put(prefix + "RemindAt", d.remindAt().toString());
    v.put(prefix + "DueText", dueText(d.day()));
  }

  /** A deadline as the forms and the status show it: «30 апреля 2027 г., 23:59». */
  private static String dueText(LocalDate day) {
    return RussianFormat.date(day).replace(RussianFormat.NBSP, ' ') + ", 23:59";
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
  }

  Opening get(long id) {
    return jdbc.sql("SELECT * FROM pedagogical_class_opening WHERE id = ?").param(id)
        .query((rs, i) -> new Opening(rs.getLong("id"), rs.getString("case_number"), rs.getString("school_code"),
            rs.getString("municipality"), rs.getString("school_email"), rs.getInt("academic_year"), rs.getString("status")))
        .optional().orElseThrow(() -> new CaseNotVisibleException("Pedagogical-class opening", id));
  }
}
