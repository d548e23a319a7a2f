package ru.kuzbass.edu.workflows.ruralgrant;

import static ru.kuzbass.edu.workflows.letters.RussianFormat.date;
import static ru.kuzbass.edu.workflows.letters.RussianFormat.money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ru.kuzbass.edu.workflows.letters.LetterContent;
import ru.kuzbass.edu.workflows.letters.RussianFormat;
import ru.kuzbass.edu.workflows.letters.Salutation;
import ru.kuzbass.edu.workflows.people.Person;
import ru.kuzbass.edu.workflows.ruralgrant.RefundCalculator.Refund;
import ru.kuzbass.edu.workflows.ruralgrant.RuralGrantProperties.Campaign;

/** The wording of the rural-grant letters. Pure functions of the case: easy to read and to test. */
final class GrantLetters {
  private GrantLetters() {}

  /** Signs the e-mails that carry the letters. */
  static final String ISSUER = "Министерство образования Кузбасса";
  /** The key of this process's signatory in {@code letters.signatories}. */
  static final String PROCESS = "rural-grant";

  static LetterContent rejection(GrantCase c, Person p, Optional<String> schoolName, LocalDate today, Campaign campaign,
      List<String> reasons) {
    List<String> body = new ArrayList<>();
    body.add("Рассмотрено Ваше заявление № " + c.caseNumber() + " о предоставлении единовременной компенсационной выплаты "
        + "по программе «Земский учитель» для работы в школе " + school(c, schoolName) + ".");
    body.add("В предоставлении выплаты отказано по следующим основаниям:");
    for (String reason : reasons) {
      body.add("— " + reason);
    }
    body.add("Вы вправе подать заявление повторно в следующей кампании.");
    return letter(GrantLetterKind.REJECTION, c, p, today, campaign, body);
  }

  static LetterContent approval(GrantCase c, Person p, Optional<String> schoolName, LocalDate today, Campaign campaign) {
    List<String> body = new ArrayList<>();
    body.add("Конкурсная комиссия рассмотрела Ваше заявление № " + c.caseNumber() + " и приняла решение предоставить Вам "
        + "единовременную компенсационную выплату в размере " + money(campaign.grantAmount())
        + " по программе «Земский учитель».");
    body.add("Место работы: " + school(c, schoolName) + ". Должность: " + c.position() + ".");
    body.add(conditions(campaign));
    body.add("Для заключения договора обратитесь в отдел кадров. Выплата производится после регистрации договора.");
    return letter(GrantLetterKind.APPROVAL, c, p, today, campaign, body);
  }

  static LetterContent payment(GrantCase c, Person p, LocalDate today, Campaign campaign) {
    List<String> body = new ArrayList<>();
    body.add("По договору № " + c.contractNumber() + " от " + date(c.contractDate()) + " Вам произведена единовременная "
        + "компенсационная выплата в размере " + money(campaign.grantAmount()) + " (заявление № " + c.caseNumber() + ").");
    body.add(conditions(campaign));
    body.add("Срок исполнения обязательства: с " + date(c.contractDate()) + " по "
        + date(c.contractDate().plusYears(campaign.obligationYears())) + ".");
    return letter(GrantLetterKind.PAYMENT, c, p, today, campaign, body);
  }

  static LetterContent refundDemand(GrantCase c, Person p, LocalDate today, Campaign campaign, LocalDate departure, Refund refund) {
    List<String> body = new ArrayList<>();
    body.add("Трудовой договор № " + c.contractNumber() + " от " + date(c.contractDate()) + " прекращён " + date(departure)
        + ", до истечения срока обязательства (" + date(refund.termEnd()) + ").");
    if (refund.mode() == RefundMode.PROPORTIONAL) {
      body.add("Срок обязательства составляет " + refund.termDays() + " дн., отработано " + refund.workedDays()
          + " дн., не отработано " + refund.unworkedDays() + " дн. Сумма к возврату рассчитана пропорционально "
          + "неотработанному периоду.");
    } else {
      body.add("По условиям договора при досрочном прекращении выплата возвращается в полном объёме.");
    }
    body.add("Сумма к возврату: " + money(refund.amount()) + ".");
    body.add("Просим вернуть указанную сумму в порядке и в сроки, установленные договором.");
    return letter(GrantLetterKind.REFUND_DEMAND, c, p, today, campaign, body);
  }

  static LetterContent completion(GrantCase c, Person p, Optional<String> schoolName, LocalDate today, Campaign campaign) {
    List<String> body = new ArrayList<>();
    body.add("Вы полностью исполнили обязательство по договору № " + c.contractNumber() + " от " + date(c.contractDate())
        + ": проработали " + years(campaign.obligationYears()) + " в школе " + school(c, schoolName) + ".");
    body.add("Обязательство по возврату единовременной компенсационной выплаты в размере " + money(campaign.grantAmount())
        + " прекращено. Благодарим Вас за работу!");
    return letter(GrantLetterKind.COMPLETION, c, p, today, campaign, body);
  }

  private static String conditions(Campaign campaign) {
    String refund = campaign.refundMode() == RefundMode.FULL
        ? "вернуть выплату в полном объёме"
        : "вернуть часть выплаты, пропорциональную неотработанному периоду";
    return "Условия: работать в указанной школе не менее " + atLeastYears(campaign.obligationYears()) + " с учебной нагрузкой не менее "
        + campaign.minWeeklyLoadHours() + " часов в неделю; при прекращении договора до истечения "
        + atLeastYears(campaign.obligationYears()) + " — " + refund + ".";
  }

  /** A configured number of years as counted: «1 год», «3 года», «5 лет». */
  static String years(int n) {
    return RussianFormat.count(n, "год", "года", "лет");
  }

  /** After «не менее», «до истечения»: «1 года», «3 лет», «5 лет». */
  static String atLeastYears(int n) {
    return n + " " + RussianFormat.genitive(n, "года", "лет");
  }

  /** The school by its name in the directory, and where it is; by where it is alone if the directory does not know it. */
  private static String school(GrantCase c, Optional<String> name) {
    String place = "(" + c.settlementType().russian() + " " + c.settlementName() + ", " + c.municipality() + ")";
    return name.map(n -> n + " " + place).orElse(place);
  }

  /** The rural grant's letters rest on the campaign's act; only a refusal decides against the applicant. */
  private static LetterContent letter(GrantLetterKind kind, GrantCase c, Person p, LocalDate today, Campaign campaign, List<String> body) {
    return new LetterContent(PROCESS, kind.title(), kind.number(c.caseNumber()), today, List.of("Кому: " + p.fullName()),
        Salutation.of(p.givenName(), p.patronymic()), body, campaign.source(), kind == GrantLetterKind.REJECTION);
  }
}
