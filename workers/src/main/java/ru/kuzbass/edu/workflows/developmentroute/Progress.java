package ru.kuzbass.edu.workflows.developmentroute;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * What a monitoring counts on a route: its items, those due (their planned end has passed), those
 * completed, and those overdue (due and not completed: planned, enrolled or missed). The route is
 * behind its pace when the overdue share of all its items is above the configured share; a share
 * equal to it is on pace.
 */
record Progress(int total, int due, int completed, int overdue, PaceState state) {

  static Progress of(List<DevelopmentRoutes.RouteItem> items, LocalDate today, BigDecimal behindShare) {
    int due = 0;
    int completed = 0;
    int overdue = 0;
    for (DevelopmentRoutes.RouteItem i : items) {
      boolean done = ItemStatus.valueOf(i.status()) == ItemStatus.COMPLETED;
      boolean past = i.plannedTo().isBefore(today);
      due += past ? 1 : 0;
      completed += done ? 1 : 0;
      overdue += past && !done ? 1 : 0;
    }
    boolean behind = !items.isEmpty()
        && BigDecimal.valueOf(overdue).divide(BigDecimal.valueOf(items.size()), 6, RoundingMode.HALF_UP).compareTo(behindShare) > 0;
    return new Progress(items.size(), due, completed, overdue, behind ? PaceState.BEHIND : PaceState.ON_PACE);
  }
}
