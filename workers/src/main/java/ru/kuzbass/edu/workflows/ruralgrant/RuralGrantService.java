package ru.kuzbass.edu.workflows.ruralgrant;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.operaton.bpm.engine.MismatchingMessageCorrelationException;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.runtime.MessageCorrelationBuilder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.kuzbass.edu.workflows.engine.EngineIds;
import ru.kuzbass.edu.workflows.letters.IssuedLetter;
import ru.kuzbass.edu.workflows.letters.LetterContent;
import ru.kuzbass.edu.workflows.letters.LetterService;
import ru.kuzbass.edu.workflows.letters.RussianFormat;
import ru.kuzbass.edu.workflows.letters.SchoolDirectory;
import ru.kuzbass.edu.workflows.mail.MailService;
import ru.kuzbass.edu.workflows.mail.OutgoingMail;
import ru.kuzbass.edu.workflows.payments.PaymentLedger;
import ru.kuzbass.edu.workflows.people.Person;
import ru.kuzbass.edu.workflows.people.PersonDetails;
import ru.kuzbass.edu.workflows.people.PersonService;
import ru.kuzbass.edu.workflows.people.Snils;
import ru.kuzbass.edu.workflows.platform.CaseNotVisibleException;
import ru.kuzbass.edu.workflows.platform.ApiProblem;
import ru.kuzbass.edu.workflows.platform.CaseHistory;
import ru.kuzbass.edu.workflows.platform.CaseTokens;
import ru.kuzbass.edu.workflows.platform.RegionTime;
import ru.kuzbass.edu.workflows.ruralgrant.RefundCalculator.Refund;
import ru.kuzbass.edu.workflows.ruralgrant.RuralGrantProperties.Campaign;

/**
 * The rural grant («Земский учитель»): intake, the steps its workers run, and the messages that
 * applicants and HR send into a running case. Every side effect is keyed by case and kind, so a
 * step the engine retries has its effect once. The case's process instance has the case number as
 * its business key, by which messages find it.
 */
@Service
public class RuralGrantService {

  public static final String PROCESS_ID = "rural-teacher-grant";
  static final String MESSAGE_DOCUMENTS_SUPPLEMENTED = "documents-supplemented";
  static final String MESSAGE_TEACHER_DEPARTED = "teacher-departed";
  static final String LEDGER_GRANT = "RURAL_GRANT";
  static final String LEDGER_REFUND = "RURAL_GRANT_REFUND";
  private static final Set<CaseStatus> IN_OBLIGATION = Set.of(CaseStatus.IN_OBLIGATION, CaseStatus.EMPLOYMENT_CONFIRMED);

  private final RuralGrantRepository cases;
  private final CaseHistory history;
  private final RuralGrantProperties properties;
  private final PersonService people;
  private final LetterService letters;
  private final SchoolDirectory schools;
  private final MailService mail;
  private final PaymentLedger ledger;
  private final RuntimeService runtime;
  private final Clock clock;

  public RuralGrantService(RuralGrantRepository cases, CaseHistory history, RuralGrantProperties properties,
      PersonService people, LetterService letters, SchoolDirectory schools, MailService mail, PaymentLedger ledger, RuntimeService runtime,
      Clock clock) {
    this.cases = cases;
    this.history = history;
    this.properties = properties;
    this.people = people;
    this.letters = letters;
    this.schools = schools;
    this.mail = mail;
    this.ledger = ledger;
    this.runtime = runtime;
    this.clock = clock;
  }

  /** {@code statusToken} is shown to the applicant once and never stored: only its hash is. */
  public record Submitted(long caseId, String caseNumber, long processInstanceKey, String statusToken) {}

  /**
   * {@code status} is the case's {@link CaseStage}; {@code nextStepDue}, where there is one, the
   * day by which the next step is due (the applicant's documents, the next yearly confirmation).
   */
  public record Status(String caseNumber, String status, String statusText, LocalDate nextStepDue, OffsetDateTime submittedAt,
      List<HistoryEntry> history) {}

  public record HistoryEntry(OffsetDateTime at, String status, String statusText, String details) {}

  // ---------------------------------------------------------------- intake and look-ups

