package ru.kuzbass.edu.workflows.developmentroute;

import static ru.kuzbass.edu.workflows.letters.RussianFormat.date;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.kuzbass.edu.workflows.letters.LetterContent;
import ru.kuzbass.edu.workflows.letters.RussianFormat;
import ru.kuzbass.edu.workflows.letters.Salutation;
import ru.kuzbass.edu.workflows.people.Person;

/** The wording of the agreed route's letter to the teacher: a pure function of the route. */
final class RouteLetters {

  static final String KIND = "AGREED_ROUTE";
  static final String TITLE = "Индивидуальный образовательный маршрут педагога";
  /** Signs the e-mail that carries the letter. */
  static final String ISSUER = "Министерство образования Кузбасса";

  private RouteLetters() {}

  static String fileName(String caseNumber) {
    return "ИОМ-" + caseNumber + ".pdf";
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
      body.add(RouteText.capital(competence.russian()) + ":");
      list.forEach(i -> body.add("— " + i.title() + " (" + i.kind().russian() + "), " + RouteText.period(i.plannedFrom(), i.plannedTo())
          + (i.eventCode() == null ? "" : ", код мероприятия " + i.eventCode()) + "."));
    });
    return new LetterContent(null, TITLE, caseNumber, today, List.of("Кому: " + teacher.fullName()),
        Salutation.of(teacher.givenName(), teacher.patronymic()), body, basis, false);
  }
}
