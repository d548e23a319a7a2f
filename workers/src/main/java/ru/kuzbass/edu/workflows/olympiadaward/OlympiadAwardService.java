package ru.kuzbass.edu.workflows.olympiadaward;

import static ru.kuzbass.edu.workflows.letters.RussianFormat.date;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.delegate.BpmnError;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.kuzbass.edu.workflows.engine.CompletedTasks;
import ru.kuzbass.edu.workflows.engine.EngineIds;
import ru.kuzbass.edu.workflows.letters.IssuedLetter;
import ru.kuzbass.edu.workflows.letters.LetterService;
import ru.kuzbass.edu.workflows.letters.SchoolDirectory;
import ru.kuzbass.edu.workflows.mail.MailService;
import ru.kuzbass.edu.workflows.mail.OutgoingMail;
import ru.kuzbass.edu.workflows.olympiadaward.OlympiadAwardLetters.OrderLine;
import ru.kuzbass.edu.workflows.olympiadaward.OlympiadAwardProperties.Rules;
import ru.kuzbass.edu.workflows.payments.PaymentLedger;
import ru.kuzbass.edu.workflows.people.Person;
import ru.kuzbass.edu.workflows.people.PersonService;
import ru.kuzbass.edu.workflows.platform.ApiProblem;
import ru.kuzbass.edu.workflows.platform.CaseHistory;
import ru.kuzbass.edu.workflows.platform.CaseNotVisibleException;
import ru.kuzbass.edu.workflows.platform.RegionTime;

/**
 * The olympiad coach award: a school's claim for the teachers who trained a winner or prize-winner
 * (process {@code olympiad-coach-award}) and the year's list of awards the commission approves
 * (process {@code olympiad-coach-award-list}), with the steps of both ({@link OlympiadAwardSteps}).
 * Every side effect is keyed by the case (history by step, letters and ledger entries by case and
 * teacher), so a step the job executor runs again has its effect once.
 */
@Service
public class OlympiadAwardService {

  public static final String CLAIM_PROCESS = "olympiad-coach-award";
  public static final String LIST_PROCESS = "olympiad-coach-award-list";
  static final String MESSAGE_LIST_APPROVED = "olympiad-award-list-approved";
  static final String ERROR_SAME_PERSON = "SAME_PERSON";
  static final String CONFIRM_TASK = "Task_ConfirmCoaching";
  static final String APPROVE_TASK = "Task_ApproveList";
  static final String ORDER = "ORDER";

  private final OlympiadClaims claims;
  private final OlympiadResults results;
  private final OlympiadAwardProperties properties;
  private final PersonService people;
  private final CaseHistory history;
  private final LetterService letters;
  private final SchoolDirectory schools;
  private final MailService mail;
  private final PaymentLedger ledger;
  private final CompletedTasks completedTasks;
  private final RuntimeService runtime;
  private final Clock clock;

  public OlympiadAwardService(OlympiadClaims claims, OlympiadResults results, OlympiadAwardProperties properties, PersonService people,
      CaseHistory history, LetterService letters, SchoolDirectory schools, MailService mail, PaymentLedger ledger,
      CompletedTasks completedTasks, RuntimeService runtime, Clock clock) {
    this.claims = claims;
    this.results = results;
    this.properties = properties;
    this.people = people;
    this.history = history;
    this.letters = letters;
    this.schools = schools;
    this.mail = mail;
    this.ledger = ledger;
    this.completedTasks = completedTasks;
    this.runtime = runtime;
    this.clock = clock;
  }

  public record Submitted(long caseId, String caseNumber) {}

  /** What staff and the school see of a claim: figures and the reason of a refusal, no personal data. */
  public record Status(String caseNumber, String status, String refusalReason, BigDecimal amount, String listNumber,
      List<CaseHistory.Event> history) {}

  // ---------------------------------------------------------------- claim

