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

  /** Inserts the application and returns its id; the unique key (person, year) rejects a second one. */
  public long insert(ApplicationRequest r, long personId, int campaignYear, Instant submittedAt) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO rural_grant_application
              (campaign_year, person_id, school_code, municipality, settlement_name, settlement_type,
               settlement_population, position, weekly_load_hours, previous_residence,
               consent_given_at, submitted_at, status)
            VALUES (:year, :personId, :schoolCode, :municipality, :settlementName, :settlementType,
               :population, :position, :load, :previousResidence, :submittedAt, :submittedAt, 'SUBMITTED')""")
        .param("year", campaignYear)
        .param("personId", personId)
        .param("schoolCode", r.school().code().trim())
        .param("municipality", r.school().municipality().trim())
        .param("settlementName", r.school().settlement().name().trim())
        .param("settlementType", r.school().settlement().type().name())
        .param("population", r.school().settlement().population())
        .param("position", r.position().trim())
        .param("load", r.weeklyLoadHours())
        .param("previousResidence", r.previousResidence().trim())
        .param("submittedAt", toDb(submittedAt))
        .update(keys);
    return keys.getKeyAs(Number.class).longValue();
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
        contractDate);
  }
}
