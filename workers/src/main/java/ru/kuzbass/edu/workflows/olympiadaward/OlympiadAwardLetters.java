package ru.kuzbass.edu.workflows.olympiadaward;

import static ru.kuzbass.edu.workflows.letters.RussianFormat.date;
import static ru.kuzbass.edu.workflows.letters.RussianFormat.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ru.kuzbass.edu.workflows.letters.LetterContent;
import ru.kuzbass.edu.workflows.letters.Salutation;
import ru.kuzbass.edu.workflows.people.Person;

/**
 * The wording of the olympiad coach award's documents: pure functions of the case. A pupil is
 * named by the participant code of the official list, never by name: pupils are minors and the
 * documents go to their teachers and schools.
 */
final class OlympiadAwardLetters {
  private OlympiadAwardLetters() {}

  /** Signs the e-mails that carry the letters. */
  static final String ISSUER = "Министерство образования Кузбасса";
  /** The key of this process's signatory in {@code letters.signatories}. */
  static final String PROCESS = "olympiad-coach-award";

  /** One award of the order: a teacher's part of one claim. */
  record OrderLine(String caseNumber, String teacher, Optional<String> schoolName, String subject, OlympiadPlace place, int share,
      BigDecimal amount) {}

  static LetterContent refusal(Claim c, Optional<String> schoolName, String reason, String basis, LocalDate today) {
    List<String> body = List.of(
        "Рассмотрена заявка № " + c.caseNumber() + named(schoolName) + " о поощрении педагогов, подготовивших "
            + c.place().genitive + " заключительного этапа всероссийской олимпиады школьников " + c.year() + " года по предмету «"
            + c.subject() + "» (код участника " + c.participantCode() + ").",
        "В поощрении отказано: " + reason + ".",
        "Школа вправе направить новую заявку после устранения причины отказа, если срок подачи заявок не истёк.");
    return new LetterContent(PROCESS, "Уведомление об отказе в поощрении", c.caseNumber() + "/О", today,
        List.of("Руководителю " + schoolName.orElse("образовательной организации")), null, body, basis, true);
  }

  static LetterContent award(Claim c, Person teacher, Claim.Coach part, Optional<String> schoolName, String orderNumber, LocalDate orderDate,
      String basis, LocalDate today) {
    List<String> body = new ArrayList<>();
    body.add("Приказом министерства образования Кузбасса от " + date(orderDate) + " № " + orderNumber + " Вы поощрены за подготовку "
        + c.place().genitive + " заключительного этапа всероссийской олимпиады школьников " + c.year() + " года по предмету «"
        + c.subject() + "» (код участника " + c.participantCode() + ").");
    body.add("Размер поощрения: " + money(part.amount()) + (part.share() == 100 ? "." : " (Ваша доля — " + part.share()
        + " % от " + money(c.amount()) + ", заявленная " + schoolName.orElse("школой") + ")."));
    body.add("Выплата включена в реестр выплат; средства поступят в порядке, установленном для выплат из областного бюджета.");
    body.add("Благодарим Вас за подготовку победителей и призёров олимпиады!");
    return new LetterContent(PROCESS, "Уведомление о поощрении за подготовку " + c.place().genitive + " олимпиады",
        c.caseNumber() + "/" + part.personId(), today, List.of("Кому: " + teacher.fullName()),
        Salutation.of(teacher.givenName(), teacher.patronymic()), body, basis, false);
  }

  static LetterContent order(String listNumber, int year, List<OrderLine> lines, String basis, LocalDate today) {
    List<String> body = new ArrayList<>();
    body.add("В целях поощрения педагогических работников, подготовивших победителей и призёров заключительного этапа "
        + "всероссийской олимпиады школьников " + year + " года, на основании подтверждения муниципальных органов управления "
        + "образованием и решения комиссии ПРИКАЗЫВАЮ:");
    body.add("1. Выплатить поощрение следующим педагогическим работникам:");
    BigDecimal total = BigDecimal.ZERO;
    int n = 1;
    for (OrderLine l : lines) {
      body.add("1." + n++ + ". " + l.teacher() + named(l.schoolName()).replaceFirst("^ ", ", ") + " — подготовка " + l.place().genitive
          + " по предмету «" + l.subject() + "», заявка № " + l.caseNumber() + (l.share() == 100 ? "" : ", доля " + l.share() + " %")
          + ": " + money(l.amount()) + ".");
      total = total.add(l.amount());
    }
    body.add("2. Общая сумма поощрений: " + money(total) + "; поощрений: " + lines.size() + ".");
    body.add("3. Бухгалтерии произвести выплаты по реестру выплат.");
    return new LetterContent(PROCESS, "Приказ о поощрении педагогов, подготовивших победителей и призёров олимпиады", listNumber, today,
        List.of(), null, body, basis, false);
  }

  private static String named(Optional<String> schoolName) {
    return schoolName.map(n -> " " + n).orElse("");
  }
}
