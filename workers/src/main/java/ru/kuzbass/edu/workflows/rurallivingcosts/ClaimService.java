package ru.kuzbass.edu.workflows.rurallivingcosts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.operaton.bpm.engine.MismatchingMessageCorrelationException;
import org.operaton.bpm.engine.RuntimeService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;
import ru.kuzbass.edu.workflows.engine.EngineIds;
import ru.kuzbass.edu.workflows.letters.RussianFormat;
import ru.kuzbass.edu.workflows.mail.MailService;
import ru.kuzbass.edu.workflows.mail.OutgoingMail;
import ru.kuzbass.edu.workflows.payments.PaymentLedger;
import ru.kuzbass.edu.workflows.people.Person;
import ru.kuzbass.edu.workflows.people.PersonService;
import ru.kuzbass.edu.workflows.platform.ApiProblem;
import ru.kuzbass.edu.workflows.platform.CaseHistory;
import ru.kuzbass.edu.workflows.platform.CaseNotVisibleException;
import ru.kuzbass.edu.workflows.platform.RegionTime;
import ru.kuzbass.edu.workflows.rurallivingcosts.RuralLivingCostsProperties.Rules;

/**
 * A month's claim: intake with its receipts, the officer's check, the payment and its notice. A
 * claim's instance has the claim's number as its business key. The month is paid once: the claim
 * table keeps one open or paid claim per enrolment and month, and the ledger one entry per
 * enrolment and month ({@code LIVING_COSTS:2027-03}).
 */
@Service
public class ClaimService {

  public static final String PROCESS_ID = "rural-living-costs-claim";
  static final String MESSAGE_CORRECTED = "living-costs-claim-corrected";
  static final String LEDGER_KIND = "LIVING_COSTS:";
  static final String OVERDUE = "исправленная заявка не представлена в установленный срок";
  /** An amount per line is at most this: an input check against typing errors, not a rule. */
  private static final BigDecimal MAX_LINE = new BigDecimal("1000000");

  private final LivingCostsRepository cases;
  private final EnrolmentService enrolments;
  private final CaseHistory history;
  private final RuralLivingCostsProperties properties;
  private final PersonService people;
  private final LivingCostsLetterSender sender;
  private final MailService mail;
  private final PaymentLedger ledger;
  private final RuntimeService runtime;
  private final Clock clock;

  public ClaimService(LivingCostsRepository cases, EnrolmentService enrolments, CaseHistory history, RuralLivingCostsProperties properties,
      PersonService people, LivingCostsLetterSender sender, MailService mail, PaymentLedger ledger, RuntimeService runtime, Clock clock) {
    this.cases = cases;
    this.enrolments = enrolments;
    this.history = history;
    this.properties = properties;
    this.people = people;
    this.sender = sender;
    this.mail = mail;
    this.ledger = ledger;
    this.runtime = runtime;
    this.clock = clock;
  }

  /** What the API received: the month as ГГГГ-ММ and an amount per cost kind (blank: not claimed). */
  public record ClaimForm(String month, Map<CostKind, String> amounts, List<MultipartFile> receipts) {}

  public record Submitted(String caseNumber, long processInstanceKey) {}

  // ---------------------------------------------------------------- API

  /** Checks the claim and its receipts, stores them and starts the check, all or nothing. */
  @Transactional
  public Submitted submit(String enrolmentNumber, ClaimForm form) {
    Enrolment e = enrolments.byNumber(enrolmentNumber);
    YearMonth month = month(form.month());
    List<Claim.Line> lines = lines(form.amounts(), e.costKinds());
    List<ReceiptUpload.Checked> receipts = ReceiptUpload.check(form.receipts(), properties.receiptMaxSize());
    admissible(e, month);
    cases.openClaim(e.id(), month).ifPresent(open -> {
      throw paidOrOpen(open, month);
    });
    Instant now = clock.instant();
    long id;
    try {
      id = cases.insertClaim(e.id(), month, now);
    } catch (DuplicateKeyException raced) {
      throw ApiProblem.badField("month", "Заявка за " + LivingCostsLetters.month(month) + " уже подана");
    }
    cases.replaceLines(id, lines);
    cases.replaceReceipts(id, receipts, now);
    String number = "%s-%d-%06d".formatted(properties.claimNumberPrefix(), month.getYear(), id);
    history.record(number, "SUBMITTED:1", ClaimStatus.SUBMITTED.name(), "За " + month + ", заявление " + e.caseNumber(), now);
    Map<String, Object> variables = new HashMap<>(reviewVariables(id, number, lines));
    variables.put("caseId", id);
    variables.put("caseNumber", number);
    variables.put("enrolmentNumber", e.caseNumber());
    variables.put("claimMonth", month.toString());
    long instance = EngineIds.key(runtime.startProcessInstanceByKey(PROCESS_ID, number, variables).getId());
    cases.assignClaimNumber(id, number, instance);
    return new Submitted(number, instance);
  }

