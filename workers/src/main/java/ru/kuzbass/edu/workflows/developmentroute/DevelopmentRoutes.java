package ru.kuzbass.edu.workflows.developmentroute;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.operaton.bpm.engine.RuntimeService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.kuzbass.edu.workflows.engine.EngineIds;
import ru.kuzbass.edu.workflows.platform.ApiProblem;
import ru.kuzbass.edu.workflows.platform.CaseHistory;
import ru.kuzbass.edu.workflows.platform.CaseNotVisibleException;
import ru.kuzbass.edu.workflows.platform.InvalidInputException;
import ru.kuzbass.edu.workflows.platform.RegionTime;

/**
 * Individual development routes: starting one per teacher (refused without diagnosis results of the
 * year, or while the teacher has an open route), the questionnaire of professional requests, the
 * proposal from the deficits and the bank, and the methodist's corrections. The items and the
 * answers are rows; every write is keyed by the route, so a retried step replaces, never duplicates.
 */
@Service
public class DevelopmentRoutes {

  public static final String PROCESS_ID = "development-route";

  private final JdbcClient jdbc;
  private final Diagnoses diagnoses;
  private final Deficits deficits;
  private final EventBank bank;
  private final DevelopmentRouteProperties properties;
  private final CaseHistory history;
  private final RuntimeService runtime;
  private final Clock clock;

  public DevelopmentRoutes(JdbcClient jdbc, Diagnoses diagnoses, Deficits deficits, EventBank bank, DevelopmentRouteProperties properties,
      CaseHistory history, RuntimeService runtime, Clock clock) {
    this.jdbc = jdbc;
    this.diagnoses = diagnoses;
    this.deficits = deficits;
    this.bank = bank;
    this.properties = properties;
    this.history = history;
    this.runtime = runtime;
    this.clock = clock;
  }

  /** A route as stored. */
  record Route(long id, String caseNumber, long personId, String schoolCode, int year, RouteOrigin origin, String originCase,
      Integer paceMonths, LocalDate startsOn, LocalDate endsOn, RouteStatus status) {}

  /**
   * An item as stored; {@code eventCode} null for an informal item the teacher takes on alone; {@code id}
   * null until stored; {@code evidence} what proves a completed item.
   */
  record RouteItem(int position, Long eventId, String eventCode, Competence competence, EventKind kind, String title, LocalDate plannedFrom,
      LocalDate plannedTo, String source, String status, Long id, String evidence) {

    RouteItem(int position, Long eventId, String eventCode, Competence competence, EventKind kind, String title, LocalDate plannedFrom,
        LocalDate plannedTo, String source) {
      this(position, eventId, eventCode, competence, kind, title, plannedFrom, plannedTo, source, ItemStatus.PLANNED.name(), null, null);
    }
  }

  /**
   * Starts the teacher's route and its process; returns the case number. The row and the process
   * instance commit together (the engine shares this transaction). Other processes (young
   * teachers, the cadre reserve) call this with their origin and case.
   */
  @Transactional
  public String start(RouteStart r) {
    RouteOrigin origin = r.originOrSelf();
    boolean hasOriginCase = r.originCase() != null && !r.originCase().isBlank();
    if (origin != RouteOrigin.SELF && !hasOriginCase) {
      throw ApiProblem.badField("originCase", "Укажите номер дела, из которого начат маршрут");
    }
    if (origin == RouteOrigin.SELF && hasOriginCase) {
      throw ApiProblem.badField("originCase", "Номер дела-основания указывается только для маршрута из другого процесса");
    }
    // a route of the teacher's own choice is built on the diagnosis; a young teacher or a reservist may not have
    // taken it, and their route is then proposed from the requests of the questionnaire
    if (origin == RouteOrigin.SELF && diagnoses.scores(r.personId(), r.year()).isEmpty()) {
      throw ApiProblem.badField("personId", "Нет результатов диагностики этого педагога за " + r.year() + " год");
    }
    openRoute(r.personId()).ifPresent(n -> {
      throw ApiProblem.badField("personId", "У педагога уже есть незавершённый маршрут № " + n);
    });
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    try {
      jdbc.sql("""
              INSERT INTO development_route (person_id, open_person_id, school_code, year, origin, origin_case, status, started_at)
              VALUES (?, ?, ?, ?, ?, ?, 'REQUESTS', ?)""")
          .params(r.personId(), r.personId(), r.schoolCode().trim(), r.year(), origin.name(), hasOriginCase ? r.originCase().trim() : null, now())
          .update(keys);
    } catch (DuplicateKeyException raced) {
      throw ApiProblem.badField("personId", "У педагога уже есть незавершённый маршрут № " + openRoute(r.personId()).orElse("—"));
    }
    long id = keys.getKeyAs(Number.class).longValue();
    String number = "%s-%d-%06d".formatted(properties.caseNumberPrefix(), r.year(), id);
    jdbc.sql("UPDATE development_route SET case_number = ? WHERE id = ?").params(number, id).update();
    history.record(number, "STARTED", RouteStatus.REQUESTS.name(), "Год диагностики " + r.year(), clock.instant());
    long key = EngineIds.key(runtime.startProcessInstanceByKey(PROCESS_ID, number, Map.of("caseId", id, "caseNumber", number,
        "diagnosisYear", r.year(), "paceMinMonths", properties.paceMinMonths(r.year()), "paceMaxMonths", properties.paceMaxMonths(r.year())))
        .getId());
    jdbc.sql("UPDATE development_route SET process_instance_key = ? WHERE id = ?").params(key, id).update();
    return number;
  }