  /**
   * Stores the claim and its teachers and starts the case, all or nothing: the engine shares this
   * transaction. The shares must sum to exactly 100 %, each teacher named once.
   */
  @Transactional
  public Submitted submit(ClaimRequest r) {
    int total = r.coaches().stream().mapToInt(ClaimRequest.Coach::share).sum();
    if (total != 100) {
      throw ApiProblem.badField("coaches", "Доли педагогов в сумме должны составлять ровно 100 %, сейчас " + total + " %");
    }
    Set<String> snils = new HashSet<>();
    for (int i = 0; i < r.coaches().size(); i++) {
      if (!snils.add(r.coaches().get(i).person().snils())) {
        throw ApiProblem.badField("coaches[" + i + "].snils", "Этот педагог уже указан в заявке");
      }
    }
    Instant now = clock.instant();
    long id = claims.insert(r, now);
    for (ClaimRequest.Coach coach : r.coaches()) {
      claims.addCoach(id, people.register(coach.person()).id(), coach.share());
    }
    String number = "%s-%d-%06d".formatted(properties.caseNumberPrefix(), r.year(), id);
    Map<String, Object> variables = new HashMap<>();
    variables.put("caseId", id);
    variables.put("caseNumber", number);
    variables.put("campaignYear", r.year());
    variables.put("schoolCode", r.schoolCode());
    variables.put("subject", r.subject().trim());
    variables.put("place", r.place().name());
    variables.put("placeTitle", r.place().title);
    variables.put("coachCount", r.coaches().size());
    long key = EngineIds.key(runtime.startProcessInstanceByKey(CLAIM_PROCESS, number, variables).getId());
    claims.assignNumber(id, number, key);
    history.record(number, "SUBMITTED", ClaimStatus.SUBMITTED.name(), null, now);
    return new Submitted(id, number);
  }

  public Status status(String caseNumber) {
    Claim c = claims.findByNumber(caseNumber).orElseThrow(() -> ApiProblem.notFound("Заявка " + caseNumber + " не найдена"));
    return new Status(c.caseNumber(), c.status().name(), c.refusalReason(), c.amount(), c.listNumber(), history.events(caseNumber));
  }

  /**
   * The claim against the official list, the claim period and the award mode of its year. A refusal
   * keeps its reason (which may name a teacher) in MariaDB; the case carries only its code.
   */
  public Map<String, Object> checkClaim(long caseId) {
    Claim c = get(caseId);
    Rules rules = properties.rules(c.year());
    Refusal refusal = refusal(c, rules);
    if (refusal != null) {
      claims.refuse(c.id(), refusal.reason());
      record(c, "CHECKED", ClaimStatus.REFUSED, "Отказ: " + refusal.code());
      return Map.of("refusalCode", refusal.code(), "claimPeriodDays", rules.claimPeriodDays());
    }
    record(c, "CHECKED", ClaimStatus.AWAITING_CONFIRMATION, "Результат подтверждён официальным списком");
    return Map.of("refusalCode", "", "claimPeriodDays", rules.claimPeriodDays());
  }

  private record Refusal(String code, String reason) {}

  private Refusal refusal(Claim c, Rules rules) {
    Optional<OlympiadResults.Result> result = results.find(c.year(), c.subject(), c.participantCode());
    if (result.isEmpty() || result.get().place() != c.place()) {
      return new Refusal("NOT_ON_LIST", "в официальном списке победителей и призёров заключительного этапа " + c.year()
          + " года по предмету «" + c.subject() + "» нет участника с кодом " + c.participantCode() + " со статусом «" + c.place().title + "»");
    }
    LocalDate published = result.get().publishedOn();
    LocalDate lastDay = published.plusDays(rules.claimPeriodDays());
    LocalDate submitted = c.submittedAt().atZone(RegionTime.ZONE).toLocalDate();
    if (submitted.isAfter(lastDay)) {
      return new Refusal("PERIOD_OVER", "заявка подана " + date(submitted) + ", после окончания срока: список опубликован "
          + date(published) + ", заявки принимались по " + date(lastDay) + " включительно");
    }
    if (claims.resultClaimedElsewhere(c)) {
      return new Refusal("ALREADY_CLAIMED", "по этому результату участника уже подана заявка");
    }
    for (Claim.Coach coach : c.coaches()) {
      boolean perYear = rules.awardMode() == AwardMode.PER_YEAR;
      if (claims.teacherClaimedElsewhere(c, coach.personId(), perYear ? null : c.participantCode())) {
        String name = people.get(coach.personId()).fullName();
        return perYear
            ? new Refusal("ONE_PER_YEAR", "педагог " + name + " уже заявлен на поощрение за " + c.year()
                + " год, а поощрение выплачивается педагогу один раз в год")
            : new Refusal("ONE_PER_PUPIL", "педагог " + name + " уже заявлен на поощрение за подготовку этого участника");
      }
    }
    return null;
  }

