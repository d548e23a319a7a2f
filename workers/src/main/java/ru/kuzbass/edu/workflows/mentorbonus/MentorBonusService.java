package ru.kuzbass.edu.workflows.mentorbonus;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.operaton.bpm.engine.MismatchingMessageCorrelationException;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.delegate.BpmnError;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.kuzbass.edu.workflows.letters.IssuedLetter;
import ru.kuzbass.edu.workflows.letters.LetterContent;
import ru.kuzbass.edu.workflows.letters.LetterService;
import ru.kuzbass.edu.workflows.letters.SchoolDirectory;
import ru.kuzbass.edu.workflows.mail.MailService;
import ru.kuzbass.edu.workflows.mail.OutgoingMail;
import ru.kuzbass.edu.workflows.mentorbonus.MentorBonusLetters.Pairing;
import ru.kuzbass.edu.workflows.mentorbonus.MentoringProperties.Rules;
import ru.kuzbass.edu.workflows.people.Person;
import ru.kuzbass.edu.workflows.people.PersonDetails;
import ru.kuzbass.edu.workflows.people.PersonService;
import ru.kuzbass.edu.workflows.people.Snils;
import ru.kuzbass.edu.workflows.people.Teacher;
import ru.kuzbass.edu.workflows.people.TeacherService;
import ru.kuzbass.edu.workflows.platform.CaseNotVisibleException;
import ru.kuzbass.edu.workflows.platform.ApiProblem;
import ru.kuzbass.edu.workflows.platform.CaseHistory;
import ru.kuzbass.edu.workflows.platform.InvalidInputException;
import ru.kuzbass.edu.workflows.platform.RegionTime;
import ru.kuzbass.edu.workflows.engine.CompletedTasks;
import ru.kuzbass.edu.workflows.engine.EngineIds;

/**
 * The mentor bonus: nominations, the steps of its model ({@link MentorBonusSteps}), and the messages a school sends into
 * a running case. A case's rows and its process instance start in one transaction, and a step's
 * effects commit with the engine's move past it; every side effect (letter, mail, reservation,
 * accrual, history) is keyed by the case besides, so a step run again has its effect once.
 */
@Service
public class MentorBonusService {

  public static final String PROCESS_ID = "mentor-bonus";
  static final String MESSAGE_MENTORING_ENDED = "mentoring-ended";
  static final String ERROR_SAME_APPROVER = "SAME_APPROVER";

  /** The two approval steps and the user tasks whose completion they record. */
  public enum ApprovalStep {
    SCHOOL_HEAD("Task_ApproveBySchoolHead"),
    BUDGET_OFFICER("Task_ApproveByBudgetOfficer");

    final String userTask;

    ApprovalStep(String userTask) {
      this.userTask = userTask;
    }
  }

  private final MentorBonusRepository nominations;
  private final CaseHistory history;
  private final MentoringProperties properties;
  private final TeacherService teachers;
  private final PersonService people;
  private final BudgetEnvelopes budget;
  private final LetterService letters;
  private final SchoolDirectory schools;
  private final MailService mail;
  private final RuntimeService runtime;
  private final CompletedTasks completedTasks;
  private final Clock clock;

  public MentorBonusService(MentorBonusRepository nominations, CaseHistory history, MentoringProperties properties,
      TeacherService teachers, PersonService people, BudgetEnvelopes budget, LetterService letters, SchoolDirectory schools, MailService mail,
      RuntimeService runtime, CompletedTasks completedTasks, Clock clock) {
    this.nominations = nominations;
    this.history = history;
    this.properties = properties;
    this.teachers = teachers;
    this.people = people;
    this.budget = budget;
    this.letters = letters;
    this.schools = schools;
    this.mail = mail;
    this.runtime = runtime;
    this.completedTasks = completedTasks;
    this.clock = clock;
  }

  public record Submitted(long caseId, String caseNumber) {}

  /**
   * @param status        the stored status ({@link NominationStatus})
   * @param stage         where the case is now ({@link NominationStage})
   * @param statusText    the stage as the school reads it, with the date of the next step where there is one
   * @param nextStepDueAt that date, or null
   */
  public record Status(String caseNumber, String status, String stage, String statusText, OffsetDateTime nextStepDueAt,
      List<HistoryEntry> history) {}

