package ru.kuzbass.edu.workflows.developmentroute;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.kuzbass.edu.workflows.platform.ApiProblem;
import ru.kuzbass.edu.workflows.platform.CaseHistory;
import ru.kuzbass.edu.workflows.platform.InvalidInputException;
import ru.kuzbass.edu.workflows.platform.RegionTime;
import ru.kuzbass.edu.workflows.platform.UtcDateTime;

/**
 * The realisation of an agreed route: staff mark each item enrolled, completed (with its evidence)
 * or missed; every {@code monitoring-interval-months} from the agreement a monitoring counts the
 * progress, sets the route's pace and escalates a route behind its pace, first to the school's
 * administration, then to the municipality. Each change is a row and a step of the case history,
 * keyed so that a retried step or a repeated request writes nothing twice.
 */
@Service
public class RouteRealisation {

  /** The longest evidence kept: a document's name and number, or a link. */
  static final int EVIDENCE_MAX = 500;
  /** The longest comment or report of measures, as the forms allow. */
  static final int MEASURES_MAX = 4000;

  private final JdbcClient jdbc;
  private final DevelopmentRoutes routes;
  private final EventBank bank;
  private final DevelopmentRouteProperties properties;
  private final CaseHistory history;
  private final Clock clock;

  public RouteRealisation(JdbcClient jdbc, DevelopmentRoutes routes, EventBank bank, DevelopmentRouteProperties properties,
      CaseHistory history, Clock clock) {
    this.jdbc = jdbc;
    this.routes = routes;
    this.bank = bank;
    this.properties = properties;
    this.history = history;
    this.clock = clock;
  }

  /**
   * Marks the item of the route. Enrolling on an event of the bank takes one of its places, refused
   * when the event is full; a completed item needs its evidence. The same request again changes
   * nothing; a move that the item's status does not allow is refused, naming the field.
   */
  @Transactional
  public DevelopmentRoutes.RouteItem track(String caseNumber, long itemId, String statusName, String evidence) {
    DevelopmentRoutes.Route route = routes.find(caseNumber).orElseThrow(() -> ApiProblem.notFound("Маршрут " + caseNumber + " не найден"));
    if (route.status() != RouteStatus.AGREED) {
      throw ApiProblem.badField("status", route.status() == RouteStatus.FINISHED ? "Маршрут " + caseNumber + " завершён: отмечать пункты нельзя"
          : "Маршрут " + caseNumber + " ещё не согласован: пункты отмечаются после согласования");
    }
    ItemStatus next = statusOf(statusName);
    String proof = evidence == null || evidence.isBlank() ? null : evidence.strip();
    if (next == ItemStatus.COMPLETED && proof == null) {
      throw ApiProblem.badField("evidence", "Укажите документ, подтверждающий прохождение (например, удостоверение о повышении квалификации"
          + " с номером), или ссылку на него");
    }
    if (next != ItemStatus.COMPLETED && proof != null) {
      throw ApiProblem.badField("evidence", "Подтверждение указывается только для пройденного пункта (COMPLETED)");
    }
    if (proof != null && proof.length() > EVIDENCE_MAX) {
      throw ApiProblem.badField("evidence", "Подтверждение — не более " + EVIDENCE_MAX + " символов");
    }
    DevelopmentRoutes.RouteItem item = lockedItem(route.id(), itemId);
    ItemStatus current = ItemStatus.valueOf(item.status());
    if (current == next) {
      if (next == ItemStatus.COMPLETED && !proof.equals(item.evidence())) {
        throw ApiProblem.badField("evidence", "Пункт № " + item.position() + " уже отмечен пройденным с другим подтверждением");
      }
      return item;
    }
    boolean bankEvent = item.eventId() != null;
    if (!current.mayBecome(next, bankEvent)) {
      throw ApiProblem.badField("status", "Пункт № " + item.position() + " " + current.russian() + ": отметить его как «" + next.russian()
          + "» нельзя" + (current == ItemStatus.PLANNED && next == ItemStatus.COMPLETED ? "; сначала отметьте запись на мероприятие (ENROLLED)" : ""));
    }
    if (next == ItemStatus.ENROLLED && bankEvent && !bank.takePlace(item.eventId())) {
      throw ApiProblem.badField("status", "На мероприятие " + item.eventCode() + " нет свободных мест: записаться нельзя");
    }
    jdbc.sql("UPDATE development_route_item SET status = ?, evidence = ?, status_changed_at = ? WHERE id = ?")
        .params(next.name(), proof, UtcDateTime.toDb(clock.instant()), itemId).update();
    history.record(caseNumber, "ITEM:" + itemId + ":" + next.name(), route.status().name(),
        "Пункт № " + item.position() + " " + next.russian() + (proof == null ? "" : " (подтверждение приложено)"), clock.instant());
    return lockedItem(route.id(), itemId);
  }

