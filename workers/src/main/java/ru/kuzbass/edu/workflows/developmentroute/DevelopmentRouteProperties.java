package ru.kuzbass.edu.workflows.developmentroute;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The rules of individual development routes per diagnosis year. {@code defaults} holds the rules
 * in force until the region sets others; a year under {@code years} overrides the keys it names.
 * Sources: docs/rules.md (most are local defaults, to be confirmed).
 */
@ConfigurationProperties("development-route")
public record DevelopmentRouteProperties(String caseNumberPrefix, Rules defaults, Map<Integer, Rules> years) {

  public DevelopmentRouteProperties {
    years = years == null ? Map.of() : Map.copyOf(years);
  }

  /**
   * @param deficitBelow        a competence scored below this (0–100) is a deficit; a score equal to it is not
   * @param eventsPerCompetence how many events of the bank the proposal picks for each competence
   * @param kindOrder           the order in which the proposal prefers kinds of events, after the teacher's preferred kinds
   * @param paceMinMonths       the shortest pace a teacher may choose, in months
   * @param paceMaxMonths       the longest pace a teacher may choose, in months
   * @param basis               what the agreed route's letter prints as «Основание»
   * @param monitoringIntervalMonths how many months apart the route is monitored, counted from its agreement
   * @param behindShare         a route is behind its pace when the share of its items whose planned end has passed without
   *                            being completed is above this (0–1); a share equal to it is on pace
   * @param targetShare         the share of all teachers with a route that the region aims at, in percent (the summary compares with it)
   */
  public record Rules(BigDecimal deficitBelow, Integer eventsPerCompetence, List<EventKind> kindOrder, Integer paceMinMonths,
      Integer paceMaxMonths, String basis, Integer monitoringIntervalMonths, BigDecimal behindShare,
      BigDecimal targetShare) {}

  /** The level below which a score of the diagnosis year is a deficit. */
  public BigDecimal deficitBelow(int year) {
    return rule(year, Rules::deficitBelow, "deficit-below");
  }

  public int eventsPerCompetence(int year) {
    return rule(year, Rules::eventsPerCompetence, "events-per-competence");
  }

  public List<EventKind> kindOrder(int year) {
    return rule(year, Rules::kindOrder, "kind-order");
  }

  public int paceMinMonths(int year) {
    return rule(year, Rules::paceMinMonths, "pace-min-months");
  }

  public int paceMaxMonths(int year) {
    return rule(year, Rules::paceMaxMonths, "pace-max-months");
  }

  public String basis(int year) {
    return rule(year, Rules::basis, "basis");
  }

  public int monitoringIntervalMonths(int year) {
    return rule(year, Rules::monitoringIntervalMonths, "monitoring-interval-months");
  }

  public BigDecimal behindShare(int year) {
    return rule(year, Rules::behindShare, "behind-share");
  }

  public BigDecimal targetShare(int year) {
    return rule(year, Rules::targetShare, "target-share");
  }

  /** The year's value of the rule, else the default's. */
  private <T> T rule(int year, Function<Rules, T> key, String name) {
    Rules y = years.get(year);
    if (y != null && key.apply(y) != null) {
      return key.apply(y);
    }
    if (defaults == null || key.apply(defaults) == null) {
      throw new IllegalStateException("development-route.defaults." + name + " is not configured");
    }
    return key.apply(defaults);
  }
}