  /**
   * The route of a process that requires one: the teacher's open route if there is one (a route
   * already under way is linked, not refused), else a new one. Returns its case number.
   */
  @Transactional
  public String startOrLinkOpen(RouteStart r) {
    return openRoute(r.personId()).orElseGet(() -> start(r));
  }

  private Optional<String> openRoute(long personId) {
    return jdbc.sql("SELECT case_number FROM development_route WHERE open_person_id = ?").params(personId).query(String.class).optional();
  }

  /** The questionnaire of professional requests as the form gave it. */
  record Requests(Set<Competence> competences, Set<EventKind> preferredKinds, Object paceMonths, String text, String answeredBy) {}

  /**
   * Stores the questionnaire (a second answer replaces the first) and fixes the route's period from
   * today for the pace chosen. A pace outside the configured range is refused, naming the field,
   * and nothing is stored.
   */
  public void recordRequests(long routeId, Requests q) {
    Route route = get(routeId);
    int min = properties.paceMinMonths(route.year());
    int max = properties.paceMaxMonths(route.year());
    Integer pace = wholeNumber(q.paceMonths());
    if (pace == null || pace < min || pace > max) {
      throw new InvalidInputException("Поле «Темп, месяцев» (paceMonths): целое число от " + min + " до " + max);
    }
    if (route.origin() != RouteOrigin.SELF && q.competences().isEmpty() && deficits.deficits(route.personId(), route.year()).isEmpty()) {
      throw new InvalidInputException("Поле «Компетенции для развития» (wantSubject): отметьте хотя бы одну компетенцию — "
          + "по результатам диагностики у педагога нет дефицитов, и маршрут строится по его запросам");
    }
    if (q.text() != null && q.text().length() > 4000) {
      throw new InvalidInputException("Поле «Запрос педагога» (requestText): не более 4000 символов");
    }
    jdbc.sql("""
            INSERT INTO development_route_request (route_id, competences, preferred_kinds, pace_months, request_text, answered_by, answered_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE competences = VALUES(competences), preferred_kinds = VALUES(preferred_kinds),
              pace_months = VALUES(pace_months), request_text = VALUES(request_text), answered_by = VALUES(answered_by),
              answered_at = VALUES(answered_at)""")
        .params(routeId, names(q.competences()), names(q.preferredKinds()), pace, blankToNull(q.text()), q.answeredBy(), now()).update();
    LocalDate from = RegionTime.today(clock);
    jdbc.sql("UPDATE development_route SET pace_months = ?, starts_on = ?, ends_on = ? WHERE id = ?")
        .params(pace, from, from.plusMonths(pace).minusDays(1), routeId).update();
    history.record(route.caseNumber(), "REQUESTS", RouteStatus.REQUESTS.name(), "Темп " + pace + " мес.", clock.instant());
  }

