package ru.kuzbass.edu.workflows.cadrereserve;

import java.util.List;
import java.util.Map;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The collections of the season's multi-instance steps, and what each instance shows, for the
 * model's expressions ({@code ${cadreTeams.teamReviews(execution)}}). The collections are computed
 * from the season's rows when the step starts and are not stored in the engine: their elements are
 * plain strings and numbers, a team's id, or {@code <team id>:<expert>} for a team review and
 * {@code <candidate id>:<expert>} for a member's assessment. Each instance's input parameters
 * resolve them to the keys the tasks and steps use (team key, team number, school, member's case
 * number, expert): ids and decision data only, no one's name.
 */
@Component("cadreTeams")
public class CadreTeams {

  private final SeasonService seasons;
  private final JdbcClient jdbc;

  public CadreTeams(SeasonService seasons, JdbcClient jdbc) {
    this.seasons = seasons;
    this.jdbc = jdbc;
  }

  // ------------------------------------------------------------------ collections

  /** One review per team and expert: {@code <team id>:<expert>}. */
  public List<String> teamReviews(DelegateExecution execution) {
    return seasons.teamReviews(CadreReserveSteps.season(execution));
  }

  /** The teams that passed level 2, by id: each waits for its project. */
  public List<Long> projectTeams(DelegateExecution execution) {
    return seasons.projectTeams(CadreReserveSteps.season(execution));
  }

  /** One assessment per level-3 member and expert: {@code <candidate id>:<expert>}. */
  public List<String> memberAssessments(DelegateExecution execution) {
    return seasons.memberAssessments(CadreReserveSteps.season(execution));
  }

  // ------------------------------------------------------------------ an element's data

  /** A team id, or the team of a review. */
  public String teamKey(Object teamOrReview) {
    return (String) team(teamOrReview).get("team_key");
  }

  public int teamNumber(Object teamOrReview) {
    return ((Number) team(teamOrReview).get("number")).intValue();
  }

  public String internshipSchool(Object teamOrReview) {
    return (String) team(teamOrReview).get("internship_school");
  }

  public String projectSchool(Object teamOrReview) {
    return (String) team(teamOrReview).get("project_school");
  }

  /** The expert of a review or an assessment. */
  public String expert(String reviewOrAssessment) {
    return reviewOrAssessment.substring(reviewOrAssessment.indexOf(':') + 1);
  }

  public long candidateId(String assessment) {
    return Long.parseLong(assessment.substring(0, assessment.indexOf(':')));
  }

  public String memberCaseNumber(String assessment) {
    return jdbc.sql("SELECT case_number FROM cadre_candidate WHERE id = ?").param(candidateId(assessment)).query(String.class).single();
  }

  public String memberTeamKey(String assessment) {
    return teamKey(memberTeam(assessment));
  }

  public int memberTeamNumber(String assessment) {
    return teamNumber(memberTeam(assessment));
  }

  public String memberProjectSchool(String assessment) {
    return projectSchool(memberTeam(assessment));
  }

  private long memberTeam(String assessment) {
    return jdbc.sql("SELECT team_id FROM cadre_candidate WHERE id = ?").param(candidateId(assessment)).query(Long.class).single();
  }

  private Map<String, Object> team(Object teamOrReview) {
    long id = teamOrReview instanceof Number n ? n.longValue()
        : Long.parseLong(((String) teamOrReview).substring(0, ((String) teamOrReview).indexOf(':')));
    return jdbc.sql("SELECT team_key, number, internship_school, project_school FROM cadre_team WHERE id = ?").param(id).query().singleRow();
  }
}
