package ru.kuzbass.edu.workflows.ruralgrant;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The rules of «Земский учитель», per campaign year. {@code defaults} holds the figures of the
 * federal rules; a year under {@code campaigns} overrides only what the regional act for that
 * year changes. Sources: docs/processes/rural-teacher-grant.md.
 */
@ConfigurationProperties("ruralgrant")
public record RuralGrantProperties(
    String caseNumberPrefix,
    int documentsWaitDays,
    CampaignRules defaults,
    Map<Integer, CampaignRules> campaigns) {

  public RuralGrantProperties {
    campaigns = campaigns == null ? Map.of() : Map.copyOf(campaigns);
  }

  /**
   * One campaign's figures; any field left empty falls back to {@code defaults}.
   *
   * @param ageLimit    the oldest age allowed at submission; 0 means no age limit
   * @param windowStart first day of the application window, "MM-DD"
   * @param windowEnd   last day of the application window, "MM-DD" (inclusive)
   * @param source      the act these figures come from, printed in letters
   * @param relocationRule whether the previous residence must be another settlement than the school's
   */
  public record CampaignRules(
      BigDecimal grantAmount,
      Integer maxPopulation,
      Integer minWeeklyLoadHours,
      Integer ageLimit,
      String windowStart,
      String windowEnd,
      Integer obligationYears,
      RefundMode refundMode,
      List<SettlementType> allowedSettlementTypes,
      String source,
      RelocationRule relocationRule) {}

  /** The figures in force for a campaign year, with every field present. */
  public record Campaign(
      int year,
      BigDecimal grantAmount,
      int maxPopulation,
      int minWeeklyLoadHours,
      Integer ageLimit,
      LocalDate windowStart,
      LocalDate windowEnd,
      int obligationYears,
      RefundMode refundMode,
      List<SettlementType> allowedSettlementTypes,
      String source,
      RelocationRule relocationRule) {}

  public Campaign campaign(int year) {
    CampaignRules y = campaigns.getOrDefault(year, null);
    CampaignRules d = defaults;
    if (d == null) {
      throw new IllegalStateException("ruralgrant.defaults is not configured");
    }
    if (y == null) {
      y = new CampaignRules(null, null, null, null, null, null, null, null, null, null, null);
    }
    Integer age = y.ageLimit() != null ? y.ageLimit() : d.ageLimit();
    return new Campaign(
        year,
        pick("grant-amount", y.grantAmount(), d.grantAmount()),
        pick("max-population", y.maxPopulation(), d.maxPopulation()),
        pick("min-weekly-load-hours", y.minWeeklyLoadHours(), d.minWeeklyLoadHours()),
        age == null || age == 0 ? null : age,
        MonthDay.parse("--" + pick("window-start", y.windowStart(), d.windowStart())).atYear(year),
        MonthDay.parse("--" + pick("window-end", y.windowEnd(), d.windowEnd())).atYear(year),
        pick("obligation-years", y.obligationYears(), d.obligationYears()),
        pick("refund-mode", y.refundMode(), d.refundMode()),
        List.copyOf(pick("allowed-settlement-types", y.allowedSettlementTypes(), d.allowedSettlementTypes())),
        pick("source", y.source(), d.source()),
        pick("relocation-rule", y.relocationRule(), d.relocationRule()));
  }

  private static <T> T pick(String name, T override, T fallback) {
    if (override != null) {
      return override;
    }
    if (fallback == null) {
      throw new IllegalStateException("ruralgrant.defaults." + name + " is not configured");
    }
    return fallback;
  }
}