  public record HistoryEntry(OffsetDateTime at, String status, String statusText, String details) {}

  // ---------------------------------------------------------------- intake

  /**
   * Stores the teachers and the nomination and starts the case, all or nothing: the engine shares
   * this transaction. The case number is the instance's business key.
   */
  @Transactional
  public Submitted nominate(NominationRequest r) {
    checkPlan(r.plan().startDate(), r.plan().endDate(), r.fundingSource(), "plan.endDate", "fundingSource", ApiProblem::badField);
    Set<String> snils = new HashSet<>();
    snils.add(Snils.normalise(r.mentor().snils()));
    for (int i = 0; i < r.mentees().size(); i++) {
      if (!snils.add(Snils.normalise(r.mentees().get(i).snils()))) {
        throw ApiProblem.badField("mentees[" + i + "].snils", "Этот педагог уже указан в заявке");
      }
    }
    Teacher mentor = register(r.mentor(), r.school().code());
    List<Long> mentees = new ArrayList<>();
    r.mentees().forEach(m -> mentees.add(register(m, r.school().code()).id()));
    Submitted submitted = store(r.school().code(), r.school().email().trim(), r.fundingSource(), r.plan().goals().trim(),
        r.plan().startDate(), r.plan().endDate(), mentor.id(), mentees);
    long key = EngineIds.key(runtime.startProcessInstanceByKey(PROCESS_ID, submitted.caseNumber(),
        Map.of("caseId", submitted.caseId(), "caseNumber", submitted.caseNumber(), "schoolCode", r.school().code())).getId());
    nominations.assignProcessInstance(submitted.caseId(), key);
    return submitted;
  }

  /** Fields of the Tasklist start form: teachers are named by their registry ids, never by personal data. */
  public record FormNomination(String schoolCode, String schoolEmail, Long mentorTeacherId, String menteeTeacherIds,
      String goals, String startDate, String endDate, String fundingSource) {}

  /** A nomination started from the Tasklist start form; bad fields stop the case with an incident naming them. */
  @Transactional
  public Map<String, Object> registerFromForm(FormNomination f, long processInstanceKey) {
    if (f.schoolCode() == null || f.schoolCode().isBlank() || f.schoolEmail() == null || !f.schoolEmail().contains("@")) {
      throw new InvalidInputException("Поля schoolCode и schoolEmail формы заявки заполнены неверно");
    }
    if (f.goals() == null || f.goals().isBlank()) {
      throw new InvalidInputException("Поле goals формы заявки не заполнено");
    }
    LocalDate start = parseDate(f.startDate(), "startDate");
    LocalDate end = parseDate(f.endDate(), "endDate");
    checkPlan(start, end, f.fundingSource(), "endDate", "fundingSource", (field, msg) -> new InvalidInputException(field + ": " + msg));
    Teacher mentor = teacher(f.mentorTeacherId(), "mentorTeacherId");
    List<Long> mentees = new ArrayList<>();
    for (String id : (f.menteeTeacherIds() == null ? "" : f.menteeTeacherIds()).split("[,;\\s]+")) {
      if (id.isBlank()) {
        continue;
      }
      try {
        long teacherId = teacher(Long.parseLong(id), "menteeTeacherIds").id();
        if (teacherId == mentor.id() || mentees.contains(teacherId)) {
          throw new InvalidInputException("menteeTeacherIds: педагог " + teacherId + " указан дважды");
        }
        mentees.add(teacherId);
      } catch (NumberFormatException e) {
        throw new InvalidInputException("menteeTeacherIds: «" + id + "» не является номером педагога");
      }
    }
    if (mentees.isEmpty()) {
      throw new InvalidInputException("menteeTeacherIds: укажите хотя бы одного наставляемого");
    }
    Submitted s = store(f.schoolCode().trim(), f.schoolEmail().trim(), f.fundingSource(), f.goals().trim(), start, end, mentor.id(), mentees);
    nominations.assignProcessInstance(s.caseId(), processInstanceKey);
    return Map.of("caseId", s.caseId(), "caseNumber", s.caseNumber());
  }

