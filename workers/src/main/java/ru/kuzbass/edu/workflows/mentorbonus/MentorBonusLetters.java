package ru.kuzbass.edu.workflows.mentorbonus;

import static ru.kuzbass.edu.workflows.letters.RussianFormat.date;
import static ru.kuzbass.edu.workflows.letters.RussianFormat.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import ru.kuzbass.edu.workflows.letters.LetterContent;
import ru.kuzbass.edu.workflows.people.Person;

/** The wording of the mentor-bonus letters: pure functions of the case. */
final class MentorBonusLetters {
  private MentorBonusLetters() {}

  static final String ISSUER = "Министерство образования Кузбасса";

  /** What a letter says about the pairing, already resolved to names and figures. */
  record Pairing(Nomination nomination, Person mentor, List<Person> mentees, BigDecimal monthlyAmount, String fundingSourceName,
      String basis) {
    String period() {
      return "с " + date(nomination.startDate()) + " по " + date(nomination.endDate());
    }

    String menteeNames() {
      return String.join(", ", mentees.stream().map(Person::fullName).toList());
    }
  }

  static LetterContent rejection(Pairing p, LocalDate today, List<String> reasons) {
    List<String> body = new ArrayList<>();
    body.add("Рассмотрена заявка № " + p.nomination().caseNumber() + " школы " + p.nomination().schoolCode()
        + " об установлении доплаты за наставничество наставнику " + p.mentor().fullName() + ".");
    body.add("В установлении доплаты отказано по следующим основаниям:");
    reasons.forEach(r -> body.add("— " + r));
    body.add("Школа вправе направить новую заявку после устранения причин отказа.");
    return letter(MentorLetterKind.REJECTION, p, today, List.of("Руководителю школы " + p.nomination().schoolCode()), body);
  }

  static LetterContent waitingList(Pairing p, LocalDate today) {
    List<String> body = new ArrayList<>();
    body.add("Заявка № " + p.nomination().caseNumber() + " об установлении доплаты за наставничество наставнику "
        + p.mentor().fullName() + " согласована.");
    body.add("Средств источника «" + p.fundingSourceName() + "» на " + p.nomination().startDate().getYear()
        + " год сейчас недостаточно, поэтому заявка включена в лист ожидания. Доплата будет установлена, как только "
        + "средства освободятся; школа получит приказ по электронной почте.");
    return letter(MentorLetterKind.WAITING_LIST, p, today, List.of("Руководителю школы " + p.nomination().schoolCode()), body);
  }

  static LetterContent order(Pairing p, LocalDate today) {
    List<String> body = new ArrayList<>();
    body.add("В соответствии с целевой моделью наставничества педагогических работников и на основании согласования "
        + "руководителя школы и уполномоченного по бюджету ПРИКАЗЫВАЮ:");
    body.add("1. Установить " + p.mentor().fullName() + ", наставнику школы " + p.nomination().schoolCode()
        + ", доплату за наставничество в размере " + money(p.monthlyAmount()) + " в месяц на период " + p.period() + ".");
    body.add("2. Наставляемые: " + p.menteeNames() + ".");
    body.add("3. Источник финансирования: " + p.fundingSourceName() + ". Доплата начисляется ежемесячно, пока действует "
        + "пара наставничества; всего " + p.nomination().months() + " мес.");
    body.add("4. По окончании наставничества наставник представляет итоговый отчёт о результатах наставляемых.");
    body.add("Основание: " + p.basis() + ".");
    return letter(MentorLetterKind.ORDER, p, today,
        List.of("Руководителю школы " + p.nomination().schoolCode(), "Наставнику: " + p.mentor().fullName()), body);
  }

  static LetterContent certificate(Pairing p, LocalDate today, LocalDate endedOn) {
    List<String> body = new ArrayList<>();
    body.add("Настоящее свидетельство выдано " + p.mentor().fullName() + " в знак признания заслуг в наставничестве.");
    body.add("Наставник сопровождал молодых педагогов (" + p.menteeNames() + ") в школе " + p.nomination().schoolCode()
        + " с " + date(p.nomination().startDate()) + " по " + date(endedOn) + "; итоговый отчёт принят руководителем школы.");
    body.add("Благодарим Вас за вклад в профессиональное становление молодых учителей Кузбасса!");
    return letter(MentorLetterKind.CERTIFICATE, p, today, List.of("Кому: " + p.mentor().fullName()), body);
  }

  private static LetterContent letter(MentorLetterKind kind, Pairing p, LocalDate today, List<String> addressee, List<String> body) {
    return new LetterContent(kind.title(), kind.number(p.nomination().caseNumber()), today, addressee, body, ISSUER);
  }
}
