package ru.kuzbass.edu.workflows.developmentroute;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A route's items as the methodist's and the school's forms show them: numbered lines with the
 * competence, the event, its kind and dates, no personal data. The numbers are the ones the
 * methodist types to drop an item.
 */
final class RouteText {

  /**
   * The engine keeps a string variable in a column of 4000 characters: a longer route is cut here
   * with a note, and the full route stays in the case's API answer.
   */
  static final int MAX_LENGTH = 3900;

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  private RouteText() {}

  static String items(List<DevelopmentRoutes.RouteItem> items) {
    if (items.isEmpty()) {
      return "В маршруте нет пунктов: добавьте мероприятия банка по коду.";
    }
    return bounded(items.stream().map(RouteText::line).collect(Collectors.joining("\n")));
  }

  /** The items with where each stands, as the monitoring shows them: «… — пройден». */
  static String progress(List<DevelopmentRoutes.RouteItem> items) {
    return bounded(items.stream().map(i -> line(i) + " — " + ItemStatus.valueOf(i.status()).russian()).collect(Collectors.joining("\n")));
  }

  private static String bounded(String text) {
    return text.length() <= MAX_LENGTH ? text
        : text.substring(0, MAX_LENGTH) + "\n… (маршрут длиннее, полный список — по номеру дела в API)";
  }

  static String line(DevelopmentRoutes.RouteItem i) {
    return i.position() + ". " + capital(i.competence().russian()) + ": " + i.title()
        + (i.eventCode() == null ? "" : " [код " + i.eventCode() + "]")
        + " — " + i.kind().russian() + ", " + period(i.plannedFrom(), i.plannedTo());
  }

  static String period(LocalDate from, LocalDate to) {
    return DAY.format(from) + " – " + DAY.format(to);
  }

  static String capital(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
