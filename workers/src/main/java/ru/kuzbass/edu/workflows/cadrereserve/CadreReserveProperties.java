package ru.kuzbass.edu.workflows.cadrereserve;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The rules of the cadre reserve per season. {@code defaults} holds the figures of the regional
 * programme; a season under {@code seasons} overrides what that season's order changes. Sources:
 * docs/processes/cadre-reserve.md.
 *
 * @param experts              Tasklist users who score projects; each team gets
 *                             {@code expertsPerTeam} of them, in turn
 * @param fastTrackProgrammes  programmes whose listed results pass level 1 whatever the score,
 *                             by code; the «Россия – страна возможностей» list is kept here
 */
@ConfigurationProperties("cadre")
public record CadreReserveProperties(
    String caseNumberPrefix,
    Rules defaults,
    Map<Integer, Rules> seasons,
    List<String> experts,
    Map<String, Programme> fastTrackProgrammes) {

  public CadreReserveProperties {
    seasons = seasons == null ? Map.of() : Map.copyOf(seasons);
    experts = experts == null ? List.of() : List.copyOf(experts);
    fastTrackProgrammes = fastTrackProgrammes == null ? Map.of() : Map.copyOf(fastTrackProgrammes);
  }

  /** A programme of the fast track: its name as letters print it and the results that qualify. */
  public record Programme(String name, List<String> qualifyingResults) {}

  /** The weights of the composite test score; they need not add up to one. */
  public record Weights(BigDecimal organising, BigDecimal managerial, BigDecimal leadership) {}

  /** What the level-1 pass share is a share of. */
  public enum PassBase {
    /** every registered participant of the season, the fast track and the untested included («от общего количества участников») */
    REGISTERED,
    /** only the ranked candidates: tested and not on the fast track (the rule before issue 16) */
    TESTED_NOT_FAST_TRACK
  }

  /** How a school's results over the years count as steadily positive. */
  public enum DynamicsRule {
    /** each year at least the previous one */
    NON_DECREASING,
    /** each year above the previous one */
    STRICTLY_INCREASING
  }

  /** How level 2 chooses the teams for level 3. */
  public enum Level2Mode {
    /** teams whose mean expert score is at least the threshold */
    THRESHOLD,
    /** the K teams with the highest mean score */
    TOP_K
  }

  /**
   * @param registrationCloses the last day of registration, {@code MM-dd} of the season's year; it ends at 23:59 local time
   * @param passShare          the share of the {@code passBase} who pass level 1 by score (rounded up, at most all ranked)
   * @param passBase           what the share is taken of
   * @param courseDays         days of the theory course a candidate must attend
   * @param resultYears        how many past years of school results the choice of schools reads
   * @param internshipRule     how the results of an internship school must rise
   * @param lowMargin          a school whose last year is more than this many points below the mean of its own earlier
   *                           years counts as persistently low (a project school)
   */
  public record Rules(
      String registrationCloses,
      BigDecimal passShare,
      PassBase passBase,
      Weights weights,
      Integer courseDays,
      Integer teamSize,
      Integer expertsPerTeam,
      Level2Mode level2Mode,
      BigDecimal level2Threshold,
      Integer level2TopK,
      BigDecimal level3Threshold,
      Integer resultYears,
      DynamicsRule internshipRule,
      BigDecimal lowMargin,
      String source) {}

  /** The rules in force for a season, every field present. */
  public Rules rules(int season) {
    if (defaults == null) {
      throw new IllegalStateException("cadre.defaults is not configured");
    }
    Rules s = seasons.get(season);
    if (s == null) {
      return defaults;
    }
    return new Rules(
        pick(s.registrationCloses(), defaults.registrationCloses()),
        pick(s.passShare(), defaults.passShare()),
        pick(s.passBase(), defaults.passBase()),
        pick(s.weights(), defaults.weights()),
        pick(s.courseDays(), defaults.courseDays()),
        pick(s.teamSize(), defaults.teamSize()),
        pick(s.expertsPerTeam(), defaults.expertsPerTeam()),
        pick(s.level2Mode(), defaults.level2Mode()),
        pick(s.level2Threshold(), defaults.level2Threshold()),
        pick(s.level2TopK(), defaults.level2TopK()),
        pick(s.level3Threshold(), defaults.level3Threshold()),
        pick(s.resultYears(), defaults.resultYears()),
        pick(s.internshipRule(), defaults.internshipRule()),
        pick(s.lowMargin(), defaults.lowMargin()),
        pick(s.source(), defaults.source()));
  }

  /** The last day of registration of the season. */
  public LocalDate registrationCloses(int season) {
    return MonthDay.parse("--" + rules(season).registrationCloses()).atYear(season);
  }

  private static <T> T pick(T override, T fallback) {
    return override != null ? override : fallback;
  }
}