  /** The teacher's corrected lines and receipts replace the old ones, and the claim goes back to the officer. */
  @Transactional
  public void correct(String claimNumber, ClaimForm form) {
    Claim c = byNumber(claimNumber);
    Enrolment e = enrolments.get(c.enrolmentId());
    if (form.month() != null && !form.month().isBlank() && !month(form.month()).equals(c.month())) {
      throw ApiProblem.badField("month", "Месяц исправленной заявки должен совпадать с месяцем заявки (" + c.month() + ")");
    }
    List<Claim.Line> lines = lines(form.amounts(), e.costKinds());
    List<ReceiptUpload.Checked> receipts = ReceiptUpload.check(form.receipts(), properties.receiptMaxSize());
    if (c.status() != ClaimStatus.CORRECTION_REQUESTED) {
      throw ApiProblem.conflict("Исправление заявки " + claimNumber + " сейчас не запрошено");
    }
    Instant now = clock.instant();
    cases.replaceLines(c.id(), lines);
    cases.replaceReceipts(c.id(), receipts, now);
    cases.nextRound(c.id());
    try {
      runtime.createMessageCorrelation(MESSAGE_CORRECTED).processInstanceBusinessKey(claimNumber)
          .setVariables(reviewVariables(c.id(), claimNumber, lines)).correlateWithResult();
    } catch (MismatchingMessageCorrelationException e2) {
      throw ApiProblem.conflict("Исправление заявки " + claimNumber + " больше не ожидается");
    }
    history.record(claimNumber, "CORRECTED:" + (c.round() + 1), ClaimStatus.CORRECTED.name(), null, now);
  }

  public List<EnrolmentService.ClaimSummary> claims(String enrolmentNumber) {
    Enrolment e = enrolments.byNumber(enrolmentNumber);
    return cases.claimsOf(e.id()).stream()
        .map(c -> new EnrolmentService.ClaimSummary(c.caseNumber(), c.month(), c.status().name(), c.status().russian())).toList();
  }

  /** Whether the request may act on the claim: staff, or the teacher with the enrolment's token. */
  public boolean admits(jakarta.servlet.http.HttpServletRequest request, String claimNumber) {
    return cases.claimByNumber(claimNumber).flatMap(c -> cases.enrolment(c.enrolmentId()))
        .map(e -> enrolments.admits(request, e.caseNumber())).orElse(false);
  }

  public LivingCostsRepository.StoredReceipt receipt(String claimNumber, long receiptId) {
    return cases.receipt(claimNumber, receiptId).orElseThrow(() ->
        ApiProblem.notFound("Документ " + receiptId + " заявки " + claimNumber + " не найден"));
  }

  // ---------------------------------------------------------------- steps (LivingCostsSteps)

  /**
   * Asks the teacher to correct the claim and returns the deadline: the end of the day
   * {@code correction-wait-days} after the recorded request, so a retry computes the same one.
   * The claim's round keys the request, so a retry sends no second e-mail.
   */
  public OffsetDateTime requestCorrection(long claimId, String note) {
    Claim c = get(claimId);
    Enrolment e = enrolments.get(c.enrolmentId());
    Person p = people.get(e.personId());
    cases.updateClaimStatus(claimId, ClaimStatus.CORRECTION_REQUESTED);
    String key = "CORRECTION_REQUESTED:" + c.round();
    history.record(c.caseNumber(), key, ClaimStatus.CORRECTION_REQUESTED.name(), note, clock.instant());
    LocalDate due = LocalDate.ofInstant(history.find(c.caseNumber(), key).orElseThrow().occurredAt(), RegionTime.ZONE)
        .plusDays(properties.correctionWaitDays());
    mail.send(new OutgoingMail(c.caseNumber() + ":CORRECTION:" + c.round(), p.email(),
        "Компенсация расходов: исправьте заявку " + c.caseNumber() + " за " + LivingCostsLetters.month(c.month()),
        "Здравствуйте, " + p.givenName() + "!\n\nПо Вашей заявке № " + c.caseNumber() + " за " + LivingCostsLetters.month(c.month())
            + " нужно исправление:\n\n" + note + "\n\nНаправьте исправленные суммы и платёжные документы через сервис подачи заявок до "
            + plainDate(due) + " включительно. Если исправленная заявка не поступит в срок, в компенсации за этот месяц будет отказано "
            + "(заявку за этот месяц можно будет подать заново).\n\n" + LivingCostsLetters.ISSUER,
        null));
    return RegionTime.endOfDay(due);
  }

