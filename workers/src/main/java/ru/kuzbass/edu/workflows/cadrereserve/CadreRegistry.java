package ru.kuzbass.edu.workflows.cadrereserve;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import ru.kuzbass.edu.workflows.platform.ApiProblem;
import ru.kuzbass.edu.workflows.platform.CaseHistory;
import ru.kuzbass.edu.workflows.platform.RegionTime;
import ru.kuzbass.edu.workflows.platform.UtcDateTime;

/**
 * The reserve as it stands: who is in it, at which level, from which season, with which scores and
 * how far their individual plan is. Those recommended to the municipal reserve after level 2 are a
 * listing of their own until the municipality confirms them ({@link MunicipalReserve}), never reservists.
 */
@Repository
public class CadreRegistry {

  private final JdbcClient jdbc;
  private final CaseHistory history;
  private final Clock clock;

  public CadreRegistry(JdbcClient jdbc, CaseHistory history, Clock clock) {
    this.jdbc = jdbc;
    this.history = history;
    this.clock = clock;
  }

  /** What a listing shows: the reservists of a level, or the candidates recommended to the municipal reserve. */
  public enum Listing { REGIONAL, MUNICIPAL, MUNICIPAL_RECOMMENDED }

  /**
   * The reservist's individual development plan. Where the reservist has a development route (started
   * on enrolment, {@link ReservistRoute}) the plan follows it: agreed, {@code IN_PROGRESS}; finished,
   * {@code COMPLETED}; still being designed, {@code NOT_STARTED}. Only a reservist without a route (one
   * enrolled before routes were started) has the status HR sets, {@code NOT_STARTED} until then.
   */
  public enum PlanStatus {
    NOT_STARTED, IN_PROGRESS, COMPLETED;

    static PlanStatus of(String stored) {
      return stored == null ? NOT_STARTED : valueOf(stored);
    }
  }

  /**
   * @param planStatus           null in the listing of the recommended, who are no reservists
   * @param municipalConfirmedBy who confirmed a municipal reservist from level 2, and when (local time); null for the others
   *                             (a municipal reservist from level 3 is enrolled by the defence, not by the municipality)
   */
  public record Reservist(String caseNumber, String fullName, String schoolCode, String municipality, String level, int season,
      BigDecimal compositeScore, BigDecimal teamScore, BigDecimal individualScore, String planStatus, String municipalConfirmedBy,
      OffsetDateTime municipalConfirmedAt) {}

  /** The plan status of {@code cadre_candidate c}, derived from its route {@code r} where it has one (joined with {@link #ROUTE_JOIN}). */
  static final String PLAN_STATUS = """
      CASE WHEN r.status = 'FINISHED' THEN 'COMPLETED' WHEN r.status = 'AGREED' THEN 'IN_PROGRESS' WHEN r.id IS NOT NULL THEN 'NOT_STARTED'
           ELSE c.plan_status END""";
  static final String ROUTE_JOIN = "LEFT JOIN development_route r ON r.case_number = c.development_route_case";

  /** {@code season} may be null for every season. */
  public List<Reservist> list(Listing listing, Integer season) {
    return jdbc.sql("""
            SELECT c.case_number, CONCAT_WS(' ', p.surname, p.given_name, p.patronymic) AS full_name, c.school_code, c.municipality,
                   c.reserve, c.season, c.composite_score, t.score AS team_score, c.individual_score, %s AS plan_status,
                   c.municipal_decided_by, c.municipal_decided_at
            FROM cadre_candidate c JOIN person p ON p.id = c.person_id LEFT JOIN cadre_team t ON t.id = c.team_id %s
            WHERE COALESCE(c.reserve, IF(c.status = 'MUNICIPAL_RECOMMENDED', 'MUNICIPAL_RECOMMENDED', NULL)) = ? AND (? IS NULL OR c.season = ?)
            ORDER BY c.season, c.individual_score DESC, t.score DESC, c.case_number""".formatted(PLAN_STATUS, ROUTE_JOIN))
        .params(listing.name(), season, season)
        .query((rs, i) -> {
          LocalDateTime confirmedAt = rs.getObject("municipal_decided_at", LocalDateTime.class);
          return new Reservist(rs.getString("case_number"), rs.getString("full_name"), rs.getString("school_code"),
              rs.getString("municipality"), listing.name(), rs.getInt("season"), rs.getBigDecimal("composite_score"),
              rs.getBigDecimal("team_score"), rs.getBigDecimal("individual_score"),
              rs.getString("reserve") == null ? null : PlanStatus.of(rs.getString("plan_status")).name(),
              rs.getString("municipal_decided_by"),
              confirmedAt == null ? null : UtcDateTime.fromDb(confirmedAt).atZone(RegionTime.ZONE).toOffsetDateTime());
        })
        .list();
  }

  /**
   * HR records how far the reservist's individual plan is; only a reservist has one. A reservist with
   * a development route is refused (409): the route is the one truth of that plan.
   */
  @Transactional
  public void setPlanStatus(String caseNumber, PlanStatus plan) {
    Map<String, Object> reservist = jdbc.sql("SELECT status, development_route_case FROM cadre_candidate WHERE case_number = ? AND reserve IS NOT NULL FOR UPDATE")
        .param(caseNumber).query().listOfRows().stream().findFirst()
        .orElseThrow(() -> ApiProblem.notFound("Резервиста " + caseNumber + " в реестре нет"));
    if (reservist.get("development_route_case") != null) {
      throw ApiProblem.conflict("Состояние индивидуального плана резервиста " + caseNumber + " следует за его индивидуальным маршрутом № "
          + reservist.get("development_route_case") + " и вручную не задаётся");
    }
    String status = (String) reservist.get("status");
    jdbc.sql("UPDATE cadre_candidate SET plan_status = ? WHERE case_number = ?").params(plan.name(), caseNumber).update();
    history.record(caseNumber, "PLAN:" + clock.millis(), status, "Индивидуальный план: " + switch (plan) {
      case NOT_STARTED -> "не начат";
      case IN_PROGRESS -> "выполняется";
      case COMPLETED -> "выполнен";
    }, clock.instant());
  }
}
