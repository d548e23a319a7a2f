package ru.kuzbass.edu.workflows.olympiadaward;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The rules of the olympiad coach award per olympiad year. {@code defaults} holds the figures in
 * force until the region's act sets them; a year under {@code years} overrides what that year's act
 * changes. The amount per place is the DMN table {@code olympiad-coach-award-amount}. Sources:
 * docs/processes/olympiad-coach-award.md and docs/rules.md.
 */
@ConfigurationProperties("olympiad-award")
public record OlympiadAwardProperties(String caseNumberPrefix, String listNumberPrefix, Rules defaults, Map<Integer, Rules> years) {

  public OlympiadAwardProperties {
    years = years == null ? Map.of() : Map.copyOf(years);
  }

  /**
   * @param claimPeriodDays days after the list's publication within which a school claims, the last
   *     day included to its end, local time
   * @param awardMode       whether a teacher gets one award per pupil or one per year
   * @param basis           what letters and the order print as their ground
   */
  public record Rules(Integer claimPeriodDays, AwardMode awardMode, String basis) {}

  /** The rules in force for a year, every field present. */
  public Rules rules(int year) {
    if (defaults == null) {
      throw new IllegalStateException("olympiad-award.defaults is not configured");
    }
    Rules y = years.get(year);
    if (y == null) {
      return defaults;
    }
    return new Rules(pick(y.claimPeriodDays(), defaults.claimPeriodDays()), pick(y.awardMode(), defaults.awardMode()),
        pick(y.basis(), defaults.basis()));
  }

  private static <T> T pick(T override, T fallback) {
    return override != null ? override : fallback;
  }
}
