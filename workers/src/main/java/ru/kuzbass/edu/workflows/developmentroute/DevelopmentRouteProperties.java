package ru.kuzbass.edu.workflows.developmentroute;

import java.math.BigDecimal;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The rules of individual development routes per diagnosis year. {@code defaults} holds the level
 * in force until the region sets one; a year under {@code years} overrides it. No source gives the
 * level: it is a local default, to be confirmed (docs/rules.md).
 */
@ConfigurationProperties("development-route")
public record DevelopmentRouteProperties(Rules defaults, Map<Integer, Rules> years) {

  public DevelopmentRouteProperties {
    years = years == null ? Map.of() : Map.copyOf(years);
  }

  /** @param deficitBelow a competence scored below this (0–100) is a deficit; a score equal to it is not */
  public record Rules(BigDecimal deficitBelow) {}

  /** The level below which a score of the diagnosis year is a deficit. */
  public BigDecimal deficitBelow(int year) {
    Rules y = years.get(year);
    if (y != null && y.deficitBelow() != null) {
      return y.deficitBelow();
    }
    if (defaults == null || defaults.deficitBelow() == null) {
      throw new IllegalStateException("development-route.defaults.deficit-below is not configured");
    }
    return defaults.deficitBelow();
  }
}