  public Status status(String caseNumber) {
    Nomination n = byNumber(caseNumber);
    List<HistoryEntry> entries = history.events(caseNumber).stream()
        .map(e -> new HistoryEntry(e.occurredAt().atZone(RegionTime.ZONE).toOffsetDateTime(), e.status(),
            NominationStatus.valueOf(e.status()).russian(), e.details()))
        .toList();
    ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID).processInstanceBusinessKey(caseNumber)
        .singleResult();
    NominationStage stage = instance == null ? NominationStage.of(n.status())
        : NominationStage.at(runtime.getActivityInstance(instance.getId())).orElse(NominationStage.of(n.status()));
    OffsetDateTime dueAt = nextStepDue(instance, stage);
    return new Status(n.caseNumber(), n.status().name(), stage.name(), stage.text(dueAt), dueAt, entries);
  }

  /** The date the stage's next step is due, from the variable the step that set it up left in the case; null when it has none. */
  private OffsetDateTime nextStepDue(ProcessInstance instance, NominationStage stage) {
    Object due = instance == null || stage.dueVariable() == null ? null : runtime.getVariable(instance.getId(), stage.dueVariable());
    return due == null ? null : OffsetDateTime.parse(due.toString()).atZoneSameInstant(RegionTime.ZONE).toOffsetDateTime();
  }

  /**
   * The mentor or a mentee left: accruals stop and the unused reservation goes back. The end date and
   * the message to the case commit together; a case not waiting in its mentoring any more refuses it.
   */
  @Transactional
  public void endMentoring(String caseNumber, LocalDate endedOn, String reason) {
    Nomination n = byNumber(caseNumber);
    if (n.status() != NominationStatus.ACTIVE) {
      throw ApiProblem.conflict("Наставничество по заявке " + caseNumber + " сейчас не идёт (статус: " + n.status().russian() + ")");
    }
    if (endedOn.isBefore(n.startDate()) || endedOn.isAfter(n.endDate())) {
      throw ApiProblem.badField("endDate", "Дата прекращения должна быть в пределах плана: с " + n.startDate() + " по " + n.endDate());
    }
    nominations.recordEnd(n.id(), endedOn);
    try {
      runtime.createMessageCorrelation(MESSAGE_MENTORING_ENDED).processInstanceBusinessKey(caseNumber)
          .setVariable("mentoringEndedOn", endedOn.toString()).correlateWithResult();
    } catch (MismatchingMessageCorrelationException notWaiting) {
      throw ApiProblem.conflict("Наставничество по заявке " + caseNumber + " уже завершается");
    }
    history.record(caseNumber, "MENTORING_ENDED", NominationStatus.ACTIVE.name(), "Прекращено " + endedOn + ": " + reason, clock.instant());
  }

  // ---------------------------------------------------------------- steps (MentorBonusSteps)

  public Map<String, Object> eligibilityFacts(long caseId) {
    Nomination n = get(caseId);
    Rules rules = properties.rules(n.campaignYear());
    Teacher mentor = teacherOf(n.mentorTeacherId());
    List<Map<String, Object>> mentees = new ArrayList<>();
    for (Long id : nominations.mentees(n.id())) {
      Teacher t = teacherOf(id);
      Person p = people.get(t.personId());
      mentees.add(Map.of("age", Period.between(p.birthDate(), n.startDate()).getYears(), "experienceYears", t.experienceYears()));
    }
    nominations.updateStatus(n.id(), NominationStatus.IN_APPROVAL);
    Map<String, Object> facts = new HashMap<>();
    facts.put("mentorExperienceYears", mentor.experienceYears());
    facts.put("mentorQualification", mentor.qualificationCategory().name());
    facts.put("mentees", mentees);
    facts.put("currentMenteeCount", nominations.currentMenteeCount(n.mentorTeacherId(), n.id()));
    facts.put("overlappingBonus", nominations.hasOverlappingBonus(n));
    facts.put("minMentorExperienceYears", rules.minMentorExperienceYears());
    facts.put("mentorQualifications", rules.mentorQualifications().stream().map(Enum::name).toList());
    facts.put("menteeAgeLimit", rules.menteeAgeLimit());
    facts.put("menteeMaxExperienceYears", rules.menteeMaxExperienceYears());
    facts.put("maxMenteesPerMentor", rules.maxMenteesPerMentor());
    // the year whose configured thresholds the decision reads; the audit log records it with the decision
    facts.put("campaignYear", n.campaignYear());
    // what the approvers' forms show: figures, no personal data
    facts.put("planStart", n.startDate().toString());
    facts.put("planEnd", n.endDate().toString());
    facts.put("months", n.months());
    // amounts as text: the engine would keep a BigDecimal as a serialized Java object
    facts.put("monthlyAmount", rules.monthlyAmount().toPlainString());
    facts.put("totalAmount", rules.monthlyAmount().multiply(BigDecimal.valueOf(n.months())).toPlainString());
    facts.put("fundingSource", n.fundingSource());
    facts.put("menteeCount", mentees.size());
    facts.put("mentorSubject", mentor.subject());
    // the approvers' forms say how long the school has to correct a returned nomination
    facts.put("correctionWaitDays", properties.correctionWaitDays());
    return facts;
  }

  /**
   * Records who took the approval step and what they decided. Who completed the user task comes from
   * the engine's history (its user operation log: the user logged in to Tasklist), not from a table
   * of ours; the task's id tells one pass through the approval from the next. The budget step must be
   * taken by someone other than whoever completed the school head's latest approval (four eyes);
   * otherwise the BPMN error {@code SAME_APPROVER} sends it back to the budget officers.
   */
  public Map<String, Object> recordApproval(long caseId, ApprovalStep step, String processInstanceId, String decision) {
    Nomination n = get(caseId);
    CompletedTasks.Completed approval = completedTasks.last(processInstanceId, step.userTask);
    String approver = approval.user();
    String round = approval.taskId();
    if (step == ApprovalStep.BUDGET_OFFICER && approver.equalsIgnoreCase(completedTasks.last(processInstanceId, ApprovalStep.SCHOOL_HEAD.userTask).user())) {
      history.record(n.caseNumber(), "FOUR_EYES:" + round, NominationStatus.IN_APPROVAL.name(),
          "Согласование бюджета отклонено: " + approver + " уже согласовал(а) заявку как руководитель школы", clock.instant());
      throw new BpmnError(ERROR_SAME_APPROVER, "Заявку уже согласовал(а) " + approver + "; второй шаг выполняет другой сотрудник");
    }
    if (step == ApprovalStep.SCHOOL_HEAD) {
      nominations.recordSchoolHeadDecision(caseId, approver, decision);
    } else {
      nominations.recordBudgetDecision(caseId, approver, decision);
    }
    NominationStatus status = "RETURN".equals(decision) ? NominationStatus.RETURNED : NominationStatus.IN_APPROVAL;
    record(n, step.name() + ":" + round, status,
        (step == ApprovalStep.SCHOOL_HEAD ? "Руководитель школы " : "Бюджет: ") + approver + " — " + decisionText(decision));
    LocalDate correctionDue = RegionTime.today(clock).plusDays(properties.correctionWaitDays());
    return Map.of("correctionDueAt", RegionTime.endOfDay(correctionDue).toString());
  }

  public void applyCorrection(long caseId, String goals, String startDate, String endDate, String round) {
    Nomination n = get(caseId);
    LocalDate start = parseDate(startDate, "correctedStartDate");
    LocalDate end = parseDate(endDate, "correctedEndDate");
    checkPlan(start, end, n.fundingSource(), "correctedEndDate", "fundingSource", (f, m) -> new InvalidInputException(f + ": " + m));
    nominations.updatePlan(caseId, goals == null || goals.isBlank() ? n.goals() : goals.trim(), start, end);
    record(n, "CORRECTED:" + round, NominationStatus.SUBMITTED, "План исправлен: с " + start + " по " + end);
  }

  /** RESERVED, WAITING (retry later) or EXPIRED (the plan is over before money was found). */
  public Map<String, Object> reserveBudget(long caseId) {
    Nomination n = get(caseId);
    Rules rules = properties.rules(n.campaignYear());
    BigDecimal amount = rules.monthlyAmount().multiply(BigDecimal.valueOf(n.months()));
    LocalDate today = RegionTime.today(clock);
    String outcome;
    if (budget.reserve(n.id(), n.startDate().getYear(), n.fundingSource(), amount) == BudgetEnvelopes.Outcome.RESERVED) {
      outcome = "RESERVED";
      history.record(n.caseNumber(), "BUDGET_RESERVED", NominationStatus.IN_APPROVAL.name(),
          "Зарезервировано " + amount + " ₽ (" + n.months() + " мес.)", clock.instant());
    } else if (today.isAfter(n.endDate())) {
      outcome = "EXPIRED";
    } else {
      outcome = "WAITING";
    }
    OffsetDateTime retryAt = clock.instant().plus(properties.budgetRetryInterval()).atZone(RegionTime.ZONE).toOffsetDateTime();
    return Map.of("budgetOutcome", outcome, "budgetRetryAt", retryAt.toString());
  }

  /** The month to accrue next and when: at the start of the following month, local time. */
  public Map<String, Object> scheduleAccrual(long caseId, String previousMonth) {
    Nomination n = get(caseId);
    YearMonth month = previousMonth == null ? n.firstMonth() : YearMonth.parse(previousMonth).plusMonths(1);
    return Map.of("accrualMonth", month.toString(),
        "accrualDueAt", RegionTime.startOfDay(month.plusMonths(1).atDay(1)).toString());
  }

  /** One accrual row for the month, once; tells whether it was the plan's last month. */
  public boolean accrueMonth(long caseId, String accrualMonth) {
    Nomination n = get(caseId);
    YearMonth month = YearMonth.parse(accrualMonth);
    BigDecimal amount = properties.rules(n.campaignYear()).monthlyAmount();
    if (nominations.accrue(n, month, amount, clock.instant())) {
      history.record(n.caseNumber(), "ACCRUED:" + month, NominationStatus.ACTIVE.name(), "Начислено за " + month + ": " + amount + " ₽",
          clock.instant());
    }
    return !month.isBefore(n.lastMonth());
  }

  /** The pairing is over: whatever was reserved and not accrued goes back to the envelope. */
  public Map<String, Object> releaseReservation(long caseId) {
    Nomination n = get(caseId);
    BigDecimal released = budget.release(n.id(), nominations.accruedTotal(n.id()));
    nominations.recordEnd(n.id(), n.endDate());
    record(n, "RESERVATION_RELEASED", NominationStatus.ENDED, "Возвращено в бюджет: " + released + " ₽");
    return Map.of("releasedAmount", released.toPlainString());
  }

  public void sendLetter(MentorLetterKind kind, MentorLetterInputs in) {
    Nomination n = get(in.caseId());
    Person mentor = people.get(teacherOf(n.mentorTeacherId()).personId());
    List<String> reasons = kind == MentorLetterKind.REJECTION ? in.rejectionReasons() : List.of();
    IssuedLetter letter = letters.issue(n.caseNumber(), kind.name(), kind.number(n.caseNumber()).replace('/', '-') + ".pdf",
        () -> content(kind, n, mentor, reasons));
    String subject = "Доплата за наставничество: " + Character.toLowerCase(kind.title().charAt(0)) + kind.title().substring(1)
        + " (заявка " + n.caseNumber() + ")";
    String body = "Во вложении — " + kind.title().toLowerCase() + " № " + letter.number() + " по заявке № " + n.caseNumber()
        + ".\n\nПисьмо отправлено автоматически, отвечать на него не нужно.\n\n" + MentorBonusLetters.ISSUER;
    if (kind != MentorLetterKind.CERTIFICATE) {
      mail.send(new OutgoingMail(n.caseNumber() + ":" + kind + ":SCHOOL", n.schoolEmail(), subject, "Здравствуйте!\n\n" + body, letter));
    }
    if (kind == MentorLetterKind.ORDER || kind == MentorLetterKind.CERTIFICATE) {
      mail.send(new OutgoingMail(n.caseNumber() + ":" + kind + ":MENTOR", mentor.email(), subject,
          "Здравствуйте, " + mentor.givenName() + "!\n\n" + body, letter));
    }
    record(n, "LETTER:" + kind, kind.status(), reasons.isEmpty() ? "Письмо № " + letter.number() : String.join("; ", reasons));
  }

  // ---------------------------------------------------------------- helpers

  private LetterContent content(MentorLetterKind kind, Nomination n, Person mentor, List<String> reasons) {
    Rules rules = properties.rules(n.campaignYear());
    List<Person> mentees = nominations.mentees(n.id()).stream().map(id -> people.get(teacherOf(id).personId())).toList();
    Pairing pairing = new Pairing(n, mentor, mentees, rules.monthlyAmount(), properties.fundingSourceName(n.fundingSource()), rules.basis(),
        schools.name(n.schoolCode()));
    LocalDate today = RegionTime.today(clock);
    return switch (kind) {
      case REJECTION -> MentorBonusLetters.rejection(pairing, today, reasons);
      case WAITING_LIST -> MentorBonusLetters.waitingList(pairing, today);
      case ORDER -> MentorBonusLetters.order(pairing, today);
      case CERTIFICATE -> MentorBonusLetters.certificate(pairing, today, n.endedOn() == null ? n.endDate() : n.endedOn());
    };
  }

  private Submitted store(String schoolCode, String schoolEmail, String fundingSource, String goals, LocalDate start, LocalDate end,
      long mentorTeacherId, List<Long> mentees) {
    Instant now = clock.instant();
    int year = start.getYear();
    long id = nominations.insert(new MentorBonusRepository.NewNomination(year, mentorTeacherId, schoolCode, schoolEmail,
        fundingSource, goals, start, end, now), mentees);
    String number = "%s-%d-%06d".formatted(properties.caseNumberPrefix(), year, id);
    nominations.assignNumber(id, number);
    history.record(number, "SUBMITTED", NominationStatus.SUBMITTED.name(), null, now);
    return new Submitted(id, number);
  }

  interface FieldProblem {
    RuntimeException of(String field, String message);
  }

  private void checkPlan(LocalDate start, LocalDate end, String fundingSource, String endField, String sourceField, FieldProblem problem) {
    if (!end.isAfter(start)) {
      throw problem.of(endField, "Дата окончания должна быть позже даты начала");
    }
    int maxPlanMonths = properties.rules(start.getYear()).maxPlanMonths();
    if (Period.between(start, end).toTotalMonths() >= maxPlanMonths) {
      throw problem.of(endField, "План наставничества не может быть длиннее " + maxPlanMonths + " мес.");
    }
    if (!properties.fundingSourceAllowed(fundingSource)) {
      throw problem.of(sourceField, "Доплата за наставничество выплачивается из областного бюджета; источник «"
          + properties.fundingSourceName(fundingSource) + "» не предусмотрен");
    }
    if (!properties.hasEnvelope(start.getYear(), fundingSource)) {
      throw problem.of(sourceField, "Для источника «" + fundingSource + "» на " + start.getYear() + " год бюджет не предусмотрен");
    }
  }

  private Teacher register(NominationRequest.TeacherData t, String schoolCode) {
    return teachers.register(
        new PersonDetails(Snils.normalise(t.snils()), t.surname().trim(), t.name().trim(),
            t.patronymic() == null || t.patronymic().isBlank() ? null : t.patronymic().trim(), t.birthDate(), t.email().trim(), t.phone().trim()),
        new TeacherService.TeacherDetails(schoolCode, t.subject().trim(), t.experienceYears(), t.qualificationCategory()));
  }

  private Teacher teacher(Long id, String field) {
    if (id == null) {
      throw new InvalidInputException(field + ": номер педагога не указан");
    }
    return teachers.find(id).orElseThrow(() -> new InvalidInputException(field + ": педагог с номером " + id + " не найден в реестре"));
  }

  private Teacher teacherOf(long id) {
    return teachers.find(id).orElseThrow(() -> new IllegalStateException("Teacher " + id + " does not exist"));
  }

  private static LocalDate parseDate(String value, String field) {
    try {
      return LocalDate.parse(value);
    } catch (RuntimeException e) {
      throw new InvalidInputException(field + ": дата «" + value + "» указана неверно");
    }
  }

  private void record(Nomination n, String key, NominationStatus status, String details) {
    if (history.record(n.caseNumber(), key, status.name(), details, clock.instant())) {
      nominations.updateStatus(n.id(), status);
    }
  }

  private static String decisionText(String decision) {
    return switch (String.valueOf(decision)) {
      case "APPROVE" -> "согласовано";
      case "REJECT" -> "отказано";
      case "RETURN" -> "возвращено на доработку";
      default -> decision;
    };
  }

  private Nomination get(long caseId) {
    return nominations.findById(caseId).orElseThrow(() -> new CaseNotVisibleException("Mentor-bonus nomination", caseId));
  }

  private Nomination byNumber(String caseNumber) {
    return nominations.findByNumber(caseNumber).orElseThrow(() -> ApiProblem.notFound("Заявка " + caseNumber + " не найдена"));
  }
}
