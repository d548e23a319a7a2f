package ru.kuzbass.edu.workflows.rurallivingcosts;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.operaton.bpm.engine.MismatchingMessageCorrelationException;
import org.operaton.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.kuzbass.edu.workflows.engine.EngineIds;
import ru.kuzbass.edu.workflows.letters.LetterContent;
import ru.kuzbass.edu.workflows.letters.SchoolDirectory;
import ru.kuzbass.edu.workflows.people.Person;
import ru.kuzbass.edu.workflows.people.PersonDetails;
import ru.kuzbass.edu.workflows.people.PersonService;
import ru.kuzbass.edu.workflows.people.Snils;
import ru.kuzbass.edu.workflows.platform.ApiProblem;
import ru.kuzbass.edu.workflows.platform.CaseHistory;
import ru.kuzbass.edu.workflows.platform.CaseNotVisibleException;
import ru.kuzbass.edu.workflows.platform.CaseTokens;
import ru.kuzbass.edu.workflows.platform.InvalidInputException;
import ru.kuzbass.edu.workflows.platform.RegionTime;
import ru.kuzbass.edu.workflows.ruralgrant.DirectorySchool;
import ru.kuzbass.edu.workflows.ruralgrant.RuralGrantRepository;
import ru.kuzbass.edu.workflows.rurallivingcosts.RuralLivingCostsProperties.Rules;

/**
 * The enrolment of a teacher in the living-cost compensation: intake, eligibility facts, HR's
 * confirmation, the yearly re-confirmation and the end. The enrolment's instance has the case
 * number as its business key. Every effect is keyed by case and kind, so a retried step has it once.
 */
@Service
public class EnrolmentService {

  public static final String PROCESS_ID = "rural-living-costs-enrolment";
  static final String MESSAGE_DEPARTED = "living-costs-teacher-departed";
  /** The ground a departure reported between re-confirmations ends the enrolment on. */
  static final String DEPARTED = "Педагог уволился из школы";

  private final LivingCostsRepository cases;
  private final SettlementRegister settlements;
  private final RuralGrantRepository schoolDirectory;
  private final SchoolDirectory schoolNames;
  private final CaseHistory history;
  private final RuralLivingCostsProperties properties;
  private final PersonService people;
  private final LivingCostsLetterSender sender;
  private final RuntimeService runtime;
  private final Clock clock;

  public EnrolmentService(LivingCostsRepository cases, SettlementRegister settlements, RuralGrantRepository schoolDirectory,
      SchoolDirectory schoolNames, CaseHistory history, RuralLivingCostsProperties properties, PersonService people,
      LivingCostsLetterSender sender, RuntimeService runtime, Clock clock) {
    this.cases = cases;
    this.settlements = settlements;
    this.schoolDirectory = schoolDirectory;
    this.schoolNames = schoolNames;
    this.history = history;
    this.properties = properties;
    this.people = people;
    this.sender = sender;
    this.runtime = runtime;
    this.clock = clock;
  }

  /** {@code statusToken} is shown once and never stored (only its hash): with the case number it opens the case and sends claims. */
  public record Submitted(String caseNumber, long processInstanceKey, String statusToken) {}

  public record ClaimSummary(String caseNumber, YearMonth month, String status, String statusText) {}

  public record Status(String caseNumber, String status, String statusText, LocalDate enrolledOn, LocalDate endedOn,
      List<ClaimSummary> claims) {}

  // ---------------------------------------------------------------- API

  /** Stores the teacher and the application and starts the case, all or nothing. */
  @Transactional
  public Submitted submit(EnrolmentRequest r) {
    Instant now = clock.instant();
    int year = RegionTime.today(clock).getYear();
    properties.rules(year);
    String schoolCode = r.school().code().trim();
    DirectorySchool school = schoolDirectory.directorySchool(schoolCode).orElseThrow(() ->
        ApiProblem.badField("school.code", "Школа с кодом " + schoolCode + " не найдена в справочнике школ"));
    String settlementCode = r.residence().settlementCode().trim();
    settlements.find(settlementCode).orElseThrow(() -> ApiProblem.badField("residence.settlementCode",
        "Населённый пункт с кодом " + settlementCode + " не найден в реестре населённых пунктов"));
    var a = r.applicant();
    Person person = people.register(new PersonDetails(Snils.normalise(a.snils()), a.surname().trim(), a.name().trim(),
        a.patronymic() == null || a.patronymic().isBlank() ? null : a.patronymic().trim(), a.birthDate(), a.email().trim(), a.phone().trim()));
    long id = cases.insertEnrolment(person.id(), school.code(), settlementCode, r.position().trim(), EnumSet.copyOf(r.costKinds()), now);
    String number = "%s-%d-%06d".formatted(properties.enrolmentNumberPrefix(), year, id);
    String token = CaseTokens.issue();
    history.record(number, "SUBMITTED", EnrolmentStatus.SUBMITTED.name(), null, now);
    long instance = EngineIds.key(runtime.startProcessInstanceByKey(PROCESS_ID, number, Map.of(
        "caseId", id,
        "caseNumber", number,
        "schoolCode", school.code(),
        "municipality", school.municipality(),
        "position", r.position().trim())).getId());
    cases.assignEnrolmentNumber(id, number, CaseTokens.hash(token), instance);
    return new Submitted(number, instance, token);
  }