  /** The year's amount for the place, from the decision table, split by the declared shares to the kopeck. */
  public Map<String, Object> splitAward(long caseId, long amount) {
    Claim c = get(caseId);
    BigDecimal total = BigDecimal.valueOf(amount);
    List<BigDecimal> parts = Shares.split(total, c.coaches().stream().map(Claim.Coach::share).toList());
    List<Claim.Coach> coaches = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      coaches.add(new Claim.Coach(c.coaches().get(i).personId(), c.coaches().get(i).share(), parts.get(i)));
    }
    claims.recordAmounts(c.id(), total, coaches);
    return Map.of("awardAmountText", total.toPlainString(), "sharesText",
        String.join(" / ", c.coaches().stream().map(k -> k.share() + " %").toList()));
  }

  /** Who confirmed the coaching comes from the engine's history: the user logged in to Tasklist. */
  public void recordConfirmation(long caseId, String processInstanceId, String decision, String comment) {
    Claim c = get(caseId);
    CompletedTasks.Completed task = completedTasks.last(processInstanceId, CONFIRM_TASK);
    if ("CONFIRM".equals(decision)) {
      claims.recordConfirmation(c.id(), task.user(), ClaimStatus.CONFIRMED);
      record(c, "CONFIRMED:" + task.taskId(), ClaimStatus.CONFIRMED, "Подготовку подтвердил(а) " + task.user());
    } else {
      claims.recordConfirmation(c.id(), task.user(), ClaimStatus.REFUSED);
      claims.refuse(c.id(), "муниципальный орган управления образованием не подтвердил подготовку участника педагогами"
          + (comment == null || comment.isBlank() ? "" : " (" + comment.trim() + ")"));
      record(c, "NOT_CONFIRMED:" + task.taskId(), ClaimStatus.REFUSED, "Не подтверждено: " + task.user());
    }
  }

  /** The refusal letter to the school, once per case. */
  public void sendRefusal(long caseId) {
    Claim c = get(caseId);
    Optional<String> school = schools.name(c.schoolCode());
    IssuedLetter letter = letters.issue(c.caseNumber(), "REFUSAL", c.caseNumber() + "-O.pdf",
        () -> OlympiadAwardLetters.refusal(c, school, c.refusalReason(), properties.rules(c.year()).basis(), RegionTime.today(clock)));
    mail.send(new OutgoingMail(c.caseNumber() + ":REFUSAL", c.schoolEmail(), "Поощрение за подготовку победителей олимпиады: отказ (заявка "
        + c.caseNumber() + ")", "Здравствуйте!\n\nВо вложении — уведомление № " + letter.number() + " по заявке № " + c.caseNumber()
        + ".\n\nПисьмо отправлено автоматически, отвечать на него не нужно.\n\n" + OlympiadAwardLetters.ISSUER, letter));
    history.record(c.caseNumber(), "LETTER:REFUSAL", ClaimStatus.REFUSED.name(), "Письмо № " + letter.number(), clock.instant());
  }

  /** One ledger entry per teacher of the claim, in the amount of their part; a retry finds them there. */
  public void payAward(long caseId) {
    Claim c = get(caseId);
    for (Claim.Coach coach : c.coaches()) {
      ledger.record(c.caseNumber(), kind(coach), coach.amount(), "приказ № " + c.listNumber() + ", доля " + coach.share() + " %");
    }
    record(c, "PAID", ClaimStatus.PAID, "В реестр выплат: " + c.amount().toPlainString() + " ₽");
  }

  /** Each teacher's letter with the award, its basis and the amount, by e-mail; once per teacher. */
  public void sendAwardLetters(long caseId) {
    Claim c = get(caseId);
    IssuedLetter order = letters.find(c.listNumber(), ORDER)
        .orElseThrow(() -> new IllegalStateException("The order of list " + c.listNumber() + " is not issued"));
    Optional<String> school = schools.name(c.schoolCode());
    String basis = properties.rules(c.year()).basis();
    for (Claim.Coach coach : c.coaches()) {
      Person teacher = people.get(coach.personId());
      IssuedLetter letter = letters.issue(c.caseNumber(), kind(coach), c.caseNumber() + "-" + coach.personId() + ".pdf",
          () -> OlympiadAwardLetters.award(c, teacher, coach, school, order.number(), order.issuedOn(), basis, RegionTime.today(clock)));
      mail.send(new OutgoingMail(c.caseNumber() + ":" + kind(coach), teacher.email(),
          "Поощрение за подготовку " + c.place().genitive + " олимпиады (заявка " + c.caseNumber() + ")",
          "Здравствуйте, " + teacher.givenName() + "!\n\nВо вложении — уведомление № " + letter.number() + " о поощрении.\n\n"
              + "Письмо отправлено автоматически, отвечать на него не нужно.\n\n" + OlympiadAwardLetters.ISSUER, letter));
    }
    history.record(c.caseNumber(), "LETTERS:AWARD", ClaimStatus.PAID.name(), "Уведомления педагогам: " + c.coaches().size(), clock.instant());
  }

  // ---------------------------------------------------------------- the year's list

  /** Starts the year's list from the API; the Tasklist start form starts it with the same variable. */
  public long startList(int year) {
    return EngineIds.key(runtime.startProcessInstanceByKey(LIST_PROCESS, Map.of("campaignYear", year)).getId());
  }

  /**
   * Numbers the list and takes into it every confirmed claim of the year that no list holds yet. The
   * step's writes commit with the engine's move past it, so a retried step starts from nothing.
   */
  public Map<String, Object> compileList(int year) {
    long id = claims.insertList(year, clock.instant());
    String number = "%s-%d-%04d".formatted(properties.listNumberPrefix(), year, id);
    claims.numberList(id, number);
    int count = claims.takeIntoList(year, number);
    List<Claim> listed = claims.inList(number);
    BigDecimal total = listed.stream().map(Claim::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    int teachers = listed.stream().mapToInt(k -> k.coaches().size()).sum();
    history.record(number, "COMPILED", "COMPILED", "Заявок в списке: " + count + ", сумма " + total.toPlainString() + " ₽", clock.instant());
    return Map.of("caseNumber", number, "awardCount", count, "teacherCount", teachers, "totalAmountText", total.toPlainString());
  }

  /**
   * The commission's decision on the list. Four eyes: the member who approves is none of those who
   * confirmed a claim of the list; otherwise the BPMN error {@code SAME_PERSON} returns the task
   * to the commission.
   */
  public void recordListDecision(String listNumber, String processInstanceId, String decision) {
    CompletedTasks.Completed task = completedTasks.last(processInstanceId, APPROVE_TASK);
    List<Claim> listed = claims.inList(listNumber);
    boolean confirmedOne = listed.stream().anyMatch(k -> task.user().equalsIgnoreCase(k.confirmedBy()));
    if (confirmedOne) {
      history.record(listNumber, "FOUR_EYES:" + task.taskId(), "COMPILED",
          "Решение не принято: " + task.user() + " подтверждал(а) заявку из этого списка", clock.instant());
      throw new BpmnError(ERROR_SAME_PERSON, task.user() + " подтверждал(а) заявку из этого списка; решение принимает другой член комиссии");
    }
    if ("APPROVE".equals(decision)) {
      claims.decideList(listNumber, "APPROVED", task.user());
      claims.markList(listNumber, ClaimStatus.APPROVED);
      listed.forEach(k -> history.record(k.caseNumber(), "APPROVED", ClaimStatus.APPROVED.name(), "Список " + listNumber + " утверждён",
          clock.instant()));
    } else {
      claims.decideList(listNumber, "REJECTED", task.user());
      claims.releaseList(listNumber);
    }
    history.record(listNumber, "DECIDED:" + task.taskId(), decision, "Решение комиссии: " + task.user(), clock.instant());
  }

  /** The order that lists every award of the approved list, once per list. */
  public Map<String, Object> issueOrder(String listNumber, int year) {
    List<OrderLine> lines = new ArrayList<>();
    for (Claim c : claims.inList(listNumber)) {
      Optional<String> school = schools.name(c.schoolCode());
      for (Claim.Coach coach : c.coaches()) {
        lines.add(new OrderLine(c.caseNumber(), people.get(coach.personId()).fullName(), school, c.subject(), c.place(), coach.share(),
            coach.amount()));
      }
    }
    IssuedLetter order = letters.issue(listNumber, ORDER, listNumber + ".pdf",
        () -> OlympiadAwardLetters.order(listNumber, year, lines, properties.rules(year).basis(), RegionTime.today(clock)));
    return Map.of("orderNumber", order.number());
  }

  /** Tells each claim of the approved list to pay; a claim already told has left the wait and is not told again. */
  public void notifyClaims(String listNumber) {
    for (Claim c : claims.inList(listNumber)) {
      runtime.createMessageCorrelation(MESSAGE_LIST_APPROVED).processInstanceBusinessKey(c.caseNumber()).correlateAll();
    }
  }

  public Optional<IssuedLetter> order(String listNumber) {
    return letters.find(listNumber, ORDER);
  }

  // ---------------------------------------------------------------- helpers

  private static String kind(Claim.Coach coach) {
    return "AWARD-" + coach.personId();
  }

  private void record(Claim c, String key, ClaimStatus status, String details) {
    if (history.record(c.caseNumber(), key, status.name(), details, clock.instant()) && status != ClaimStatus.REFUSED) {
      claims.updateStatus(c.id(), status);
    }
  }

  private Claim get(long caseId) {
    return claims.findById(caseId).orElseThrow(() -> new CaseNotVisibleException("Olympiad award claim", caseId));
  }
}
