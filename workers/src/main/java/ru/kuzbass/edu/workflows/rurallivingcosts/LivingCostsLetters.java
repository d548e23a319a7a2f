package ru.kuzbass.edu.workflows.rurallivingcosts;

import static ru.kuzbass.edu.workflows.letters.RussianFormat.date;
import static ru.kuzbass.edu.workflows.letters.RussianFormat.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import ru.kuzbass.edu.workflows.letters.LetterContent;
import ru.kuzbass.edu.workflows.letters.Salutation;
import ru.kuzbass.edu.workflows.people.Person;
import ru.kuzbass.edu.workflows.rurallivingcosts.RuralLivingCostsProperties.Rules;

/** The wording of the living-cost letters: pure functions of the case, easy to read and to test. */
final class LivingCostsLetters {
  private LivingCostsLetters() {}

  static final String ISSUER = "Министерство образования Кузбасса";
  /** The key of this process's signatory in {@code letters.signatories}. */
  static final String PROCESS = "rural-living-costs";
  private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

  /** Where the teacher works and lives, as the letters name it. */
  record Place(String school, String residence) {}

  static LetterContent refusal(Enrolment e, Person p, Place place, LocalDate today, Rules rules, List<String> reasons) {
    List<String> body = new ArrayList<>();
    body.add("Рассмотрено Ваше заявление № " + e.caseNumber() + " о назначении компенсации расходов на оплату жилого помещения, "
        + "отопления и освещения как педагогическому работнику, проживающему и работающему в сельской местности, "
        + "рабочем посёлке или малом городе.");
    body.add("Место работы: " + place.school() + ". Место жительства: " + place.residence() + ".");
    body.add("В назначении компенсации отказано по следующим основаниям:");
    reasons.forEach(r -> body.add("— " + r));
    return letter(LivingCostsLetterKind.REFUSAL, e.caseNumber(), p, today, rules, body);
  }

  static LetterContent enrolment(Enrolment e, Person p, Place place, LocalDate today, Rules rules) {
    List<String> body = new ArrayList<>();
    body.add("По Вашему заявлению № " + e.caseNumber() + " Вам назначена полная компенсация расходов на оплату жилого помещения "
        + "и коммунальных услуг с " + date(e.enrolledOn()) + ".");
    body.add("Место работы: " + place.school() + ". Место жительства: " + place.residence() + ".");
    body.add("Компенсируемые расходы: " + e.costKinds().stream().map(CostKind::russian).collect(Collectors.joining(", ")) + ".");
    if (!rules.caps().isEmpty()) {
      body.add("Предельный размер компенсации в месяц: " + rules.caps().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
          .map(c -> c.getKey().russian() + " — " + money(c.getValue())).collect(Collectors.joining("; ")) + ".");
    }
    body.add("Ежемесячно представляйте заявку с фактическими суммами расходов и платёжными документами. Заявка за месяц "
        + "принимается не позднее чем через " + rules.claimAgeLimitMonths() + " мес. после его окончания.");
    body.add("Школа подтверждает Вашу работу и место жительства каждые " + rules.reconfirmationIntervalMonths() + " мес.");
    return letter(LivingCostsLetterKind.ENROLMENT, e.caseNumber(), p, today, rules, body);
  }

  static LetterContent ending(Enrolment e, Person p, LocalDate today, Rules rules, YearMonth from, List<String> reasons) {
    List<String> body = new ArrayList<>();
    body.add("Выплата компенсации расходов на оплату жилого помещения и коммунальных услуг по заявлению № " + e.caseNumber()
        + " прекращается с " + date(from.atDay(1)) + " по следующим основаниям:");
    reasons.forEach(r -> body.add("— " + r));
    body.add("Заявки за месяцы до " + date(from.atDay(1)) + " принимаются в установленный срок.");
    return letter(LivingCostsLetterKind.ENDING, e.caseNumber(), p, today, rules, body);
  }

  static LetterContent payment(Claim c, Enrolment e, Person p, LocalDate today, Rules rules, List<Claim.Line> lines) {
    List<String> body = new ArrayList<>();
    body.add("Рассмотрена Ваша заявка № " + c.caseNumber() + " на компенсацию расходов за " + month(c.month())
        + " (заявление № " + e.caseNumber() + ").");
    body.add("Принятые суммы:");
    lines.forEach(l -> body.add("— " + line(l)));
    body.add("К выплате: " + money(total(lines)) + ".");
    return letter(LivingCostsLetterKind.PAYMENT, c.caseNumber(), p, today, rules, body);
  }

  static LetterContent claimRejection(Claim c, Enrolment e, Person p, LocalDate today, Rules rules, List<Claim.Line> lines) {
    List<String> body = new ArrayList<>();
    body.add("Рассмотрена Ваша заявка № " + c.caseNumber() + " на компенсацию расходов за " + month(c.month())
        + " (заявление № " + e.caseNumber() + "). В компенсации отказано:");
    lines.forEach(l -> body.add("— " + line(l)));
    body.add("Вы можете подать заявку за этот месяц повторно с надлежащими платёжными документами.");
    return letter(LivingCostsLetterKind.CLAIM_REJECTION, c.caseNumber(), p, today, rules, body);
  }

  /** «отопление: заявлено 3 200 ₽, принято 3 000 ₽ (причина)». */
  static String line(Claim.Line l) {
    String text = l.kind().russian() + ": заявлено " + money(l.claimed()) + ", принято " + money(l.accepted());
    return l.reason() == null ? text : text + " (" + l.reason() + ")";
  }

  static BigDecimal total(List<Claim.Line> lines) {
    return lines.stream().map(Claim.Line::accepted).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** «март 2027 г.» */
  static String month(YearMonth m) {
    return m.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, RUSSIAN) + " " + m.getYear() + " г.";
  }

  private static LetterContent letter(LivingCostsLetterKind kind, String caseNumber, Person p, LocalDate today, Rules rules,
      List<String> body) {
    return new LetterContent(PROCESS, kind.title(), kind.number(caseNumber), today, List.of("Кому: " + p.fullName()),
        Salutation.of(p.givenName(), p.patronymic()), body, rules.source(), kind.appealable());
  }
}
