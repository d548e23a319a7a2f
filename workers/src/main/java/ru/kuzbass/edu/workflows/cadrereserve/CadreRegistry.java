package ru.kuzbass.edu.workflows.cadrereserve;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reserve as it stands: who is in it, at which level, from which season, with which scores. */
@Repository
public class CadreRegistry {

  private final JdbcClient jdbc;

  public CadreRegistry(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public record Reservist(String caseNumber, String fullName, String schoolCode, String municipality, String level, int season,
      BigDecimal compositeScore, BigDecimal teamScore, BigDecimal individualScore) {}

  /** {@code level} is REGIONAL or MUNICIPAL; {@code season} may be null for every season. */
  public List<Reservist> list(String level, Integer season) {
    return jdbc.sql("""
            SELECT c.case_number, CONCAT_WS(' ', p.surname, p.given_name, p.patronymic) AS full_name, c.school_code, c.municipality,
                   c.reserve, c.season, c.composite_score, t.score AS team_score, c.individual_score
            FROM cadre_candidate c JOIN person p ON p.id = c.person_id LEFT JOIN cadre_team t ON t.id = c.team_id
            WHERE c.reserve = ? AND (? IS NULL OR c.season = ?)
            ORDER BY c.season, c.individual_score DESC, t.score DESC, c.case_number""")
        .params(level, season, season)
        .query((rs, i) -> new Reservist(rs.getString("case_number"), rs.getString("full_name"), rs.getString("school_code"),
            rs.getString("municipality"), rs.getString("reserve"), rs.getInt("season"), rs.getBigDecimal("composite_score"),
            rs.getBigDecimal("team_score"), rs.getBigDecimal("individual_score")))
        .list();
  }
}