  /**
   * Stores the applicant and the application and starts the case, all or nothing: the engine shares
   * this transaction, so if it cannot start the instance nothing is stored and the applicant may
   * simply retry.
   */
  @Transactional
  public Submitted submit(ApplicationRequest r) {
    Instant now = clock.instant();
    int year = RegionTime.today(clock).getYear();
    properties.campaign(year);
    DirectorySchool school = cases.directorySchool(r.school().code().trim()).orElseThrow(() ->
        ApiProblem.badField("school.code", "Школа с кодом " + r.school().code().trim() + " не найдена в справочнике школ"));
    ApplicationRequest.Applicant a = r.applicant();
    Person person = people.register(new PersonDetails(Snils.normalise(a.snils()), a.surname().trim(), a.name().trim(),
        a.patronymic() == null || a.patronymic().isBlank() ? null : a.patronymic().trim(), a.birthDate(), a.email().trim(), a.phone().trim()));
    long id;
    try {
      id = cases.insert(r, school, person.id(), year, now);
    } catch (DuplicateKeyException e) {
      throw ApiProblem.conflict("Заявление с этим СНИЛС в кампании " + year + " года уже подано");
    }
    String number = "%s-%d-%06d".formatted(properties.caseNumberPrefix(), year, id);
    String token = CaseTokens.issue();
    cases.assignNumber(id, number, CaseTokens.hash(token));
    history.record(number, "SUBMITTED", CaseStatus.SUBMITTED.name(), null, now);
    long instanceKey = EngineIds.key(runtime.startProcessInstanceByKey(PROCESS_ID, number, Map.of(
        "caseId", id,
        "caseNumber", number,
        "campaignYear", year,
        "schoolCode", school.code(),
        "municipality", school.municipality(),
        "position", r.position().trim(),
        // the document-check form names the applicant's deadline from it
        "documentsWaitDays", properties.documentsWaitDays())).getId());
    cases.assignProcessInstance(id, instanceKey);
    return new Submitted(id, number, instanceKey, token);
  }

  /** Whether the request may see the case: staff, or the applicant with the case's token. */
  public boolean admits(jakarta.servlet.http.HttpServletRequest request, String caseNumber) {
    return CaseTokens.admits(request, cases.statusTokenHash(caseNumber));
  }

  public Status status(String caseNumber) {
    GrantCase c = byNumber(caseNumber);
    List<HistoryEntry> entries = history.events(c.caseNumber()).stream()
        .map(e -> new HistoryEntry(local(e.occurredAt()), e.status(), CaseStatus.valueOf(e.status()).russian(), e.details()))
        .toList();
    Stage now = stage(c);
    return new Status(c.caseNumber(), now.stage().name(), now.text(), now.nextStepDue(), local(c.submittedAt()), entries);
  }

  private record Stage(CaseStage stage, String text, LocalDate nextStepDue) {}

  /** Where the case is: by the element its instance waits in, or, once it has ended, by its last status. */
  private Stage stage(GrantCase c) {
    String instance = Long.toString(c.processInstanceKey());
    if (runtime.createProcessInstanceQuery().processInstanceId(instance).count() == 0) {
      CaseStage ended = CaseStage.ended(c.status());
      return new Stage(ended, ended.text(null), null);
    }
    List<String> active = runtime.getActiveActivityIds(instance);
    CaseStage stage = CaseStage.at(active).orElseThrow(() -> new IllegalStateException(
        "Case " + c.caseNumber() + " waits in " + active + ", which no CaseStage names"));
    return switch (stage) {
      case DOCUMENTS_REQUESTED -> {
        LocalDate due = day(runtime.getVariable(instance, "documentsDueAt"));
        yield new Stage(stage, stage.text(russianDate(due)), due);
      }
      case IN_OBLIGATION -> {
        LocalDate termEnd = c.contractDate().plusYears(properties.campaign(c.campaignYear()).obligationYears());
        // the next confirmation's date is set once the step that plans it has run
        LocalDate due = active.contains("Task_ScheduleConfirmation") ? null : day(runtime.getVariable(instance, "confirmationDueAt"));
        yield new Stage(stage, stage.text(russianDate(termEnd)), due);
      }
      default -> new Stage(stage, stage.text(null), null);
    };
  }

