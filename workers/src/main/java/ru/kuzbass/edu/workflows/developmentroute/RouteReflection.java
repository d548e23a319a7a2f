package ru.kuzbass.edu.workflows.developmentroute;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import ru.kuzbass.edu.workflows.letters.IssuedLetter;
import ru.kuzbass.edu.workflows.letters.LetterService;
import ru.kuzbass.edu.workflows.letters.SchoolDirectory;
import ru.kuzbass.edu.workflows.mail.MailService;
import ru.kuzbass.edu.workflows.mail.OutgoingMail;
import ru.kuzbass.edu.workflows.people.Person;
import ru.kuzbass.edu.workflows.people.PersonService;
import ru.kuzbass.edu.workflows.platform.CaseHistory;
import ru.kuzbass.edu.workflows.platform.InvalidInputException;
import ru.kuzbass.edu.workflows.platform.RegionTime;

/**
 * The reflection at a route's end: the repeated diagnosis (its results come in through the
 * diagnosis import) is compared with the first, competence by competence, and the result closes the
 * case with a PDF/A report for the teacher and the school, kept once in the letter registry and
 * e-mailed once to each: to the school where the directory has its address.
 */
@Service
public class RouteReflection {

  private final JdbcClient jdbc;
  private final DevelopmentRoutes routes;
  private final Diagnoses diagnoses;
  private final DevelopmentRouteProperties properties;
  private final LetterService letters;
  private final MailService mail;
  private final PersonService people;
  private final SchoolDirectory schools;
  private final CaseHistory history;
  private final Clock clock;

  public RouteReflection(JdbcClient jdbc, DevelopmentRoutes routes, Diagnoses diagnoses, DevelopmentRouteProperties properties,
      LetterService letters, MailService mail, PersonService people, SchoolDirectory schools, CaseHistory history, Clock clock) {
    this.jdbc = jdbc;
    this.routes = routes;
    this.diagnoses = diagnoses;
    this.properties = properties;
    this.letters = letters;
    this.mail = mail;
    this.people = people;
    this.schools = schools;
    this.history = history;
    this.clock = clock;
  }

  /**
   * The school confirms the year of the repeated diagnosis: later than the first, and with the
   * teacher's results already imported; otherwise the completion is refused, naming the field.
   */
  public void recordRepeatedDiagnosis(long routeId, Object yearValue) {
    DevelopmentRoutes.Route route = routes.get(routeId);
    Integer year = yearValue instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) ? Integer.valueOf(n.intValue()) : null;
    if (year == null || year <= route.year() || year > 9999) {
      throw new InvalidInputException("Поле «Год повторной диагностики» (repeatedDiagnosisYear): год позже года первой диагностики ("
          + route.year() + ")");
    }
    if (diagnoses.scores(route.personId(), year).isEmpty()) {
      throw new InvalidInputException("Поле «Год повторной диагностики» (repeatedDiagnosisYear): нет результатов повторной диагностики "
          + "педагога за " + year + " год; загрузите их импортом результатов диагностики и завершите задачу снова");
    }
    jdbc.sql("UPDATE development_route SET reflection_year = ? WHERE id = ?").params(year, routeId).update();
    history.record(route.caseNumber(), "REPEATED_DIAGNOSIS", route.status().name(), "Повторная диагностика " + year + " года", clock.instant());
  }

  /** One competence measured by either diagnosis: its scores before and after (null where not measured), and whether it was a deficit. */
  public record Change(Competence competence, BigDecimal before, BigDecimal after, boolean deficit) {

    /** after − before; null unless both were measured. */
    public BigDecimal difference() {
      return before == null || after == null ? null : after.subtract(before);
    }
  }

  /** The change per competence between the route's diagnosis and the repeated one; empty before the reflection. */
  public List<Change> changes(long routeId) {
    DevelopmentRoutes.Route route = routes.get(routeId);
    Integer repeated = jdbc.sql("SELECT reflection_year FROM development_route WHERE id = ?").params(routeId).query(Integer.class).optional()
        .orElse(null);
    if (repeated == null) {
      return List.of();
    }
    Map<Competence, BigDecimal> before = scores(route.personId(), route.year());
    Map<Competence, BigDecimal> after = scores(route.personId(), repeated);
    BigDecimal level = properties.deficitBelow(route.year());
    List<Change> changes = new ArrayList<>();
    for (Competence c : Competence.values()) {
      if (before.containsKey(c) || after.containsKey(c)) {
        changes.add(new Change(c, before.get(c), after.get(c), before.containsKey(c) && before.get(c).compareTo(level) < 0));
      }
    }
    return changes;
  }

  private Map<Competence, BigDecimal> scores(long personId, int year) {
    Map<Competence, BigDecimal> scores = new EnumMap<>(Competence.class);
    diagnoses.scores(personId, year).forEach(s -> scores.put(s.competence(), s.score()));
    return scores;
  }

  /**
   * Issues the report and e-mails it to the teacher and to the school, then finishes the route. A
   * retried step finds the letter and the e-mails already there and sends nothing again.
   */
  public void report(long routeId) {
    DevelopmentRoutes.Route route = routes.get(routeId);
    Person teacher = people.get(route.personId());
    int repeated = jdbc.sql("SELECT reflection_year FROM development_route WHERE id = ?").params(routeId).query(Integer.class).single();
    IssuedLetter letter = letters.issue(route.caseNumber(), RouteLetters.REPORT_KIND, RouteLetters.reportFileName(route.caseNumber()),
        () -> RouteLetters.report(route.caseNumber(), teacher, schools.name(route.schoolCode()).orElse(null), route.startsOn(), route.endsOn(),
            routes.items(routeId), route.year(), repeated, changes(routeId), properties.basis(route.year()), RegionTime.today(clock)));
    mail.send(new OutgoingMail(route.caseNumber() + ":" + RouteLetters.REPORT_KIND, teacher.email(),
        "Итоги Вашего индивидуального образовательного маршрута № " + route.caseNumber(),
        "Здравствуйте, " + teacher.givenName() + "!\n\nВо вложении — итоги Вашего индивидуального образовательного маршрута № "
            + route.caseNumber() + " и изменения по компетенциям по результатам повторной диагностики.\n\n"
            + "Письмо отправлено автоматически, отвечать на него не нужно.\n\n" + RouteLetters.ISSUER,
        letter));
    schools.email(route.schoolCode()).ifPresent(school -> mail.send(new OutgoingMail(
        route.caseNumber() + ":" + RouteLetters.REPORT_KIND + ":school", school,
        "Итоги индивидуального образовательного маршрута № " + route.caseNumber() + " педагога Вашей школы",
        "Здравствуйте!\n\nВо вложении — итоги индивидуального образовательного маршрута № " + route.caseNumber()
            + " педагога Вашей школы и изменения по компетенциям по результатам повторной диагностики.\n\n"
            + "Письмо отправлено автоматически, отвечать на него не нужно.\n\n" + RouteLetters.ISSUER,
        letter)));
    routes.markFinished(routeId);
  }
}
