package ru.kuzbass.edu.workflows.rurallivingcosts;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import ru.kuzbass.edu.workflows.platform.ApiProblem;
import ru.kuzbass.edu.workflows.ruralgrant.SettlementType;

/**
 * The register of the region's settlements: code, name, municipality, type and population. An
 * import of a code already there updates it; one bad settlement of a list imports nothing.
 */
@Repository
public class SettlementRegister {

  /** A settlement with its municipality's name, as eligibility and the summary read it. */
  public record Place(String code, String name, String municipality, SettlementType type, int population) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  public SettlementRegister(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional
  public int store(List<Settlement> settlements) {
    LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    for (int i = 0; i < settlements.size(); i++) {
      Settlement s = settlements.get(i);
      boolean municipality = jdbc.sql("SELECT COUNT(*) FROM municipality WHERE code = ?").param(s.municipalityCode().trim())
          .query(Integer.class).single() > 0;
      if (!municipality) {
        throw ApiProblem.badField("settlements[" + i + "].municipalityCode",
            "Муниципальное образование с кодом " + s.municipalityCode().trim() + " не найдено в справочнике");
      }
      jdbc.sql("""
              INSERT INTO settlement (code, name, municipality_code, type, population, imported_at)
              VALUES (:code, :name, :municipality, :type, :population, :now)
              ON DUPLICATE KEY UPDATE name = VALUES(name), municipality_code = VALUES(municipality_code), type = VALUES(type),
                population = VALUES(population), imported_at = VALUES(imported_at)""")
          .param("code", s.code().trim()).param("name", s.name().trim()).param("municipality", s.municipalityCode().trim())
          .param("type", s.type().name()).param("population", s.population()).param("now", now)
          .update();
    }
    return settlements.size();
  }

  public Optional<Place> find(String code) {
    return jdbc.sql("""
            SELECT s.code, s.name, m.name AS municipality, s.type, s.population
            FROM settlement s JOIN municipality m ON m.code = s.municipality_code WHERE s.code = ?""")
        .param(code)
        .query((rs, row) -> new Place(rs.getString("code"), rs.getString("name"), rs.getString("municipality"),
            SettlementType.valueOf(rs.getString("type")), rs.getInt("population")))
        .optional();
  }
}