  /**
   * Proposes the route from the deficits and the requests (see {@link RouteProposal}); a re-run
   * replaces the proposal. Returns the route as the methodist's form shows it.
   */
  @Transactional
  public String propose(long routeId) {
    Route route = get(routeId);
    if (route.startsOn() == null) {
      throw new IllegalStateException("Route " + routeId + " has no period: the questionnaire was not recorded");
    }
    Map<String, Object> answers = jdbc.sql("SELECT competences, preferred_kinds FROM development_route_request WHERE route_id = ?")
        .params(routeId).query().singleRow();
    Set<Competence> requested = parse(Competence.class, (String) answers.get("competences"));
    Set<EventKind> preferred = parse(EventKind.class, (String) answers.get("preferred_kinds"));
    List<Competence> gaps = deficits.deficits(route.personId(), route.year());
    Map<Competence, List<EventBank.Listed>> available = new EnumMap<>(Competence.class);
    for (Competence c : Competence.values()) {
      if (gaps.contains(c) || requested.contains(c)) {
        available.put(c, bank.proposableListed(c, route.startsOn(), route.endsOn()));
      }
    }
    List<RouteProposal.Item> proposal = RouteProposal.propose(gaps, requested, preferred, properties.kindOrder(route.year()),
        properties.eventsPerCompetence(route.year()), route.startsOn(), route.endsOn(), available);
    List<RouteItem> items = proposal.stream().map(i -> new RouteItem(0, i.eventId(), null, i.competence(), i.kind(), i.title(), i.from(),
        i.to(), "PROPOSAL")).toList();
    replaceItems(routeId, items);
    setStatus(route, RouteStatus.PROPOSED);
    history.record(route.caseNumber(), "PROPOSED", RouteStatus.PROPOSED.name(), "Предложено пунктов: " + items.size(), clock.instant());
    return RouteText.items(items(routeId));
  }

  /**
   * The methodist's corrections at the review: drops the items numbered in {@code dropItems} and adds
   * the bank's events named in {@code addEventCodes} (each must be in the bank and available). A bad
   * number or code is refused, naming the field, and nothing changes. Returns the corrected route's text.
   */
  public String review(long routeId, String dropItems, String addEventCodes, int round) {
    Route route = get(routeId);
    List<RouteItem> items = items(routeId);
    Correction c = correction(route, items, dropItems, addEventCodes);
    List<RouteItem> kept = new ArrayList<>(items.stream().filter(i -> !c.drop().contains(i.position())).toList());
    kept.addAll(c.added());
    replaceItems(routeId, kept);
    setStatus(route, RouteStatus.REVIEWED);
    history.record(route.caseNumber(), "REVIEWED:" + round, RouteStatus.REVIEWED.name(),
        "Исключено пунктов: " + c.drop().size() + ", пунктов в маршруте: " + kept.size(), clock.instant());
    return RouteText.items(items(routeId));
  }

  /**
   * The methodist's corrections at a monitoring of an agreed route, checked as at the review; only a
   * planned item may be dropped (one enrolled, completed or missed is part of the record). The items
   * kept keep their numbers, statuses and evidence; the events added get the next numbers.
   */
  public void correct(long routeId, String dropItems, String addEventCodes, int round) {
    Route route = get(routeId);
    if (route.status() != RouteStatus.AGREED) {
      throw new IllegalStateException("Route " + routeId + " is " + route.status() + ": only an agreed route is corrected at a monitoring");
    }
    List<RouteItem> items = items(routeId);
    Correction c = correction(route, items, dropItems, addEventCodes);
    if (c.drop().isEmpty() && c.added().isEmpty()) {
      return;
    }
    for (RouteItem i : items) {
      if (c.drop().contains(i.position()) && ItemStatus.valueOf(i.status()) != ItemStatus.PLANNED) {
        throw new InvalidInputException("Поле «Исключить пункты» (dropItems): пункт № " + i.position() + " уже "
            + ItemStatus.valueOf(i.status()).russian() + ", исключить можно только запланированный пункт");
      }
    }
    c.drop().forEach(n -> jdbc.sql("DELETE FROM development_route_item WHERE route_id = ? AND position = ?").params(routeId, n).update());
    int last = items.stream().mapToInt(RouteItem::position).max().orElse(0);
    for (RouteItem i : c.added()) {
      insertItem(routeId, ++last, i);
    }
    history.record(route.caseNumber(), "CORRECTED:" + round, route.status().name(),
        "Корректировка при мониторинге: исключено пунктов " + c.drop().size() + ", добавлено " + c.added().size(), clock.instant());
  }

