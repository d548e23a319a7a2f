package ru.kuzbass.edu.workflows.rurallivingcosts;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import ru.kuzbass.edu.workflows.ruralgrant.SettlementType;

/**
 * The rules of the living-cost compensation, per year: {@code defaults}, and under {@code years}
 * only what a year's act changes. The sources give no figure: every one is a local default, to be
 * confirmed (docs/rules.md, docs/processes/rural-living-costs.md).
 *
 * @param enrolmentNumberPrefix the enrolment's case number: КЖ-2027-000001
 * @param claimNumberPrefix     a monthly claim's case number: КЖМ-2027-000001
 * @param receiptMaxSize        the largest receipt file accepted (a technical limit, not a rule)
 * @param correctionWaitDays    days the teacher has to correct a claim; after the last one the claim is refused in full
 */
@ConfigurationProperties("rural-living-costs")
public record RuralLivingCostsProperties(
    String enrolmentNumberPrefix,
    String claimNumberPrefix,
    DataSize receiptMaxSize,
    int correctionWaitDays,
    YearRules defaults,
    Map<Integer, YearRules> years) {

  public RuralLivingCostsProperties {
    years = years == null ? Map.of() : Map.copyOf(years);
    if (defaults == null) {
      throw new IllegalStateException("rural-living-costs.defaults is not configured");
    }
  }

  /**
   * One year's figures; a field left empty falls back to {@code defaults}.
   *
   * @param eligibleSettlementTypes        where the teacher must both work and live
   * @param maxPopulation                  the largest settlement that counts as small
   * @param teachingPosts                  the posts that count as teaching, as a position begins
   * @param caps                           the most compensated a month per cost kind; a kind not listed is compensated in full
   * @param claimAgeLimitMonths            a claim for a month more than this many months before the current one is refused
   * @param reconfirmationIntervalMonths   how often the school confirms employment and residence
   * @param source                         the act the letters print as their basis
   */
  public record YearRules(
      List<SettlementType> eligibleSettlementTypes,
      Integer maxPopulation,
      List<String> teachingPosts,
      Map<CostKind, BigDecimal> caps,
      Integer claimAgeLimitMonths,
      Integer reconfirmationIntervalMonths,
      String source) {}

  /** The figures in force in a year, each present (caps may be empty: full compensation). */
  public record Rules(
      int year,
      List<SettlementType> eligibleSettlementTypes,
      int maxPopulation,
      List<String> teachingPosts,
      Map<CostKind, BigDecimal> caps,
      int claimAgeLimitMonths,
      int reconfirmationIntervalMonths,
      String source) {}

  public Rules rules(int year) {
    YearRules y = years.get(year);
    YearRules d = defaults;
    if (y == null) {
      y = new YearRules(null, null, null, null, null, null, null);
    }
    Map<CostKind, BigDecimal> caps = new EnumMap<>(CostKind.class);
    caps.putAll(y.caps() != null ? y.caps() : d.caps() == null ? Map.of() : d.caps());
    return new Rules(year,
        List.copyOf(pick("eligible-settlement-types", y.eligibleSettlementTypes(), d.eligibleSettlementTypes())),
        pick("max-population", y.maxPopulation(), d.maxPopulation()),
        List.copyOf(pick("teaching-posts", y.teachingPosts(), d.teachingPosts())),
        Map.copyOf(caps),
        pick("claim-age-limit-months", y.claimAgeLimitMonths(), d.claimAgeLimitMonths()),
        pick("reconfirmation-interval-months", y.reconfirmationIntervalMonths(), d.reconfirmationIntervalMonths()),
        pick("source", y.source(), d.source()));
  }

  private static <T> T pick(String name, T override, T fallback) {
    if (override != null) {
      return override;
    }
    if (fallback == null) {
      throw new IllegalStateException("rural-living-costs.defaults." + name + " is not configured");
    }
    return fallback;
  }
}