  public boolean admits(jakarta.servlet.http.HttpServletRequest request, String caseNumber) {
    return CaseTokens.admits(request, cases.enrolmentTokenHash(caseNumber));
  }

  public Status status(String caseNumber, List<ClaimSummary> claims) {
    Enrolment e = byNumber(caseNumber);
    return new Status(e.caseNumber(), e.status().name(), e.status().russian(), e.enrolledOn(), e.endedOn(), claims);
  }

  /**
   * The school reports, between two re-confirmations, that the teacher has left: the enrolment
   * ends from the month of the departure, as it would at a re-confirmation. While a re-confirmation
   * task is open the departure is given there instead.
   */
  @Transactional
  public void reportDeparture(String caseNumber, LocalDate departureDate) {
    Enrolment e = byNumber(caseNumber);
    if (e.status() != EnrolmentStatus.ENROLLED) {
      throw ApiProblem.conflict("Компенсация по заявлению " + caseNumber + " не выплачивается (статус: " + e.status().russian() + ")");
    }
    if (departureDate.isBefore(e.enrolledOn())) {
      throw ApiProblem.badField("departureDate", "Дата увольнения не может быть раньше назначения компенсации (" + e.enrolledOn() + ")");
    }
    if (departureDate.isAfter(RegionTime.today(clock))) {
      throw ApiProblem.badField("departureDate", "Дата увольнения не может быть в будущем");
    }
    try {
      runtime.createMessageCorrelation(MESSAGE_DEPARTED).processInstanceBusinessKey(caseNumber)
          .setVariable("changeDate", departureDate.toString())
          .setVariable("ineligibilityCodes", "NOT_EMPLOYED")
          .setVariable("ineligibilityReasons", "[\"" + DEPARTED + "\"]")
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException busy) {
      throw ApiProblem.conflict("По заявлению " + caseNumber + " идёт подтверждение работы: укажите увольнение в задаче подтверждения");
    }
    history.record(caseNumber, "DEPARTURE_REPORTED", EnrolmentStatus.ENROLLED.name(), "Дата увольнения: " + departureDate, clock.instant());
  }

  Enrolment byNumber(String caseNumber) {
    return cases.enrolmentByNumber(caseNumber).orElseThrow(() -> ApiProblem.notFound("Заявление " + caseNumber + " не найдено"));
  }

  // ---------------------------------------------------------------- steps (LivingCostsSteps)

  /**
   * The facts the eligibility table decides on, and the year's thresholds. {@code employed} is
   * true at intake (HR confirms it next) and the school's answer at a re-confirmation.
   */
  public Map<String, Object> eligibilityFacts(long caseId, boolean employed) {
    Enrolment e = get(caseId);
    Rules rules = properties.rules(RegionTime.today(clock).getYear());
    DirectorySchool school = schoolDirectory.directorySchool(e.schoolCode()).orElseThrow(() ->
        new InvalidInputException("Школа " + e.schoolCode() + " исключена из справочника школ"));
    SettlementRegister.Place residence = residence(e);
    Map<String, Object> facts = new HashMap<>();
    facts.put("schoolSettlementType", school.settlementType().name());
    facts.put("schoolPopulation", school.settlementPopulation());
    facts.put("residenceSettlementType", residence.type().name());
    facts.put("residencePopulation", residence.population());
    facts.put("eligibleSettlementTypes", rules.eligibleSettlementTypes().stream().map(Enum::name).toList());
    facts.put("maxPopulation", rules.maxPopulation());
    facts.put("teachingPost", teachingPost(e.position(), rules));
    facts.put("otherActiveEnrolment", cases.otherOpenEnrolment(e.personId(), e.id()));
    facts.put("employed", employed);
    return facts;
  }

  /** A post counts as teaching when the position begins with one of the year's teaching posts («учитель математики»). */
  static boolean teachingPost(String position, Rules rules) {
    String p = position.trim().toLowerCase(Locale.ROOT).replace('ё', 'е');
    return rules.teachingPosts().stream().map(t -> t.toLowerCase(Locale.ROOT).replace('ё', 'е')).anyMatch(p::startsWith);
  }

