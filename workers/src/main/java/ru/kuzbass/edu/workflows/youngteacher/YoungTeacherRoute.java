package ru.kuzbass.edu.workflows.youngteacher;

import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.kuzbass.edu.workflows.developmentroute.DevelopmentRoutes;
import ru.kuzbass.edu.workflows.developmentroute.RouteOrigin;
import ru.kuzbass.edu.workflows.developmentroute.RouteStart;
import ru.kuzbass.edu.workflows.platform.CaseHistory;
import ru.kuzbass.edu.workflows.platform.CaseNotVisibleException;

/**
 * The young teacher's development route (issue 17: «a development route as above»): started once
 * per case through the {@code development-route} process, for the year the support started and the
 * teacher's school. The case keeps the route's number, so a retried step finds it and starts
 * nothing; a teacher whose route is already open is linked to that route.
 */
@Service
public class YoungTeacherRoute {

  private final YoungTeacherRepository cases;
  private final DevelopmentRoutes routes;
  private final CaseHistory history;
  private final Clock clock;

  public YoungTeacherRoute(YoungTeacherRepository cases, DevelopmentRoutes routes, CaseHistory history, Clock clock) {
    this.cases = cases;
    this.routes = routes;
    this.history = history;
    this.clock = clock;
  }

  /** The route's case number, started or linked now or found from an earlier run. */
  @Transactional
  public String start(long caseId) {
    YoungTeacherCase c = cases.findById(caseId).orElseThrow(() -> new CaseNotVisibleException("Young-teacher case", caseId));
    return cases.developmentRouteOf(caseId).orElseGet(() -> {
      String route = routes.startOrLinkOpen(new RouteStart(c.personId(), c.startDate().getYear(), c.schoolCode(), RouteOrigin.YOUNG_TEACHER,
          c.caseNumber()));
      cases.linkDevelopmentRoute(caseId, route);
      history.record(c.caseNumber(), "ROUTE", c.status(), "Индивидуальный маршрут № " + route, clock.instant());
      return route;
    });
  }
}
