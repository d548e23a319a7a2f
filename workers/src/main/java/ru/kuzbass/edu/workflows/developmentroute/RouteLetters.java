package ru.kuzbass.edu.workflows.developmentroute;

import static ru.kuzbass.edu.workflows.developmentroute.RouteText.capital;
import static ru.kuzbass.edu.workflows.letters.RussianFormat.date;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.kuzbass.edu.workflows.letters.LetterContent;
import ru.kuzbass.edu.workflows.letters.RussianFormat;
import ru.kuzbass.edu.workflows.letters.Salutation;
import ru.kuzbass.edu.workflows.people.Person;

/** The wording of the route's letters to the teacher, the agreed route and its report: pure functions of the route. */
final class RouteLetters {

  static final String KIND = "AGREED_ROUTE";
  static final String TITLE = "Индивидуальный образовательный маршрут педагога";
  static final String REPORT_KIND = "ROUTE_REPORT";
  static final String REPORT_TITLE = "Итоги индивидуального образовательного маршрута педагога";
  /** Signs the e-mail that carries the letter. */
  static final String ISSUER = "Министерство образования Кузбасса";

  private RouteLetters() {}

  static String fileName(String caseNumber) {
    return "ИОМ-" + caseNumber + ".pdf";
  }

  static String reportFileName(String caseNumber) {
    return "ИОМ-итоги-" + caseNumber + ".pdf";
  }

  /**
   * The report at the route's end: the items completed and not completed (planned, enrolled or
   * missed at the end), and each competence's score before and after, the deficits marked.
   */
  static LetterContent report(String caseNumber, Person teacher, String schoolName, LocalDate from, LocalDate to,
      List<DevelopmentRoutes.RouteItem> items, int firstYear, int repeatedYear, List<RouteReflection.Change> changes, String basis,
      LocalDate today) {
    List<String> body = new ArrayList<>();
    List<DevelopmentRoutes.RouteItem> done = items.stream().filter(i -> ItemStatus.valueOf(i.status()) == ItemStatus.COMPLETED).toList();
    body.add("Ваш индивидуальный образовательный маршрут № " + caseNumber + " (с " + date(from) + " по " + date(to) + ") завершён. Пройдено "
        + done.size() + " из " + RussianFormat.count(items.size(), "пункта", "пунктов", "пунктов") + " маршрута.");
    if (!done.isEmpty()) {
      body.add("Пройдено:");
      done.forEach(i -> body.add("— " + i.title() + " (" + i.competence().russian() + ")."));
    }
    List<DevelopmentRoutes.RouteItem> notDone = items.stream().filter(i -> !done.contains(i)).toList();
    if (!notDone.isEmpty()) {
      body.add("Не пройдено:");
      notDone.forEach(i -> body.add("— " + i.title() + " (" + i.competence().russian() + "): "
          + (ItemStatus.valueOf(i.status()) == ItemStatus.MISSED ? "пропущено" : "не отмечено пройденным к концу маршрута") + "."));
    }
    body.add("Изменение по компетенциям: баллы диагностики " + firstYear + " года и повторной диагностики " + repeatedYear + " года.");
    changes.forEach(c -> body.add("— " + capital(c.competence().russian()) + (c.deficit() ? " (была дефицитом)" : "") + ": " + change(c) + "."));
    List<String> addressee = new ArrayList<>(List.of("Кому: " + teacher.fullName()));
    if (schoolName != null) {
      addressee.add(schoolName);
    }
    return new LetterContent(null, REPORT_TITLE, caseNumber, today, addressee, Salutation.of(teacher.givenName(), teacher.patronymic()), body,
        basis, false);
  }

  /** «было 40,00, стало 65,00, изменение +25,00», or what one of the diagnoses did not measure. */
  private static String change(RouteReflection.Change c) {
    if (c.after() == null) {
      return "было " + score(c.before()) + ", повторно не измерялась";
    }
    if (c.before() == null) {
      return "в первой диагностике не измерялась, стало " + score(c.after());
    }
    return "было " + score(c.before()) + ", стало " + score(c.after()) + ", изменение " + (c.difference().signum() > 0 ? "+" : "")
        + score(c.difference());
  }

  /** A score as the letters print it: «72,50». */
  private static String score(BigDecimal score) {
    return score.setScale(2, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
  }

  /** The route by competence, each item with its kind and dates, the pace and the period. */
  static LetterContent agreedRoute(String caseNumber, Person teacher, int paceMonths, LocalDate from, LocalDate to,
      List<DevelopmentRoutes.RouteItem> items, String basis, LocalDate today) {
    List<String> body = new ArrayList<>();
    body.add("Ваш индивидуальный образовательный маршрут № " + caseNumber + " составлен по результатам диагностики профессиональных "
        + "компетенций и Вашим профессиональным запросам, проверен методистом и согласован с Вами.");
    body.add("Темп освоения маршрута: " + RussianFormat.count(paceMonths, "месяц", "месяца", "месяцев") + ", с " + date(from) + " по "
        + date(to) + ". Этапы маршрута: диагностический, проектирование, реализация и рефлексия.");
    Map<Competence, List<DevelopmentRoutes.RouteItem>> byCompetence = new LinkedHashMap<>();
    items.forEach(i -> byCompetence.computeIfAbsent(i.competence(), c -> new ArrayList<>()).add(i));
    byCompetence.forEach((competence, list) -> {
      body.add(capital(competence.russian()) + ":");
      list.forEach(i -> body.add("— " + i.title() + " (" + i.kind().russian() + "), " + RouteText.period(i.plannedFrom(), i.plannedTo())
          + (i.eventCode() == null ? "" : ", код мероприятия " + i.eventCode()) + "."));
    });
    return new LetterContent(null, TITLE, caseNumber, today, List.of("Кому: " + teacher.fullName()),
        Salutation.of(teacher.givenName(), teacher.patronymic()), body, basis, false);
  }
}