  /** The enrolment is in force from today; the person's one active enrolment. */
  public void enrol(long caseId) {
    Enrolment e = get(caseId);
    LocalDate today = RegionTime.today(clock);
    cases.activate(caseId, e.personId(), today);
    history.record(e.caseNumber(), "ENROLLED", EnrolmentStatus.ENROLLED.name(), "С " + today, clock.instant());
  }

  /** Refused, by the table's reasons or HR's. */
  public void refuse(long caseId, List<String> reasons) {
    Enrolment e = get(caseId);
    cases.updateEnrolmentStatus(caseId, EnrolmentStatus.REFUSED);
    history.record(e.caseNumber(), "REFUSED", EnrolmentStatus.REFUSED.name(), String.join("; ", reasons), clock.instant());
    send(e, LivingCostsLetterKind.REFUSAL, () -> LivingCostsLetters.refusal(e, people.get(e.personId()), place(e), RegionTime.today(clock),
        rulesNow(), reasons));
  }

  public void sendEnrolmentLetter(long caseId) {
    Enrolment e = get(caseId);
    send(e, LivingCostsLetterKind.ENROLMENT, () -> LivingCostsLetters.enrolment(e, people.get(e.personId()), place(e),
        RegionTime.today(clock), rulesNow()));
  }

  /**
   * Plans re-confirmation number {@code round}: every configured interval after the enrolment,
   * at the start of that day in the region.
   */
  public Map<String, Object> scheduleReconfirmation(long caseId, int previousRound) {
    Enrolment e = get(caseId);
    int round = previousRound + 1;
    LocalDate due = e.enrolledOn().plusMonths((long) round * rulesNow().reconfirmationIntervalMonths());
    return Map.of("reconfirmationRound", round, "reconfirmationDueAt", RegionTime.startOfDay(due).toString());
  }

  /**
   * The school's answer: whether the teacher still works there, and where they live now (a code of
   * the register; blank: unchanged). A move is recorded before the table decides on it.
   */
  public Map<String, Object> recordReconfirmation(long caseId, int round, boolean employed, String settlementCode) {
    Enrolment e = get(caseId);
    if (settlementCode != null && !settlementCode.isBlank() && !settlementCode.trim().equals(e.settlementCode())) {
      String code = settlementCode.trim();
      settlements.find(code).orElseThrow(() -> new InvalidInputException(
          "Населённый пункт с кодом " + code + " не найден в реестре: исправьте переменную residenceSettlementCode"));
      cases.moveResidence(caseId, code);
    }
    Enrolment now = get(caseId);
    history.record(e.caseNumber(), "RECONFIRMED:" + round, EnrolmentStatus.ENROLLED.name(),
        (employed ? "Работает" : "Не работает") + "; место жительства: " + residence(now).name(), clock.instant());
    return eligibilityFacts(caseId, employed);
  }

  /** Ends the enrolment from the month of {@code changeDate} (null: this month), and writes to the teacher. */
  public void end(long caseId, LocalDate changeDate, List<String> reasons) {
    Enrolment e = get(caseId);
    YearMonth from = YearMonth.from(changeDate != null ? changeDate : RegionTime.today(clock));
    cases.end(caseId, from.atDay(1));
    history.record(e.caseNumber(), "ENDED", EnrolmentStatus.ENDED.name(), String.join("; ", reasons), clock.instant());
    Enrolment ended = get(caseId);
    send(ended, LivingCostsLetterKind.ENDING, () -> LivingCostsLetters.ending(ended, people.get(e.personId()), RegionTime.today(clock),
        rulesNow(), YearMonth.from(ended.endedOn()), reasons));
  }

  // ---------------------------------------------------------------- helpers

  private void send(Enrolment e, LivingCostsLetterKind kind, java.util.function.Supplier<LetterContent> content) {
    sender.send(e.caseNumber(), kind, people.get(e.personId()), e.caseNumber(), content);
  }

  private LivingCostsLetters.Place place(Enrolment e) {
    SettlementRegister.Place r = residence(e);
    String school = schoolNames.name(e.schoolCode()).orElse("школа");
    return new LivingCostsLetters.Place(school, r.type().russian() + " " + r.name() + " (" + r.municipality() + ")");
  }

  private SettlementRegister.Place residence(Enrolment e) {
    return settlements.find(e.settlementCode()).orElseThrow(() ->
        new InvalidInputException("Населённый пункт " + e.settlementCode() + " исключён из реестра"));
  }

  private Rules rulesNow() {
    return properties.rules(RegionTime.today(clock).getYear());
  }

  Enrolment get(long caseId) {
    return cases.enrolment(caseId).orElseThrow(() -> new CaseNotVisibleException("Living-cost enrolment", caseId));
  }
}