  /** Checked corrections: the numbers of the items to drop and the items to add. */
  private record Correction(Set<Integer> drop, List<RouteItem> added) {}

  /**
   * Checks the methodist's corrections against the route: each number an item of it, each code an
   * available event of the bank; an event the route already holds is not added twice. At least one
   * item must remain.
   */
  private Correction correction(Route route, List<RouteItem> items, String dropItems, String addEventCodes) {
    TreeSet<Integer> positions = items.stream().map(RouteItem::position).collect(Collectors.toCollection(TreeSet::new));
    Set<Integer> drop = new TreeSet<>();
    for (String token : tokens(dropItems)) {
      Integer n = wholeNumber(token);
      if (n == null || !positions.contains(n)) {
        throw new InvalidInputException("Поле «Исключить пункты» (dropItems): нет пункта № " + token + "; пункты маршрута — " + numbers(positions));
      }
      drop.add(n);
    }
    List<RouteItem> added = new ArrayList<>();
    for (String code : tokens(addEventCodes)) {
      EventBank.Listed event = bank.byCode(code).orElseThrow(() ->
          new InvalidInputException("Поле «Добавить мероприятия» (addEventCodes): мероприятия с кодом " + code + " нет в банке"));
      if (!bank.isAvailable(event.id())) {
        throw new InvalidInputException("Поле «Добавить мероприятия» (addEventCodes): на мероприятие " + code
            + " нет свободных мест или оно уже завершилось");
      }
      boolean onRoute = items.stream().anyMatch(i -> !drop.contains(i.position()) && Objects.equals(i.eventId(), event.id()))
          || added.stream().anyMatch(i -> Objects.equals(i.eventId(), event.id()));
      if (!onRoute) {
        RouteProposal.Item item = RouteProposal.item(event, route.endsOn());
        added.add(new RouteItem(0, item.eventId(), code, item.competence(), item.kind(), item.title(), item.from(), item.to(), "METHODIST"));
      }
    }
    if (positions.size() - drop.size() + added.size() == 0) {
      throw new InvalidInputException("Поле «Исключить пункты» (dropItems): в маршруте должен остаться хотя бы один пункт");
    }
    return new Correction(drop, added);
  }

  /** The items' numbers as the form's message names them: «от 1 до 5», or the list once some were dropped. */
  private static String numbers(TreeSet<Integer> positions) {
    if (positions.isEmpty()) {
      return "нет";
    }
    int max = positions.last();
    return positions.size() == max ? "от 1 до " + max : positions.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }

  /** The teacher's answer as the school recorded it: agreed, or returned to the methodist with a reason. */
  public void recordAgreement(long routeId, String answer, String reason, int round) {
    Route route = get(routeId);
    switch (answer == null ? "" : answer) {
      case "AGREE" -> history.record(route.caseNumber(), "TEACHER_AGREED", route.status().name(), "Педагог согласен с маршрутом",
          clock.instant());
      case "RETURN" -> {
        if (reason == null || reason.isBlank()) {
          throw new InvalidInputException("Поле «Причина возврата» (returnReason): укажите, что педагог просит изменить");
        }
        history.record(route.caseNumber(), "RETURNED:" + round, RouteStatus.PROPOSED.name(), "Возвращён методисту", clock.instant());
        setStatus(route, RouteStatus.PROPOSED);
      }
      default -> throw new InvalidInputException("Поле «Ответ педагога» (teacherAnswer): AGREE или RETURN");
    }
  }

  /** The route is agreed and its letter sent: the status moves once; the route stays open for its realisation. */
  public void markAgreed(long routeId) {
    Route route = get(routeId);
    jdbc.sql("UPDATE development_route SET status = 'AGREED', agreed_at = COALESCE(agreed_at, ?) WHERE id = ?").params(now(), routeId).update();
    history.record(route.caseNumber(), "AGREED", RouteStatus.AGREED.name(), "Маршрут направлен педагогу", clock.instant());
  }