  /** The applicant has sent the documents that HR asked for; the case goes back to the document check. */
  @Transactional
  public void supplementDocuments(String caseNumber) {
    GrantCase c = byNumber(caseNumber);
    if (c.status() != CaseStatus.DOCUMENTS_REQUESTED) {
      throw ApiProblem.conflict("По заявлению " + caseNumber + " дополнительные документы сейчас не запрошены");
    }
    String round = history.events(c.caseNumber()).stream().filter(e -> e.key().startsWith("DOCUMENTS_REQUESTED:"))
        .reduce((first, last) -> last).orElseThrow().key();
    correlate(runtime.createMessageCorrelation(MESSAGE_DOCUMENTS_SUPPLEMENTED).processInstanceBusinessKey(caseNumber),
        "По заявлению " + caseNumber + " дополнительные документы больше не ожидаются");
    record(c, "DOCUMENTS_SUPPLEMENTED:" + round, CaseStatus.DOCUMENTS_SUPPLEMENTED, null, clock.instant());
  }

  /** The teacher left the school before the term ended; the case goes on to the refund. */
  @Transactional
  public void reportDeparture(String caseNumber, LocalDate departureDate) {
    GrantCase c = byNumber(caseNumber);
    if (!IN_OBLIGATION.contains(c.status())) {
      throw ApiProblem.conflict("Заявление " + caseNumber + " не находится в периоде отработки (статус: " + c.status().russian() + ")");
    }
    if (departureDate.isBefore(c.contractDate())) {
      throw ApiProblem.badField("departureDate", "Дата увольнения не может быть раньше даты договора (" + c.contractDate() + ")");
    }
    if (departureDate.isAfter(RegionTime.today(clock))) {
      throw ApiProblem.badField("departureDate", "Дата увольнения не может быть в будущем");
    }
    correlate(runtime.createMessageCorrelation(MESSAGE_TEACHER_DEPARTED).processInstanceBusinessKey(caseNumber)
            .setVariable("departureDate", departureDate.toString()),
        "Заявление " + caseNumber + " не находится в периоде отработки");
    record(c, "DEPARTURE_REPORTED", CaseStatus.DEPARTED, "Дата увольнения: " + departureDate, clock.instant());
  }

  // ---------------------------------------------------------------- steps the engine runs (RuralGrantSteps)

  /** The facts and the campaign's thresholds that the eligibility table decides on. */
  public Map<String, Object> eligibilityFacts(long caseId) {
    GrantCase c = get(caseId);
    Person p = people.get(c.personId());
    Campaign k = properties.campaign(c.campaignYear());
    LocalDate submittedOn = LocalDate.ofInstant(c.submittedAt(), RegionTime.ZONE);
    Map<String, Object> facts = new HashMap<>();
    facts.put("sameSettlement", c.previousSettlement() != null
        && SettlementNames.same(c.previousMunicipality(), c.previousSettlement(), c.municipality(), c.settlementName()));
    facts.put("relocationRule", k.relocationRule().name());
    facts.put("settlementType", c.settlementType().name());
    facts.put("settlementPopulation", c.settlementPopulation());
    facts.put("vacancyListed", cases.isVacancyListed(c.campaignYear(), c.schoolCode(), c.position()));
    facts.put("applicantAge", Period.between(p.birthDate(), submittedOn).getYears());
    facts.put("weeklyLoadHours", c.weeklyLoadHours());
    facts.put("submittedOn", submittedOn.toString());
    facts.put("allowedSettlementTypes", k.allowedSettlementTypes().stream().map(Enum::name).toList());
    facts.put("maxPopulation", k.maxPopulation());
    facts.put("minWeeklyLoadHours", k.minWeeklyLoadHours());
    facts.put("ageLimit", k.ageLimit());
    facts.put("windowStart", k.windowStart().toString());
    facts.put("windowEnd", k.windowEnd().toString());
    facts.put("obligationYears", k.obligationYears());
    return facts;
  }

