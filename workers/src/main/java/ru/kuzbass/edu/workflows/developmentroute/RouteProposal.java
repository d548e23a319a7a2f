package ru.kuzbass.edu.workflows.developmentroute;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Proposes a route's items: for each competence to develop (the deficits, lowest score first, then
 * the teacher's own requests) up to {@code perCompetence} available events of the bank, the
 * teacher's preferred kinds first, then the configured order of kinds, then by start date. A
 * competence with no available event gets one informal self-education item over the whole period,
 * so that no deficit is left without an item. Pure: the events come in, the items go out.
 */
final class RouteProposal {

  private RouteProposal() {}

  /** An item of the route as designed; {@code eventId} null for an informal item the teacher takes on alone. */
  record Item(Long eventId, Competence competence, EventKind kind, String title, LocalDate from, LocalDate to) {}

  /**
   * @param deficits       lowest score first
   * @param requested      the competences the teacher asked for, in addition to the deficits
   * @param preferredKinds the kinds the teacher prefers (may be empty)
   * @param kindOrder      the configured order of kinds
   * @param available      per competence, the bank's events available within the period
   */
  static List<Item> propose(List<Competence> deficits, Set<Competence> requested, Set<EventKind> preferredKinds, List<EventKind> kindOrder,
      int perCompetence, LocalDate from, LocalDate to, Map<Competence, List<EventBank.Listed>> available) {
    Set<Competence> competences = new LinkedHashSet<>(deficits);
    requested.stream().sorted().forEach(competences::add);
    List<EventKind> order = new ArrayList<>(kindOrder.stream().filter(preferredKinds::contains).toList());
    kindOrder.stream().filter(k -> !order.contains(k)).forEach(order::add);
    List<Item> items = new ArrayList<>();
    for (Competence c : competences) {
      List<EventBank.Listed> picked = available.getOrDefault(c, List.of()).stream()
          .sorted(Comparator.comparingInt((EventBank.Listed e) -> rank(order, e.event().kind())).thenComparing(e -> e.event().startsOn())
              .thenComparing(EventBank.Listed::id))
          .limit(perCompetence)
          .sorted(Comparator.comparing((EventBank.Listed e) -> e.event().startsOn()).thenComparing(EventBank.Listed::id))
          .toList();
      if (picked.isEmpty()) {
        items.add(selfEducation(c, from, to));
      }
      picked.forEach(e -> items.add(item(e, to)));
    }
    return items;
  }

  /** The bank's event as an item; an informal event with no end lasts to the route's end. */
  static Item item(EventBank.Listed e, LocalDate routeEnd) {
    EducationEvent event = e.event();
    return new Item(e.id(), event.competence(), event.kind(), event.title(), event.startsOn(),
        event.endsOn() == null ? routeEnd : event.endsOn());
  }

  /** The informal item the teacher takes on alone where the bank has nothing for the competence. */
  static Item selfEducation(Competence c, LocalDate from, LocalDate to) {
    return new Item(null, c, EventKind.INFORMAL, "Самообразование: " + c.russian() + " (план составляет педагог)", from, to);
  }

  /** A kind missing from the order goes last. */
  private static int rank(List<EventKind> order, EventKind kind) {
    int i = order.indexOf(kind);
    return i < 0 ? order.size() : i;
  }
}