  /** The day the route was agreed, in the region's time: its monitorings are counted from it. */
  LocalDate agreedOn(long routeId) {
    LocalDateTime at = jdbc.sql("SELECT agreed_at FROM development_route WHERE id = ?").params(routeId).query(LocalDateTime.class).single();
    return at.atOffset(ZoneOffset.UTC).atZoneSameInstant(RegionTime.ZONE).toLocalDate();
  }

  /**
   * The reflection has closed the case: the route is finished once, and the teacher may start a new
   * one (the open key is released).
   */
  void markFinished(long routeId) {
    Route route = get(routeId);
    jdbc.sql("UPDATE development_route SET status = 'FINISHED', finished_at = COALESCE(finished_at, ?), open_person_id = NULL WHERE id = ?")
        .params(now(), routeId).update();
    history.record(route.caseNumber(), "FINISHED", RouteStatus.FINISHED.name(), "Маршрут завершён, отчёт направлен педагогу", clock.instant());
  }

  private void replaceItems(long routeId, List<RouteItem> items) {
    jdbc.sql("DELETE FROM development_route_item WHERE route_id = ?").params(routeId).update();
    int position = 0;
    for (RouteItem i : items) {
      insertItem(routeId, ++position, i);
    }
  }

  private void insertItem(long routeId, int position, RouteItem i) {
    jdbc.sql("""
            INSERT INTO development_route_item (route_id, position, event_id, competence, kind, title, planned_from, planned_to, source, status)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(routeId, position, i.eventId(), i.competence().name(), i.kind().name(), i.title(), i.plannedFrom(), i.plannedTo(), i.source(),
            i.status())
        .update();
  }

  private void setStatus(Route route, RouteStatus status) {
    jdbc.sql("UPDATE development_route SET status = ? WHERE id = ?").params(status.name(), route.id()).update();
  }

  List<RouteItem> items(long routeId) {
    return jdbc.sql("""
            SELECT i.*, e.code FROM development_route_item i LEFT JOIN education_event e ON e.id = i.event_id
            WHERE i.route_id = ? ORDER BY i.position""")
        .params(routeId)
        .query((rs, n) -> new RouteItem(rs.getInt("position"), rs.getObject("event_id", Long.class), rs.getString("code"),
            Competence.valueOf(rs.getString("competence")), EventKind.valueOf(rs.getString("kind")), rs.getString("title"),
            rs.getObject("planned_from", LocalDate.class), rs.getObject("planned_to", LocalDate.class), rs.getString("source"),
            rs.getString("status"), rs.getLong("id"), rs.getString("evidence")))
        .list();
  }

  Route get(long id) {
    return jdbc.sql("SELECT * FROM development_route WHERE id = ?").params(id).query((rs, n) -> route(rs)).optional()
        .orElseThrow(() -> new CaseNotVisibleException("Development route", id));
  }

  Optional<Route> find(String caseNumber) {
    return jdbc.sql("SELECT * FROM development_route WHERE case_number = ?").params(caseNumber).query((rs, n) -> route(rs)).optional();
  }

  private static Route route(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Route(rs.getLong("id"), rs.getString("case_number"), rs.getLong("person_id"), rs.getString("school_code"), rs.getInt("year"),
        RouteOrigin.valueOf(rs.getString("origin")), rs.getString("origin_case"), rs.getObject("pace_months", Integer.class),
        rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class), RouteStatus.valueOf(rs.getString("status")));
  }

  /** A form's number (the engine gives Long or Double) or text, as a whole number; null if it is none. */
  private static Integer wholeNumber(Object value) {
    try {
      if (value instanceof Number n) {
        return n.doubleValue() == Math.rint(n.doubleValue()) && Math.abs(n.doubleValue()) < 10_000 ? n.intValue() : null;
      }
      return value == null ? null : Integer.valueOf(value.toString().trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The numbers or codes typed into a field, separated by commas, semicolons or spaces. */
  private static List<String> tokens(String text) {
    return text == null ? List.of() : Arrays.stream(text.split("[,;\\s]+")).filter(t -> !t.isBlank()).distinct().toList();
  }

  private static String names(Set<? extends Enum<?>> values) {
    return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
  }

  private static <E extends Enum<E>> Set<E> parse(Class<E> type, String set) {
    Set<E> values = EnumSet.noneOf(type);
    if (set != null) {
      tokens(set).forEach(v -> values.add(Enum.valueOf(type, v)));
    }
    return values;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
  }
}