  /**
   * E-mails the applicant the list of missing documents and returns the deadline. {@code round}
   * tells one request from the next when HR asks more than once; the deadline is counted from
   * the recorded request, so a retry computes the same one.
   */
  public OffsetDateTime requestDocuments(long caseId, String round, String missingDocuments) {
    GrantCase c = get(caseId);
    String key = "DOCUMENTS_REQUESTED:" + round;
    record(c, key, CaseStatus.DOCUMENTS_REQUESTED, missingDocuments, clock.instant());
    Instant requestedAt = history.find(c.caseNumber(), key).orElseThrow().occurredAt();
    LocalDate dueDay = LocalDate.ofInstant(requestedAt, RegionTime.ZONE).plusDays(properties.documentsWaitDays());
    Person p = people.get(c.personId());
    mail.send(new OutgoingMail(c.caseNumber() + ":DOCUMENTS_REQUEST:" + round, p.email(),
        "Земский учитель: нужны дополнительные документы по заявлению " + c.caseNumber(),
        "Здравствуйте, " + p.givenName() + "!\n\n"
            + "Для рассмотрения заявления № " + c.caseNumber() + " представьте, пожалуйста, следующие документы:\n\n"
            + missingDocuments + "\n\n"
            + "Срок — до " + russianDate(dueDay) + " включительно. "
            + "Если документы не поступят в срок, в предоставлении выплаты будет отказано.\n\n"
            + GrantLetters.ISSUER,
        null));
    return RegionTime.endOfDay(dueDay);
  }

  public void sendLetter(GrantLetterKind kind, LetterInputs in) {
    GrantCase c = get(in.caseId());
    Person p = people.get(c.personId());
    LocalDate today = RegionTime.today(clock);
    List<String> reasons = kind == GrantLetterKind.REJECTION ? in.rejectionReasons() : List.of();
    if (kind == GrantLetterKind.COMPLETION) {
      recordConfirmation(c, properties.campaign(c.campaignYear()).obligationYears());
    }
    IssuedLetter letter = letters.issue(c.caseNumber(), kind.name(), fileName(kind, c),
        () -> content(kind, c, p, today, reasons, in));
    mail.send(new OutgoingMail(c.caseNumber() + ":" + kind.name(), p.email(),
        "Земский учитель: " + lowerFirst(kind.title()) + " (заявление " + c.caseNumber() + ")",
        "Здравствуйте, " + p.givenName() + "!\n\n"
            + "Во вложении — " + lowerFirst(kind.title()) + " № " + letter.number() + " по Вашему заявлению № " + c.caseNumber() + ".\n\n"
            + "Письмо отправлено автоматически, отвечать на него не нужно.\n\n" + GrantLetters.ISSUER,
        letter));
    record(c, "LETTER:" + kind.name(), kind.status(),
        reasons.isEmpty() ? "Письмо № " + letter.number() : String.join("; ", reasons), clock.instant());
  }

  /**
   * The commission approved: the case takes a place of its vacancy row, if one is left (see
   * {@link RuralGrantRepository#takeVacancyPlace}). A retried step finds the place it took.
   */
  public boolean takeVacancyPlace(long caseId) {
    return cases.takeVacancyPlace(get(caseId), clock.instant());
  }

  /** HR has registered the contract: record it and the payment of the grant (once). */
  public void recordGrantPayment(long caseId, String contractNumber, LocalDate contractDate) {
    GrantCase c = get(caseId);
    Campaign k = properties.campaign(c.campaignYear());
    cases.recordContract(caseId, contractNumber, contractDate);
    PaymentLedger.Entry entry = ledger.record(c.caseNumber(), LEDGER_GRANT, k.grantAmount(),
        "Договор № " + contractNumber + " от " + contractDate);
    record(c, "GRANT_PAID", CaseStatus.PAID,
        "Выплата " + RussianFormat.money(entry.amount()).replace(RussianFormat.NBSP, ' ') + " учтена", clock.instant());
  }