  /** The teacher did not correct the claim in time: every line is refused, and the month may be claimed again. */
  public void rejectOverdue(long claimId) {
    Claim c = get(claimId);
    for (Claim.Line line : cases.lines(claimId)) {
      cases.decideLine(claimId, line.kind(), BigDecimal.ZERO, OVERDUE);
    }
    cases.reject(claimId);
    history.record(c.caseNumber(), "REJECTED", ClaimStatus.REJECTED.name(), OVERDUE, clock.instant());
  }

  /** An officer's decision on one line: accept it, or refuse it with a reason. */
  public record LineDecision(boolean accepted, String reason) {}

  /**
   * Records the officer's decisions: an accepted line is compensated in full up to the year's
   * cap for its kind, a refused one not at all. A month with something to pay gets one ledger
   * entry; one with nothing is refused in full and may be claimed again. Returns the sum paid.
   */
  public BigDecimal recordDecision(long claimId, Map<CostKind, LineDecision> decisions) {
    Claim c = get(claimId);
    Enrolment e = enrolments.get(c.enrolmentId());
    Rules rules = properties.rules(c.month().getYear());
    for (Claim.Line line : cases.lines(claimId)) {
      LineDecision d = decisions.get(line.kind());
      if (d == null) {
        throw new IllegalStateException("Claim " + c.caseNumber() + " has no decision on " + line.kind());
      }
      BigDecimal cap = rules.caps().get(line.kind());
      if (!d.accepted()) {
        cases.decideLine(claimId, line.kind(), BigDecimal.ZERO, d.reason());
      } else if (cap != null && line.claimed().compareTo(cap) > 0) {
        cases.decideLine(claimId, line.kind(), cap, "не более " + RussianFormat.money(cap) + " в месяц");
      } else {
        cases.decideLine(claimId, line.kind(), line.claimed(), null);
      }
    }
    BigDecimal total = LivingCostsLetters.total(cases.lines(claimId)).setScale(2, RoundingMode.UNNECESSARY);
    if (total.signum() > 0) {
      ledger.record(e.caseNumber(), LEDGER_KIND + c.month(), total, "Заявка № " + c.caseNumber() + " за " + c.month());
      cases.updateClaimStatus(claimId, ClaimStatus.PAID);
      history.record(c.caseNumber(), "PAID", ClaimStatus.PAID.name(), "Выплата " + total.toPlainString() + " ₽ учтена", clock.instant());
    } else {
      cases.reject(claimId);
      history.record(c.caseNumber(), "REJECTED", ClaimStatus.REJECTED.name(), null, clock.instant());
    }
    return total;
  }

  /** The month's notice: the payment with its accepted lines, or the refusal. */
  public void sendLetter(long claimId, LivingCostsLetterKind kind) {
    Claim c = get(claimId);
    Enrolment e = enrolments.get(c.enrolmentId());
    Person p = people.get(e.personId());
    Rules rules = properties.rules(c.month().getYear());
    List<Claim.Line> lines = cases.lines(claimId);
    sender.send(c.caseNumber(), kind, p, "за " + LivingCostsLetters.month(c.month()), () -> kind == LivingCostsLetterKind.PAYMENT
        ? LivingCostsLetters.payment(c, e, p, RegionTime.today(clock), rules, lines)
        : LivingCostsLetters.claimRejection(c, e, p, RegionTime.today(clock), rules, lines));
  }

  // ---------------------------------------------------------------- helpers

  /**
   * The officer's form shows each line's amount (a formatted text, so that the engine stores no
   * BigDecimal) and where its receipts are; a kind not claimed has no variable and its decision
   * fields stay hidden. Receipts are named by number and type, not by their file names, which may hold a name.
   */
  private Map<String, Object> reviewVariables(long claimId, String claimNumber, List<Claim.Line> lines) {
    Map<String, Object> v = new HashMap<>();
    for (CostKind kind : CostKind.values()) {
      v.put(kind.variable() + "Claimed", lines.stream().filter(l -> l.kind() == kind).findFirst()
          .map(l -> RussianFormat.money(l.claimed()).replace(RussianFormat.NBSP, ' ')).orElse(null));
    }
    List<Claim.Receipt> receipts = cases.receipts(claimId);
    List<String> links = new ArrayList<>();
    for (int i = 0; i < receipts.size(); i++) {
      Claim.Receipt r = receipts.get(i);
      links.add("- документ " + (i + 1) + " (" + r.contentType() + ", " + Math.max(1, r.sizeBytes() / 1024) + " КБ): /api/rural-living-costs/claims/"
          + claimNumber + "/receipts/" + r.id());
    }
    v.put("receipts", String.join("\n", links));
    return v;
  }

