package ru.kuzbass.edu.workflows.youngteacher;

import static ru.kuzbass.edu.workflows.letters.RussianFormat.date;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import ru.kuzbass.edu.workflows.letters.LetterContent;
import ru.kuzbass.edu.workflows.letters.RussianFormat;
import ru.kuzbass.edu.workflows.letters.Salutation;
import ru.kuzbass.edu.workflows.people.Person;

/** The wording of the young-teacher letters: pure functions of the case. */
final class YoungTeacherLetters {
  private YoungTeacherLetters() {}

  static final String ISSUER = "Министерство образования Кузбасса";
  /** The key of this process's signatory in {@code letters.signatories} (the default signs until one is configured). */
  static final String PROCESS = "young-teacher-support";
  static final String COMPLETED = "SUPPORT_COMPLETED";
  static final String COMPLETED_TITLE = "Уведомление о завершении года сопровождения молодого педагога";

  static String number(String caseNumber) {
    return caseNumber + "/З";
  }

  /**
   * @param schoolName  the school's name in the directory; empty where the directory does not know the code
   * @param checkIns    how many check-ins the year had
   */
  static LetterContent completed(YoungTeacherCase c, Person teacher, Optional<String> schoolName, int checkIns, LocalDate today,
      String basis) {
    List<String> body = List.of(
        "Завершён первый год сопровождения Вас как молодого педагога" + schoolName.map(n -> " в " + n).orElse("")
            + " (обращение № " + c.caseNumber() + ", с " + date(c.startDate()) + ").",
        "За год Вы заполнили анкету профессиональной адаптации молодого педагога и провели со школой "
            + RussianFormat.count(checkIns, "промежуточную встречу", "промежуточные встречи", "промежуточных встреч")
            + "; за Вами закреплён наставник.",
        "Желаем Вам успехов в профессии! Если понадобится помощь, обратитесь к методисту своей школы.");
    return new LetterContent(PROCESS, COMPLETED_TITLE, number(c.caseNumber()), today,
        List.of("Кому: " + teacher.fullName()), Salutation.of(teacher.givenName(), teacher.patronymic()), body, basis, false);
  }
}
