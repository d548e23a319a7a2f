package ru.kuzbass.edu.workflows.youngteacher;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The rules of young-teacher support per year (the year the case starts). {@code defaults} holds the
 * figures in force; a year under {@code years} overrides what that year's act changes. Sources:
 * docs/rules.md and docs/processes/young-teacher-support.md.
 */
@ConfigurationProperties("young-teacher")
public record YoungTeacherProperties(String caseNumberPrefix, Rules defaults, Map<Integer, Rules> years) {

  public YoungTeacherProperties {
    years = years == null ? Map.of() : Map.copyOf(years);
  }

  /**
   * @param maxAge                   a teacher is supported while younger than this on the case's start date
   * @param maxExperienceYears       and with at most this much teaching experience on that date
   * @param pilotMunicipalities      codes of the municipality directory whose schools take part in the pilot
   * @param checkIns                 the months after the start at which the school meets the teacher; the last ends the case
   * @param difficultyResponseDays   the methodist's task is due this many days after a difficulty was raised
   * @param difficultyScaleAtOrBelow a scale answer (1 very hard … 5 no difficulty) at or below this signals a difficulty
   * @param difficultyStayAnswers    answers to «wish to stay in the profession» that signal a difficulty
   * @param basis                    what the closing letter names as its ground
   */
  public record Rules(
      Integer maxAge,
      Integer maxExperienceYears,
      List<String> pilotMunicipalities,
      List<Integer> checkIns,
      Integer difficultyResponseDays,
      Integer difficultyScaleAtOrBelow,
      List<String> difficultyStayAnswers,
      String basis) {}

  /** The rules in force for a year, every field present. */
  public Rules rules(int year) {
    if (defaults == null) {
      throw new IllegalStateException("young-teacher.defaults is not configured");
    }
    Rules y = years.get(year);
    if (y == null) {
      return defaults;
    }
    return new Rules(
        pick(y.maxAge(), defaults.maxAge()),
        pick(y.maxExperienceYears(), defaults.maxExperienceYears()),
        pick(y.pilotMunicipalities(), defaults.pilotMunicipalities()),
        pick(y.checkIns(), defaults.checkIns()),
        pick(y.difficultyResponseDays(), defaults.difficultyResponseDays()),
        pick(y.difficultyScaleAtOrBelow(), defaults.difficultyScaleAtOrBelow()),
        pick(y.difficultyStayAnswers(), defaults.difficultyStayAnswers()),
        pick(y.basis(), defaults.basis()));
  }

  private static <T> T pick(T override, T fallback) {
    return override != null ? override : fallback;
  }
}
