package ru.kuzbass.edu.workflows.developmentroute;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ru.kuzbass.edu.workflows.people.PersonService;
import ru.kuzbass.edu.workflows.platform.ApiProblem;
import ru.kuzbass.edu.workflows.platform.CaseHistory;
import ru.kuzbass.edu.workflows.platform.RegionTime;

/** The staff API of development routes: start a teacher's route, and see where it stands. */
@RestController
@RequestMapping("/api/development-routes")
public class DevelopmentRouteController {

  private final DevelopmentRoutes routes;
  private final PersonService people;
  private final CaseHistory history;

  public DevelopmentRouteController(DevelopmentRoutes routes, PersonService people, CaseHistory history) {
    this.routes = routes;
    this.people = people;
    this.history = history;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  public Map<String, String> start(@Valid @RequestBody RouteStart start) {
    return Map.of("caseNumber", routes.start(start));
  }

  public record Item(int number, Competence competence, String competenceText, EventKind kind, String kindText, String title,
      String eventCode, LocalDate plannedFrom, LocalDate plannedTo, String status) {}

  public record HistoryEntry(OffsetDateTime at, String status, String details) {}

  /** What staff see of a route: the teacher's name only, no SNILS or contacts, and no free text of the questionnaire. */
  public record RouteView(String caseNumber, String name, String schoolCode, int year, RouteOrigin origin, String originCase,
      RouteStatus status, String statusText, Integer paceMonths, LocalDate startsOn, LocalDate endsOn, List<Item> items,
      List<HistoryEntry> history) {}

  @GetMapping("/{caseNumber}")
  public RouteView route(@PathVariable String caseNumber) {
    DevelopmentRoutes.Route r = routes.find(caseNumber).orElseThrow(() -> ApiProblem.notFound("Маршрут " + caseNumber + " не найден"));
    List<Item> items = routes.items(r.id()).stream().map(i -> new Item(i.position(), i.competence(), i.competence().russian(), i.kind(),
        i.kind().russian(), i.title(), i.eventCode(), i.plannedFrom(), i.plannedTo(), i.status())).toList();
    List<HistoryEntry> entries = history.events(caseNumber).stream()
        .map(e -> new HistoryEntry(e.occurredAt().atZone(RegionTime.ZONE).toOffsetDateTime(), e.status(), e.details())).toList();
    return new RouteView(r.caseNumber(), people.get(r.personId()).fullName(), r.schoolCode(), r.year(), r.origin(), r.originCase(),
        r.status(), r.status().russian(), r.paceMonths(), r.startsOn(), r.endsOn(), items, entries);
  }
}
