package ru.kuzbass.edu.workflows.developmentroute;

import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ru.kuzbass.edu.workflows.people.PersonService;
import ru.kuzbass.edu.workflows.platform.ApiProblem;
import ru.kuzbass.edu.workflows.platform.CaseHistory;
import ru.kuzbass.edu.workflows.platform.RegionTime;
import ru.kuzbass.edu.workflows.platform.UtcDateTime;

/** The staff API of development routes: start a teacher's route, mark its items as it is realised, and see where it stands. */
@RestController
@RequestMapping("/api/development-routes")
public class DevelopmentRouteController {

  private final DevelopmentRoutes routes;
  private final RouteRealisation realisation;
  private final RouteReflection reflection;
  private final PersonService people;
  private final CaseHistory history;

  public DevelopmentRouteController(DevelopmentRoutes routes, RouteRealisation realisation, RouteReflection reflection, PersonService people,
      CaseHistory history) {
    this.routes = routes;
    this.realisation = realisation;
    this.reflection = reflection;
    this.people = people;
    this.history = history;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  public Map<String, String> start(@Valid @RequestBody RouteStart start) {
    return Map.of("caseNumber", routes.start(start));
  }

  /** An item: {@code id} is what the tracking endpoint names; the evidence itself stays in the database, its presence is shown. */
  public record Item(long id, int number, Competence competence, String competenceText, EventKind kind, String kindText, String title,
      String eventCode, LocalDate plannedFrom, LocalDate plannedTo, ItemStatus status, String statusText, boolean evidence) {

    static Item of(DevelopmentRoutes.RouteItem i) {
      ItemStatus status = ItemStatus.valueOf(i.status());
      return new Item(i.id(), i.position(), i.competence(), i.competence().russian(), i.kind(), i.kind().russian(), i.title(), i.eventCode(),
          i.plannedFrom(), i.plannedTo(), status, status.russian(), i.evidence() != null);
    }
  }

  /** What staff send to mark an item: ENROLLED, COMPLETED (with its evidence) or MISSED. */
  public record ItemUpdate(String status, String evidence) {}

  @PutMapping("/{caseNumber}/items/{itemId}")
  public Item track(@PathVariable String caseNumber, @PathVariable long itemId, @RequestBody ItemUpdate update) {
    return Item.of(realisation.track(caseNumber, itemId, update.status(), update.evidence()));
  }

  public record MonitoringView(int round, OffsetDateTime at, int itemsTotal, int itemsDue, int itemsCompleted, int itemsOverdue,
      PaceState paceState, String comment, Escalation escalation, String escalationText, String measures) {}

  public record ChangeView(Competence competence, String competenceText, boolean deficit, BigDecimal before, BigDecimal after,
      BigDecimal change) {}

  public record HistoryEntry(OffsetDateTime at, String status, String details) {}

  /** What staff see of a route: the teacher's name only, no SNILS or contacts, and no free text of the questionnaire. */
  public record RouteView(String caseNumber, String name, String schoolCode, int year, RouteOrigin origin, String originCase,
      RouteStatus status, String statusText, Integer paceMonths, LocalDate startsOn, LocalDate endsOn, List<Item> items,
      PaceState paceState, OffsetDateTime monitoredAt, Escalation escalation, List<MonitoringView> monitorings, Integer repeatedDiagnosisYear,
      List<ChangeView> changes, OffsetDateTime finishedAt, List<HistoryEntry> history) {}

  @GetMapping("/{caseNumber}")
  public RouteView route(@PathVariable String caseNumber) {
    DevelopmentRoutes.Route r = routes.find(caseNumber).orElseThrow(() -> ApiProblem.notFound("Маршрут " + caseNumber + " не найден"));
    List<Item> items = routes.items(r.id()).stream().map(Item::of).toList();
    RouteRealisation.State state = realisation.state(r.id());
    List<MonitoringView> monitorings = realisation.monitorings(r.id()).stream().map(m -> new MonitoringView(m.round(), local(m.monitoredAtUtc()),
        m.itemsTotal(), m.itemsDue(), m.itemsCompleted(), m.itemsOverdue(), m.paceState(), m.comment(), m.escalation(), m.escalation().russian(),
        m.measures())).toList();
    List<ChangeView> changes = reflection.changes(r.id()).stream().map(c -> new ChangeView(c.competence(), c.competence().russian(),
        c.deficit(), c.before(), c.after(), c.difference())).toList();
    List<HistoryEntry> entries = history.events(caseNumber).stream()
        .map(e -> new HistoryEntry(e.occurredAt().atZone(RegionTime.ZONE).toOffsetDateTime(), e.status(), e.details())).toList();
    return new RouteView(r.caseNumber(), people.get(r.personId()).fullName(), r.schoolCode(), r.year(), r.origin(), r.originCase(),
        r.status(), r.status().russian(), r.paceMonths(), r.startsOn(), r.endsOn(), items, state.paceState(), local(state.monitoredAtUtc()),
        state.escalation(), monitorings, state.reflectionYear(), changes, local(state.finishedAtUtc()), entries);
  }

  private static OffsetDateTime local(LocalDateTime utc) {
    return utc == null ? null : UtcDateTime.fromDb(utc).atZone(RegionTime.ZONE).toOffsetDateTime();
  }
}
