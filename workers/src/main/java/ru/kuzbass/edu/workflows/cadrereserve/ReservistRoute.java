package ru.kuzbass.edu.workflows.cadrereserve;

import java.time.Clock;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.kuzbass.edu.workflows.developmentroute.DevelopmentRoutes;
import ru.kuzbass.edu.workflows.developmentroute.RouteOrigin;
import ru.kuzbass.edu.workflows.developmentroute.RouteStart;
import ru.kuzbass.edu.workflows.platform.CaseHistory;

/**
 * The enrolled reservist's individual plan (ИОМ, the programme's training for reservists) as a
 * development route (issue 17: «the cadre reserve's enrolled reservists get a route through the same
 * process»): started once per candidate case, for the season's year and the candidate's school. The
 * candidate keeps the route's number, so a retried step starts nothing, and a reservist whose route
 * is already open is linked to it. The registry's plan status follows this route ({@link CadreRegistry}).
 */
@Service
public class ReservistRoute {

  private final JdbcClient jdbc;
  private final DevelopmentRoutes routes;
  private final CaseHistory history;
  private final Clock clock;

  public ReservistRoute(JdbcClient jdbc, DevelopmentRoutes routes, CaseHistory history, Clock clock) {
    this.jdbc = jdbc;
    this.routes = routes;
    this.history = history;
    this.clock = clock;
  }

  /** The route's case number, started or linked now or found from an earlier run. */
  @Transactional
  public String start(long candidateId) {
    Map<String, Object> c = jdbc.sql("""
            SELECT case_number, person_id, school_code, season, status, reserve, development_route_case
            FROM cadre_candidate WHERE id = ? FOR UPDATE""").param(candidateId).query().singleRow();
    if (c.get("development_route_case") != null) {
      return (String) c.get("development_route_case");
    }
    if (c.get("reserve") == null) {
      throw new IllegalStateException("Candidate " + candidateId + " is not enrolled in a reserve: no route for the reservist's plan");
    }
    String caseNumber = (String) c.get("case_number");
    String route = routes.startOrLinkOpen(new RouteStart(((Number) c.get("person_id")).longValue(), ((Number) c.get("season")).intValue(),
        (String) c.get("school_code"), RouteOrigin.CADRE_RESERVE, caseNumber));
    jdbc.sql("UPDATE cadre_candidate SET development_route_case = ? WHERE id = ?").params(route, candidateId).update();
    history.record(caseNumber, "ROUTE", (String) c.get("status"), "Индивидуальный маршрут резервиста № " + route, clock.instant());
    return route;
  }
}
