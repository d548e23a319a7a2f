package ru.kuzbass.edu.workflows.developmentroute;

import java.time.Clock;
import org.springframework.stereotype.Service;
import ru.kuzbass.edu.workflows.letters.IssuedLetter;
import ru.kuzbass.edu.workflows.letters.LetterService;
import ru.kuzbass.edu.workflows.mail.MailService;
import ru.kuzbass.edu.workflows.mail.OutgoingMail;
import ru.kuzbass.edu.workflows.people.Person;
import ru.kuzbass.edu.workflows.people.PersonService;
import ru.kuzbass.edu.workflows.platform.RegionTime;

/**
 * Sends the agreed route to the teacher: a PDF/A letter, kept once per case in the letter registry,
 * e-mailed once per case (the outbox's key); a retried step finds both and sends nothing again.
 */
@Service
public class AgreedRouteLetter {

  private final DevelopmentRoutes routes;
  private final LetterService letters;
  private final MailService mail;
  private final PersonService people;
  private final DevelopmentRouteProperties properties;
  private final Clock clock;

  public AgreedRouteLetter(DevelopmentRoutes routes, LetterService letters, MailService mail, PersonService people,
      DevelopmentRouteProperties properties, Clock clock) {
    this.routes = routes;
    this.letters = letters;
    this.mail = mail;
    this.people = people;
    this.properties = properties;
    this.clock = clock;
  }

  public void send(long routeId) {
    DevelopmentRoutes.Route route = routes.get(routeId);
    Person teacher = people.get(route.personId());
    IssuedLetter letter = letters.issue(route.caseNumber(), RouteLetters.KIND, RouteLetters.fileName(route.caseNumber()),
        () -> RouteLetters.agreedRoute(route.caseNumber(), teacher, route.paceMonths(), route.startsOn(), route.endsOn(),
            routes.items(routeId), properties.basis(route.year()), RegionTime.today(clock)));
    mail.send(new OutgoingMail(route.caseNumber() + ":" + RouteLetters.KIND, teacher.email(),
        "Ваш индивидуальный образовательный маршрут № " + route.caseNumber(),
        "Здравствуйте, " + teacher.givenName() + "!\n\nВо вложении — Ваш согласованный индивидуальный образовательный маршрут № "
            + letter.number() + ".\n\nПисьмо отправлено автоматически, отвечать на него не нужно.\n\n" + RouteLetters.ISSUER,
        letter));
    routes.markAgreed(routeId);
  }
}