  private static ItemStatus statusOf(String name) {
    if ("ENROLLED".equals(name) || "COMPLETED".equals(name) || "MISSED".equals(name)) {
      return ItemStatus.valueOf(name);
    }
    throw ApiProblem.badField("status", "Укажите состояние пункта: ENROLLED (записан), COMPLETED (пройден) или MISSED (пропущен)");
  }

  private DevelopmentRoutes.RouteItem lockedItem(long routeId, long itemId) {
    Optional<Integer> position = jdbc.sql("SELECT position FROM development_route_item WHERE id = ? AND route_id = ? FOR UPDATE")
        .params(itemId, routeId).query(Integer.class).optional();
    int n = position.orElseThrow(() -> ApiProblem.notFound("В маршруте нет пункта " + itemId));
    return routes.items(routeId).stream().filter(i -> i.position() == n).findFirst().orElseThrow();
  }

  /**
   * The moments the process waits for after the agreement: the first monitoring, the route's end (the
   * end of its last day, region time), and the year the repeated diagnosis is expected in.
   */
  Map<String, Object> realisationSchedule(long routeId) {
    DevelopmentRoutes.Route route = routes.get(routeId);
    Map<String, Object> schedule = new HashMap<>(nextMonitoring(route, 0));
    schedule.put("routeEndsAt", RegionTime.endOfDay(route.endsOn()).toString());
    schedule.put("repeatedDiagnosisYear", (long) route.endsOn().getYear());
    return schedule;
  }

  /**
   * The next monitoring after {@code round}: the start of the day that many intervals after the
   * agreement, region time, if that day is within the route; after the last one the process waits
   * for the route's end instead.
   */
  private Map<String, Object> nextMonitoring(DevelopmentRoutes.Route route, int round) {
    LocalDate day = routes.agreedOn(route.id()).plusMonths((long) properties.monitoringIntervalMonths(route.year()) * (round + 1));
    return Map.of("nextMonitoringAt", RegionTime.startOfDay(day).toString(), "monitoringAhead", !day.isAfter(route.endsOn()));
  }

  /** What one monitoring found, and whom it escalated to. */
  record Finding(int round, int total, int due, int completed, int overdue, PaceState pace, Escalation escalation) {}

