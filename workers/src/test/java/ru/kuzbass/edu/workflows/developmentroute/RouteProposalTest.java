package ru.kuzbass.edu.workflows.developmentroute;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The proposal: per competence the configured number of events, preferred kinds first, and self-education where the bank has nothing. */
class RouteProposalTest {

  private static final LocalDate FROM = LocalDate.of(2027, 2, 1);
  private static final LocalDate TO = LocalDate.of(2028, 1, 31);
  private static final List<EventKind> ORDER = List.of(EventKind.FORMAL, EventKind.NON_FORMAL, EventKind.INFORMAL);

  @Test
  void picksTheConfiguredNumberPerCompetenceInTheOrderOfKindsThenByDate() {
    var events = Map.of(Competence.DIGITAL, List.of(event(1, Competence.DIGITAL, EventKind.NON_FORMAL, "2027-02-10"),
        event(2, Competence.DIGITAL, EventKind.FORMAL, "2027-05-01"), event(3, Competence.DIGITAL, EventKind.FORMAL, "2027-03-01")));

    List<RouteProposal.Item> items = RouteProposal.propose(List.of(Competence.DIGITAL), Set.of(), Set.of(), ORDER, 2, FROM, TO, events);

    assertThat(items).extracting(RouteProposal.Item::eventId).as("formal first, then by start date; listed by date").containsExactly(3L, 2L);
    assertThat(RouteProposal.propose(List.of(Competence.DIGITAL), Set.of(), Set.of(EventKind.NON_FORMAL), ORDER, 2, FROM, TO, events))
        .extracting(RouteProposal.Item::eventId).as("the teacher's preferred kind goes first").containsExactly(1L, 3L);
    assertThat(RouteProposal.propose(List.of(Competence.DIGITAL), Set.of(), Set.of(), ORDER, 1, FROM, TO, events))
        .extracting(RouteProposal.Item::eventId).containsExactly(3L);
  }

  @Test
  void everyDeficitAndRequestGetsAnItemDeficitsFirstAndSelfEducationWhereTheBankHasNothing() {
    var events = Map.of(Competence.SUBJECT, List.of(event(7, Competence.SUBJECT, EventKind.FORMAL, "2027-04-01")));

    List<RouteProposal.Item> items = RouteProposal.propose(List.of(Competence.METHODICAL, Competence.SUBJECT),
        EnumSet.of(Competence.COMMUNICATIVE, Competence.SUBJECT), Set.of(), ORDER, 2, FROM, TO, events);

    assertThat(items).extracting(RouteProposal.Item::competence)
        .containsExactly(Competence.METHODICAL, Competence.SUBJECT, Competence.COMMUNICATIVE);
    assertThat(items.getFirst()).isEqualTo(new RouteProposal.Item(null, Competence.METHODICAL, EventKind.INFORMAL,
        "Самообразование: методическая компетенция (план составляет педагог)", FROM, TO));
    assertThat(items.get(1).eventId()).isEqualTo(7L);
    assertThat(items.get(2).eventId()).as("a request with nothing in the bank").isNull();
  }

  @Test
  void withoutDiagnosisTheRouteIsProposedFromTheRequestsAlone() {
    var events = Map.of(Competence.DIGITAL, List.of(event(4, Competence.DIGITAL, EventKind.FORMAL, "2027-03-01")));

    List<RouteProposal.Item> items = RouteProposal.propose(List.of(), EnumSet.of(Competence.DIGITAL, Competence.METHODICAL), Set.of(), ORDER, 2,
        FROM, TO, events);

    assertThat(items).extracting(RouteProposal.Item::competence).containsExactly(Competence.METHODICAL, Competence.DIGITAL);
    assertThat(items).extracting(RouteProposal.Item::eventId).containsExactly(null, 4L);
    assertThat(RouteProposal.propose(List.of(), Set.of(), Set.of(), ORDER, 2, FROM, TO, events)).as("nothing asked, nothing proposed: the "
        + "questionnaire refuses such an answer for a route without deficits").isEmpty();
  }

  @Test
  void anInformalEventWithoutAnEndLastsToTheRoutesEnd() {
    var open = new EventBank.Listed(9, new EducationEvent("S-9", "Сообщество практики", Competence.DIGITAL, EventKind.INFORMAL, null,
        "ИРО", LocalDate.of(2027, 3, 1), null, 10, null, 0, null));
    assertThat(RouteProposal.item(open, TO).to()).isEqualTo(TO);
  }

  private static EventBank.Listed event(long id, Competence c, EventKind kind, String startsOn) {
    LocalDate start = LocalDate.parse(startsOn);
    return new EventBank.Listed(id, new EducationEvent("E-" + id, "Мероприятие " + id, c, kind, null, "ИРО Кузбасса", start,
        start.plusDays(10), 36, null, 0, null));
  }
}
