package ru.kuzbass.edu.workflows.mentorbonus;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import ru.kuzbass.edu.workflows.people.QualificationCategory;

/**
 * The rules of the mentor bonus per year (the year the mentoring starts). {@code defaults} holds
 * the figures of the model act; a year under {@code years} overrides what that year's act changes.
 * {@code envelopes} is the money per year and funding source. Sources: docs/processes/mentor-bonus.md.
 */
@ConfigurationProperties("mentoring")
public record MentoringProperties(
    String caseNumberPrefix,
    int correctionWaitDays,
    Duration budgetRetryInterval,
    int maxPlanMonths,
    Rules defaults,
    Map<Integer, Rules> years,
    Map<Integer, Map<String, BigDecimal>> envelopes,
    Map<String, String> fundingSourceNames) {

  public MentoringProperties {
    years = years == null ? Map.of() : Map.copyOf(years);
    envelopes = envelopes == null ? Map.of() : Map.copyOf(envelopes);
    fundingSourceNames = fundingSourceNames == null ? Map.of() : Map.copyOf(fundingSourceNames);
  }

  /** The funding source as people read it, for example «областной бюджет». */
  public String fundingSourceName(String code) {
    return fundingSourceNames.getOrDefault(code, code);
  }

  /**
   * @param menteeAgeLimit mentees must be younger than this on the first day of mentoring
   * @param source         the act these figures come from, printed in the order
   */
  public record Rules(
      BigDecimal monthlyAmount,
      Integer minMentorExperienceYears,
      List<QualificationCategory> mentorQualifications,
      Integer menteeAgeLimit,
      Integer menteeMaxExperienceYears,
      Integer maxMenteesPerMentor,
      String source) {}

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
        pick(y.minMentorExperienceYears(), defaults.minMentorExperienceYears()),
        pick(y.mentorQualifications(), defaults.mentorQualifications()),
        pick(y.menteeAgeLimit(), defaults.menteeAgeLimit()),
        pick(y.menteeMaxExperienceYears(), defaults.menteeMaxExperienceYears()),
        pick(y.maxMenteesPerMentor(), defaults.maxMenteesPerMentor()),
        pick(y.source(), defaults.source()));
  }

  public boolean hasEnvelope(int year, String fundingSource) {
    return envelopes.getOrDefault(year, Map.of()).containsKey(fundingSource);
  }

  private static <T> T pick(T override, T fallback) {
    return override != null ? override : fallback;
  }
}