  /**
   * The monitoring {@code round} of the route: counts its items today, sets the route's pace and
   * escalation level (behind once: the school; behind again: the municipality; on pace: none). A
   * retried step finds its row and changes nothing. Returns the variables the monitoring's tasks show.
   */
  @Transactional
  public Map<String, Object> monitor(long routeId, int round) {
    DevelopmentRoutes.Route route = routes.get(routeId);
    Finding f = finding(routeId, round).orElseGet(() -> {
      Progress p = Progress.of(routes.items(routeId), RegionTime.today(clock), properties.behindShare(route.year()));
      Escalation before = Escalation.valueOf(jdbc.sql("SELECT escalation_level FROM development_route WHERE id = ?").params(routeId)
          .query(String.class).single());
      Escalation level = before.after(p.state());
      LocalDateTime now = UtcDateTime.toDb(clock.instant());
      jdbc.sql("""
              INSERT INTO development_route_monitoring (route_id, round, monitored_at, items_total, items_due, items_completed, items_overdue,
                pace_state, escalation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(routeId, round, now, p.total(), p.due(), p.completed(), p.overdue(), p.state().name(), level.name()).update();
      jdbc.sql("UPDATE development_route SET pace_state = ?, monitored_at = ?, escalation_level = ? WHERE id = ?")
          .params(p.state().name(), now, level.name(), routeId).update();
      history.record(route.caseNumber(), "MONITORED:" + round, route.status().name(), "Мониторинг № " + round + ": пунктов " + p.total()
          + ", срок прошёл у " + p.due() + ", пройдено " + p.completed() + ", просрочено " + p.overdue() + "; " + p.state().russian(),
          clock.instant());
      if (level != Escalation.NONE) {
        history.record(route.caseNumber(), "ESCALATED:" + round, route.status().name(), "Отставание от темпа передано " + level.russian(),
            clock.instant());
      }
      return new Finding(round, p.total(), p.due(), p.completed(), p.overdue(), p.state(), level);
    });
    Map<String, Object> variables = new HashMap<>(nextMonitoring(route, round));
    variables.putAll(Map.of("monitoringRound", (long) round, "itemsTotal", (long) f.total(), "itemsDue", (long) f.due(),
        "itemsCompleted", (long) f.completed(), "itemsOverdue", (long) f.overdue(), "paceText", f.pace().russian(),
        "escalation", f.escalation().name(), "routeItems", RouteText.progress(routes.items(routeId))));
    return variables;
  }

  private Optional<Finding> finding(long routeId, int round) {
    return jdbc.sql("SELECT * FROM development_route_monitoring WHERE route_id = ? AND round = ?").params(routeId, round)
        .query((rs, n) -> new Finding(round, rs.getInt("items_total"), rs.getInt("items_due"), rs.getInt("items_completed"),
            rs.getInt("items_overdue"), PaceState.valueOf(rs.getString("pace_state")), Escalation.valueOf(rs.getString("escalation"))))
        .optional();
  }

  /** The monitorings of the route, first first, with the methodist's comment and the measures reported on their escalations. */
  public record Monitoring(int round, LocalDateTime monitoredAtUtc, int itemsTotal, int itemsDue, int itemsCompleted, int itemsOverdue,
      PaceState paceState, String comment, Escalation escalation, String measures) {}

  List<Monitoring> monitorings(long routeId) {
    return jdbc.sql("SELECT * FROM development_route_monitoring WHERE route_id = ? ORDER BY round").params(routeId)
        .query((rs, n) -> new Monitoring(rs.getInt("round"), rs.getObject("monitored_at", LocalDateTime.class), rs.getInt("items_total"),
            rs.getInt("items_due"), rs.getInt("items_completed"), rs.getInt("items_overdue"), PaceState.valueOf(rs.getString("pace_state")),
            rs.getString("comment"), Escalation.valueOf(rs.getString("escalation")), rs.getString("measures")))
        .list();
  }

  /** The methodist's comment on monitoring {@code round}, if any. */
  public void recordComment(long routeId, int round, String comment) {
    if (comment == null || comment.isBlank()) {
      return;
    }
    if (comment.length() > MEASURES_MAX) {
      throw new InvalidInputException("Поле «Комментарий методиста» (monitoringComment): не более " + MEASURES_MAX + " символов");
    }
    jdbc.sql("UPDATE development_route_monitoring SET comment = ? WHERE route_id = ? AND round = ?").params(comment.strip(), routeId, round)
        .update();
  }

  /** The measures the school or the municipality took on the escalation of monitoring {@code round}; required. */
  public void recordMeasures(long routeId, int round, String measures, String by) {
    if (measures == null || measures.isBlank() || measures.length() > MEASURES_MAX) {
      throw new InvalidInputException("Поле «Принятые меры» (measuresTaken): опишите принятые меры, не более " + MEASURES_MAX + " символов");
    }
    DevelopmentRoutes.Route route = routes.get(routeId);
    jdbc.sql("UPDATE development_route_monitoring SET measures = ?, measures_by = ?, measures_at = ? WHERE route_id = ? AND round = ?")
        .params(measures.strip(), by, UtcDateTime.toDb(clock.instant()), routeId, round).update();
    history.record(route.caseNumber(), "MEASURES:" + round, route.status().name(), "Получены принятые меры по мониторингу № " + round,
        clock.instant());
  }

  /** Where the realisation stands: the last monitoring's pace (null: not monitored yet), the escalation, the end. */
  public record State(PaceState paceState, LocalDateTime monitoredAtUtc, Escalation escalation, Integer reflectionYear,
      LocalDateTime finishedAtUtc) {}

  State state(long routeId) {
    return jdbc.sql("SELECT pace_state, monitored_at, escalation_level, reflection_year, finished_at FROM development_route WHERE id = ?")
        .params(routeId)
        .query((rs, n) -> new State(rs.getString("pace_state") == null ? null : PaceState.valueOf(rs.getString("pace_state")),
            rs.getObject("monitored_at", LocalDateTime.class), Escalation.valueOf(rs.getString("escalation_level")),
            rs.getObject("reflection_year", Integer.class), rs.getObject("finished_at", LocalDateTime.class)))
        .single();
  }
}
