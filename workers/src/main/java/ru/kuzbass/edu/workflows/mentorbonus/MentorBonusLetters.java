package ru.kuzbass.edu.workflows.mentorbonus;

import static ru.kuzbass.edu.workflows.letters.RussianFormat.date;
import static ru.kuzbass.edu.workflows.letters.RussianFormat.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ru.kuzbass.edu.workflows.letters.LetterContent;
import ru.kuzbass.edu.workflows.people.Person;

/** The wording of the mentor-bonus letters: pure functions of the case. */
final class MentorBonusLetters {
  private MentorBonusLetters() {}

  /** Signs the e-mails that carry the letters. */
  static final String ISSUER = "Министерство образования Кузбасса";
  /** The key of this process's signatory in {@code letters.signatories}. */
  static final String PROCESS = "mentor-bonus";

  /**
   * What a letter says about the pairing, already resolved to names and figures.
   *
   * @param schoolName the school's name in the school directory; empty if the directory does not know its code
   */
  record Pairing(Nomination nomination, Person mentor, List<Person> mentees, BigDecimal monthlyAmount, String fundingSourceName,
      String basis, Optional<String> schoolName) {
    String period() {
      return "с " + date(nomination.startDate()) + " по " + date(nomination.endDate());
    }

    String menteeNames() {
      return String.join(", ", mentees.stream().map(Person::fullName).toList());
    }
  }

  static LetterContent rejection(Pairing p, LocalDate today, List<String> reasons) {
    List<String> body = new ArrayList<>();
    body.add("Рассмотрена заявка № " + p.nomination().caseNumber() + named(p)
        + " об установлении доплаты за наставничество наставнику " + p.mentor().fullName() + ".");
    body.add("В установлении доплаты отказано по следующим основаниям:");
    reasons.forEach(r -> body.add("— " + r));
    body.add("Школа вправе направить новую заявку после устранения причин отказа.");
    return letter(MentorLetterKind.REJECTION, p, today, List.of(head(p)), body);
  }

  static LetterContent waitingList(Pairing p, LocalDate today) {
    List<String> body = new ArrayList<>();
    body.add("Заявка № " + p.nomination().caseNumber() + " об установлении доплаты за наставничество наставнику "
        + p.mentor().fullName() + " согласована.");
    body.add("Средств источника «" + p.fundingSourceName() + "» на " + p.nomination().startDate().getYear()
        + " год сейчас недостаточно, поэтому заявка включена в лист ожидания. Доплата будет установлена, как только "
        + "средства освободятся; школа получит приказ по электронной почте.");
    return letter(MentorLetterKind.WAITING_LIST, p, today, List.of(head(p)), body);
  }

  static LetterContent order(Pairing p, LocalDate today) {
    List<String> body = new ArrayList<>();
    body.add("В соответствии с целевой моделью наставничества педагогических работников и на основании согласования "
        + "руководителя школы и уполномоченного по бюджету ПРИКАЗЫВАЮ:");
    body.add("1. Установить " + p.mentor().fullName() + ", наставнику" + named(p)
        + ", доплату за наставничество в размере " + money(p.monthlyAmount()) + " в месяц на период " + p.period() + ".");
    body.add("2. Наставляемые: " + p.menteeNames() + ".");
    body.add("3. Источник финансирования: " + p.fundingSourceName() + ". Доплата начисляется ежемесячно, пока действует "
        + "пара наставничества; всего " + p.nomination().months() + " мес.");
    body.add("4. По окончании наставничества наставник представляет итоговый отчёт о результатах наставляемых.");
    return letter(MentorLetterKind.ORDER, p, today, List.of(head(p), "Наставнику: " + p.mentor().fullName()), body);
  }

  static LetterContent certificate(Pairing p, LocalDate today, LocalDate endedOn) {
    List<String> body = new ArrayList<>();
    body.add("Настоящее свидетельство выдано " + p.mentor().fullName() + " в знак признания заслуг в наставничестве.");
    body.add("Наставник сопровождал молодых педагогов (" + p.menteeNames() + ") в " + p.schoolName().orElse("школе")
        + " с " + date(p.nomination().startDate()) + " по " + date(endedOn) + "; итоговый отчёт принят руководителем школы.");
    body.add("Благодарим Вас за вклад в профессиональное становление молодых учителей Кузбасса!");
    return letter(MentorLetterKind.CERTIFICATE, p, today, List.of("Кому: " + p.mentor().fullName()), body);
  }

  /** The letters go to the school, whose head's name the system does not know: no salutation by name. Only a refusal can be appealed. */
  private static LetterContent letter(MentorLetterKind kind, Pairing p, LocalDate today, List<String> addressee, List<String> body) {
    return new LetterContent(PROCESS, kind.title(), kind.number(p.nomination().caseNumber()), today, addressee, null, body, p.basis(),
        kind == MentorLetterKind.REJECTION);
  }

  private static String head(Pairing p) {
    return "Руководителю " + p.schoolName().orElse("образовательной организации");
  }

  /** « МБОУ «…»» after a word the school's name qualifies; nothing where the directory does not know the school. */
  private static String named(Pairing p) {
    return p.schoolName().map(n -> " " + n).orElse("");
  }
}
