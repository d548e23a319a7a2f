package ru.kuzbass.edu.workflows.ruralgrant;

import static ru.kuzbass.edu.workflows.platform.UtcDateTime.fromDb;
import static ru.kuzbass.edu.workflows.platform.UtcDateTime.toDb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class RuralGrantRepository {

  private final JdbcClient jdbc;

  public RuralGrantRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Inserts the application and returns its id; the unique key (person, year) rejects a second one.
   * The school's municipality and settlement, its type and population are the directory's.
   */
  public long insert(ApplicationRequest r, DirectorySchool school, long personId, int campaignYear, Instant submittedAt) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO rural_grant_application
              (campaign_year, person_id, school_code, municipality, settlement_name, settlement_type,
               settlement_population, position, weekly_load_hours, previous_residence, previous_municipality,
               previous_settlement, consent_given_at, submitted_at, status)
            VALUES (:year, :personId, :schoolCode, :municipality, :settlementName, :settlementType,
               :population, :position, :load, :previousResidence, :previousMunicipality, :previousSettlement,
               :submittedAt, :submittedAt, 'SUBMITTED')""")
        .param("year", campaignYear)
        .param("personId", personId)
        .param("schoolCode", school.code())
        .param("municipality", school.municipality())
        .param("settlementName", school.settlementName())
        .param("settlementType", school.settlementType().name())
        .param("population", school.settlementPopulation())
        .param("position", r.position().trim())
        .param("load", r.weeklyLoadHours())
        .param("previousResidence", r.previousResidence().trim())
        .param("previousMunicipality", r.previousSettlement().municipality().trim())
        .param("previousSettlement", r.previousSettlement().name().trim())
        .param("submittedAt", toDb(submittedAt))
        .update(keys);
    return keys.getKeyAs(Number.class).longValue();
  }

  /** The school as the school directory has it, by its code. */
  public Optional<DirectorySchool> directorySchool(String code) {
    return jdbc.sql("""
            SELECT s.code, m.name AS municipality, s.settlement_name, s.settlement_type, s.settlement_population
            FROM school s JOIN municipality m ON m.code = s.municipality_code WHERE s.code = :code""")
        .param("code", code)
        .query((rs, row) -> new DirectorySchool(rs.getString("code"), rs.getString("municipality"), rs.getString("settlement_name"),
            SettlementType.valueOf(rs.getString("settlement_type")), rs.getInt("settlement_population")))
        .optional();
  }

  public void assignNumber(long id, String caseNumber, String statusTokenHash) {
    jdbc.sql("UPDATE rural_grant_application SET case_number = :n, status_token_hash = :t WHERE id = :id")
        .param("n", caseNumber).param("t", statusTokenHash).param("id", id).update();
  }

  /** The hash of the case's status token; null when there is no such case. */
  public String statusTokenHash(String caseNumber) {
    return jdbc.sql("SELECT status_token_hash FROM rural_grant_application WHERE case_number = ?").param(caseNumber).query(String.class)
        .optional().orElse(null);
  }

  public void assignProcessInstance(long id, long processInstanceKey) {
    jdbc.sql("UPDATE rural_grant_application SET process_instance_key = :k WHERE id = :id")
        .param("k", processInstanceKey).param("id", id).update();
  }

  public void recordContract(long id, String contractNumber, LocalDate contractDate) {
    jdbc.sql("UPDATE rural_grant_application SET contract_number = :n, contract_date = :d WHERE id = :id")
        .param("n", contractNumber).param("d", contractDate).param("id", id).update();
  }

  public Optional<GrantCase> findById(long id) {
    return jdbc.sql("SELECT * FROM rural_grant_application WHERE id = :id").param("id", id).query(this::map).optional();
  }

  public Optional<GrantCase> findByNumber(String caseNumber) {
    return jdbc.sql("SELECT * FROM rural_grant_application WHERE case_number = :n").param("n", caseNumber).query(this::map).optional();
  }

  public boolean isVacancyListed(int campaignYear, String schoolCode, String position) {
    return jdbc.sql("""
            SELECT COUNT(*) FROM rural_grant_vacancy
            WHERE campaign_year = :year AND school_code = :school AND position = :position AND places > 0""")
        .param("year", campaignYear).param("school", schoolCode).param("position", position)
        .query(Integer.class).single() > 0;
  }

  /**
   * Takes one of the places of the case's vacancy row, if the case holds none yet and one is free.
   * The row's lock (held to the end of the engine's transaction) makes concurrent approvals for the
   * same row take places one after another, and the count that follows sees the places the one
   * before committed (read committed, as the datasource is configured), so no more are taken than
   * the row has; a case that
   * already holds a place (a retried step) keeps it and takes no second one.
   *
   * @return whether the case holds a place now
   */
  public boolean takeVacancyPlace(GrantCase c, Instant at) {
    int places = jdbc.sql("""
            SELECT places FROM rural_grant_vacancy
            WHERE campaign_year = :year AND school_code = :school AND position = :position FOR UPDATE""")
        .param("year", c.campaignYear()).param("school", c.schoolCode()).param("position", c.position())
        .query(Integer.class).optional().orElse(0);
    if (holdsVacancyPlace(c.id())) {
      return true;
    }
    int taken = jdbc.sql("""
            SELECT COUNT(*) FROM rural_grant_application
            WHERE campaign_year = :year AND school_code = :school AND position = :position AND vacancy_place_taken_at IS NOT NULL""")
        .param("year", c.campaignYear()).param("school", c.schoolCode()).param("position", c.position())
        .query(Integer.class).single();
    if (taken >= places) {
      return false;
    }
    jdbc.sql("UPDATE rural_grant_application SET vacancy_place_taken_at = :at WHERE id = :id")
        .param("at", toDb(at)).param("id", c.id()).update();
    return true;
  }

  private boolean holdsVacancyPlace(long id) {
    return jdbc.sql("SELECT vacancy_place_taken_at IS NOT NULL FROM rural_grant_application WHERE id = :id").param("id", id)
        .query(Boolean.class).single();
  }

  /** The case's current status follows its newest recorded step. */
  public void updateStatus(long id, CaseStatus status) {
    jdbc.sql("UPDATE rural_grant_application SET status = :status WHERE id = :id").param("status", status.name()).param("id", id).update();
  }

  private GrantCase map(ResultSet rs, int row) throws SQLException {
    LocalDate contractDate = rs.getObject("contract_date", LocalDate.class);
    return new GrantCase(
        rs.getLong("id"),
        rs.getString("case_number"),
        rs.getInt("campaign_year"),
        rs.getLong("person_id"),
        rs.getString("school_code"),
        rs.getString("municipality"),
        rs.getString("settlement_name"),
        SettlementType.valueOf(rs.getString("settlement_type")),
        rs.getInt("settlement_population"),
        rs.getString("position"),
        rs.getInt("weekly_load_hours"),
        fromDb(rs.getObject("submitted_at", java.time.LocalDateTime.class)),
        CaseStatus.valueOf(rs.getString("status")),
        rs.getString("contract_number"),
        contractDate,
        rs.getString("previous_municipality"),
        rs.getString("previous_settlement"),
        rs.getObject("process_instance_key", Long.class));
  }
}
