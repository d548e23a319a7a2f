package ru.kuzbass.edu.workflows.mentorbonus;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import ru.kuzbass.edu.workflows.people.QualificationCategory;

/**
 * The rules of the mentor bonus per year (the year the mentoring starts). {@code defaults} holds
 * the figures in force until the region's act sets them; a year under {@code years} overrides what
 * that year's act changes. {@code envelopes} is the money per year and funding source. Sources:
 * docs/processes/mentor-bonus.md.
 *
 * @param municipalFundingEnabled whether a municipal budget may pay the bonus; the sources name the
 *     regional budget only, so it is off unless a region's act says otherwise
 */
@ConfigurationProperties("mentoring")
public record MentoringProperties(
    String caseNumberPrefix,
    int correctionWaitDays,
    Duration budgetRetryInterval,
    boolean municipalFundingEnabled,
    Rules defaults,
    Map<Integer, Rules> years,
    Map<Integer, Map<String, BigDecimal>> envelopes,
    Map<String, String> fundingSourceNames) {

  public static final String MUNICIPAL = "MUNICIPAL";

  public MentoringProperties {
    years = years == null ? Map.of() : Map.copyOf(years);
    envelopes = envelopes == null ? Map.of() : Map.copyOf(envelopes);
    fundingSourceNames = fundingSourceNames == null ? Map.of() : Map.copyOf(fundingSourceNames);
    if (!municipalFundingEnabled) {
      envelopes.forEach((year, sources) -> {
        if (sources.containsKey(MUNICIPAL)) {
          throw new IllegalArgumentException("mentoring.envelopes." + year + "." + MUNICIPAL
              + " is set, but mentoring.municipal-funding-enabled is false: the bonus is paid from the regional budget");
        }
      });
    }
  }

  /** The funding source as people read it, for example «областной бюджет». */
  public String fundingSourceName(String code) {
    return fundingSourceNames.getOrDefault(code, code);
  }

  /** Whether nominations may name this funding source at all (an envelope for the year is checked separately). */
  public boolean fundingSourceAllowed(String code) {
    return municipalFundingEnabled || !MUNICIPAL.equals(code);
  }

  /**
   * @param monthlyAmount  the bonus per paid month; paid for every calendar month the plan touches
   * @param maxPlanMonths  the longest mentoring period, and so the most months one order pays
   * @param menteeAgeLimit mentees must be younger than this on the first day of mentoring
   * @param basis          what the order names as the ground of the amount; until the region's act
   *                       is configured, a sentence saying the amount is a default to be confirmed
   */
  public record Rules(
      BigDecimal monthlyAmount,
      Integer maxPlanMonths,
      Integer minMentorExperienceYears,
      List<QualificationCategory> mentorQualifications,
      Integer menteeAgeLimit,
      Integer menteeMaxExperienceYears,
      Integer maxMenteesPerMentor,
      String basis) {}

  /** The rules in force for a year, every field present. */
  public Rules rules(int year) {
    Rules y = years.get(year);
    if (defaults == null) {
      throw new IllegalStateException("mentoring.defaults is not configured");
    }
    if (y == null) {
      return defaults;
    }
    return new Rules(
        pick(y.monthlyAmount(), defaults.monthlyAmount()),
        pick(y.maxPlanMonths(), defaults.maxPlanMonths()),
        pick(y.minMentorExperienceYears(), defaults.minMentorExperienceYears()),
        pick(y.mentorQualifications(), defaults.mentorQualifications()),
        pick(y.menteeAgeLimit(), defaults.menteeAgeLimit()),
        pick(y.menteeMaxExperienceYears(), defaults.menteeMaxExperienceYears()),
        pick(y.maxMenteesPerMentor(), defaults.maxMenteesPerMentor()),
        pick(y.basis(), defaults.basis()));
  }

  public boolean hasEnvelope(int year, String fundingSource) {
    return envelopes.getOrDefault(year, Map.of()).containsKey(fundingSource);
  }

  private static <T> T pick(T override, T fallback) {
    return override != null ? override : fallback;
  }
}