  /**
   * Plans the next yearly confirmation: the anniversary of the contract, at the start of that
   * day in the region. The previous year's confirmation, if any, is recorded in the history.
   */
  public Map<String, Object> scheduleConfirmation(long caseId, int previousYear) {
    GrantCase c = get(caseId);
    if (previousYear == 0) {
      record(c, "OBLIGATION_STARTED", CaseStatus.IN_OBLIGATION, "Договор от " + c.contractDate(), clock.instant());
    } else {
      recordConfirmation(c, previousYear);
    }
    int year = previousYear + 1;
    return Map.of(
        "confirmationYear", year,
        "confirmationDueAt", RegionTime.startOfDay(c.contractDate().plusYears(year)).toString());
  }

  /** Computes the refund for an early departure and records it in the ledger (once). */
  public Refund demandRefund(long caseId, LocalDate departureDate) {
    GrantCase c = get(caseId);
    Refund refund = refund(c, departureDate);
    ledger.record(c.caseNumber(), LEDGER_REFUND, refund.amount(),
        "Увольнение " + departureDate + ", не отработано " + refund.unworkedDays() + " из " + refund.termDays() + " дн.");
    record(c, "DEPARTURE", CaseStatus.DEPARTED, "Дата увольнения: " + departureDate, clock.instant());
    return refund;
  }

  // ---------------------------------------------------------------- helpers

  /**
   * Delivers the message to the case's instance, in this transaction. The case's status said the
   * instance waits for it; if the instance has moved on meanwhile (a deadline's timer fired), the
   * request comes too late, as it would a moment later.
   */
  private static void correlate(MessageCorrelationBuilder message, String tooLate) {
    try {
      message.correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw ApiProblem.conflict(tooLate);
    }
  }

  private LetterContent content(GrantLetterKind kind, GrantCase c, Person p, LocalDate today, List<String> reasons, LetterInputs in) {
    Campaign k = properties.campaign(c.campaignYear());
    return switch (kind) {
      case REJECTION -> GrantLetters.rejection(c, p, schools.name(c.schoolCode()), today, k, reasons);
      case APPROVAL -> GrantLetters.approval(c, p, schools.name(c.schoolCode()), today, k);
      case PAYMENT -> GrantLetters.payment(c, p, today, k);
      case REFUND_DEMAND -> {
        LocalDate departure = LocalDate.parse(in.departureDate());
        yield GrantLetters.refundDemand(c, p, today, k, departure, refund(c, departure));
      }
      case COMPLETION -> GrantLetters.completion(c, p, schools.name(c.schoolCode()), today, k);
    };
  }

  private void record(GrantCase c, String key, CaseStatus status, String details, Instant at) {
    if (history.record(c.caseNumber(), key, status.name(), details, at)) {
      cases.updateStatus(c.id(), status);
    }
  }

  private void recordConfirmation(GrantCase c, int year) {
    record(c, "EMPLOYMENT_CONFIRMED:" + year, CaseStatus.EMPLOYMENT_CONFIRMED,
        "Работа подтверждена за " + year + "-й год", clock.instant());
  }

  private Refund refund(GrantCase c, LocalDate departureDate) {
    Campaign k = properties.campaign(c.campaignYear());
    return RefundCalculator.compute(k.grantAmount(), c.contractDate(), k.obligationYears(), departureDate, k.refundMode());
  }

  private static String fileName(GrantLetterKind kind, GrantCase c) {
    return kind.number(c.caseNumber()).replace('/', '-') + ".pdf";
  }

  private static String lowerFirst(String s) {
    return Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  private GrantCase get(long caseId) {
    return cases.findById(caseId).orElseThrow(() -> new CaseNotVisibleException("Rural-grant case", caseId));
  }

  private GrantCase byNumber(String caseNumber) {
    return cases.findByNumber(caseNumber).orElseThrow(() -> ApiProblem.notFound("Заявление " + caseNumber + " не найдено"));
  }

  /** The day in the region of a date-time variable ({@code documentsDueAt}, {@code confirmationDueAt}). */
  private static LocalDate day(Object dateTime) {
    return OffsetDateTime.parse((String) dateTime).atZoneSameInstant(RegionTime.ZONE).toLocalDate();
  }

  private static String russianDate(LocalDate day) {
    return RussianFormat.date(day).replace(RussianFormat.NBSP, ' ');
  }

  private static OffsetDateTime local(Instant instant) {
    return instant.atZone(RegionTime.ZONE).toOffsetDateTime();
  }
}