  /** Whether the month may be claimed now: the enrolment in force in it, the month over, and not too old. */
  private void admissible(Enrolment e, YearMonth month) {
    YearMonth current = YearMonth.from(RegionTime.today(clock));
    if (e.enrolledOn() == null || e.status() == EnrolmentStatus.REFUSED || e.status() == EnrolmentStatus.SUBMITTED) {
      throw ApiProblem.conflict("Компенсация по заявлению " + e.caseNumber() + " не назначена (статус: " + e.status().russian() + ")");
    }
    if (month.isBefore(YearMonth.from(e.enrolledOn()))) {
      throw ApiProblem.badField("month", "Компенсация назначена с " + plainDate(e.enrolledOn()) + "; за более ранний месяц заявка не принимается");
    }
    if (e.endedOn() != null && !month.isBefore(YearMonth.from(e.endedOn()))) {
      throw ApiProblem.badField("month", "Выплата компенсации прекращена с " + plainDate(e.endedOn()));
    }
    if (month.isAfter(current)) {
      throw ApiProblem.badField("month", "Заявка подаётся за прошедший или текущий месяц");
    }
    int limit = properties.rules(current.getYear()).claimAgeLimitMonths();
    if (month.isBefore(current.minusMonths(limit))) {
      throw ApiProblem.badField("month", "Срок подачи заявки за " + LivingCostsLetters.month(month) + " истёк: заявка принимается не позднее "
          + limit + " мес. после месяца расходов");
    }
  }

  private static String plainDate(LocalDate day) {
    return RussianFormat.date(day).replace(RussianFormat.NBSP, ' ');
  }

  private static ApiProblem paidOrOpen(Claim open, YearMonth month) {
    return ApiProblem.badField("month", open.status() == ClaimStatus.PAID
        ? "Компенсация за " + LivingCostsLetters.month(month) + " уже выплачена (заявка " + open.caseNumber() + ")"
        : "Заявка за " + LivingCostsLetters.month(month) + " уже подана и рассматривается (заявка " + open.caseNumber() + ")");
  }

  private static YearMonth month(String text) {
    if (text == null || text.isBlank()) {
      throw ApiProblem.badField("month", "Укажите месяц расходов как ГГГГ-ММ, например 2027-03");
    }
    try {
      return YearMonth.parse(text.trim());
    } catch (java.time.format.DateTimeParseException ex) {
      throw ApiProblem.badField("month", "Месяц указывается как ГГГГ-ММ, например 2027-03");
    }
  }

  /** The claimed amounts: at least one, each of a kind the enrolment covers, a positive sum in roubles and kopecks. */
  private static List<Claim.Line> lines(Map<CostKind, String> amounts, Set<CostKind> enrolled) {
    List<Claim.Line> lines = new ArrayList<>();
    for (CostKind kind : CostKind.values()) {
      String text = amounts.get(kind);
      if (text == null || text.isBlank()) {
        continue;
      }
      String field = kind.variable();
      if (!enrolled.contains(kind)) {
        throw ApiProblem.badField(field, "Компенсация расходов «" + kind.russian() + "» по этому заявлению не назначена");
      }
      BigDecimal amount;
      try {
        amount = new BigDecimal(text.trim().replace(',', '.'));
      } catch (NumberFormatException ex) {
        throw ApiProblem.badField(field, "Сумма указывается числом в рублях, например 3200.50");
      }
      if (amount.signum() <= 0 || amount.scale() > 2 || amount.compareTo(MAX_LINE) > 0) {
        throw ApiProblem.badField(field, "Сумма должна быть больше нуля, не больше 1 000 000 ₽, с точностью до копейки");
      }
      lines.add(new Claim.Line(kind, amount.setScale(2, RoundingMode.UNNECESSARY), null, null));
    }
    if (lines.isEmpty()) {
      throw ApiProblem.badField("amounts", "Укажите сумму хотя бы одного вида расходов: housing, heating или electricity");
    }
    return lines;
  }

  private Claim byNumber(String claimNumber) {
    return cases.claimByNumber(claimNumber).orElseThrow(() -> ApiProblem.notFound("Заявка " + claimNumber + " не найдена"));
  }

  Claim get(long claimId) {
    return cases.claim(claimId).orElseThrow(() -> new CaseNotVisibleException("Living-cost claim", claimId));
  }
}
