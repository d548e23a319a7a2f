package ru.kuzbass.edu.workflows.olympiadaward;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import ru.kuzbass.edu.workflows.platform.UtcDateTime;

/** The claims and the years' lists of awards in MariaDB. */
@Repository
public class OlympiadClaims {

  /** Statuses of a claim that still stands: a later claim for the same result or teacher meets it. */
  static final List<String> STANDING = List.of("SUBMITTED", "AWAITING_CONFIRMATION", "CONFIRMED", "IN_LIST", "APPROVED", "PAID");

  private final JdbcClient jdbc;

  public OlympiadClaims(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(ClaimRequest r, Instant at) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO olympiad_claim (year, subject, participant_code, place, school_code, school_email, status, submitted_at)
            VALUES (:year, :subject, :code, :place, :school, :email, 'SUBMITTED', :at)""")
        .param("year", r.year()).param("subject", r.subject().trim()).param("code", r.participantCode())
        .param("place", r.place().name()).param("school", r.schoolCode()).param("email", r.schoolEmail().trim())
        .param("at", UtcDateTime.toDb(at))
        .update(keys);
    return keys.getKeyAs(Number.class).longValue();
  }

  void addCoach(long claimId, long personId, int share) {
    jdbc.sql("INSERT INTO olympiad_claim_coach (claim_id, person_id, share) VALUES (?, ?, ?)").params(claimId, personId, share).update();
  }

  void assignNumber(long id, String caseNumber, long processInstanceKey) {
    jdbc.sql("UPDATE olympiad_claim SET case_number = ?, process_instance_key = ? WHERE id = ?").params(caseNumber, processInstanceKey, id)
        .update();
  }

  void updateStatus(long id, ClaimStatus status) {
    jdbc.sql("UPDATE olympiad_claim SET status = ? WHERE id = ?").params(status.name(), id).update();
  }

  void refuse(long id, String reason) {
    jdbc.sql("UPDATE olympiad_claim SET status = 'REFUSED', refusal_reason = ? WHERE id = ?").params(reason, id).update();
  }

  void recordConfirmation(long id, String user, ClaimStatus status) {
    jdbc.sql("UPDATE olympiad_claim SET confirmed_by = ?, status = ? WHERE id = ?").params(user, status.name(), id).update();
  }

  /** The amount and each teacher's part, written again the same on a retry. */
  void recordAmounts(long id, BigDecimal amount, List<Claim.Coach> parts) {
    jdbc.sql("UPDATE olympiad_claim SET amount = ? WHERE id = ?").params(amount, id).update();
    for (Claim.Coach c : parts) {
      jdbc.sql("UPDATE olympiad_claim_coach SET amount = ? WHERE claim_id = ? AND person_id = ?").params(c.amount(), id, c.personId()).update();
    }
  }

  Optional<Claim> findById(long id) {
    return jdbc.sql("SELECT * FROM olympiad_claim WHERE id = ?").param(id).query(this::map).optional();
  }

  Optional<Claim> findByNumber(String caseNumber) {
    return jdbc.sql("SELECT * FROM olympiad_claim WHERE case_number = ?").param(caseNumber).query(this::map).optional();
  }

  /** An earlier standing claim for the same pupil's result (the earlier claim is the one that stands). */
  boolean resultClaimedElsewhere(Claim c) {
    return jdbc.sql("""
            SELECT COUNT(*) FROM olympiad_claim WHERE year = :year AND subject = :subject AND participant_code = :code
              AND id < :id AND status IN (:standing)""")
        .param("year", c.year()).param("subject", c.subject()).param("code", c.participantCode()).param("id", c.id())
        .param("standing", STANDING).query(Integer.class).single() > 0;
  }

  /** An earlier standing claim of the year naming the teacher; with a participant code, only one for that pupil. */
  boolean teacherClaimedElsewhere(Claim c, long personId, String participantCode) {
    return jdbc.sql("""
            SELECT COUNT(*) FROM olympiad_claim k JOIN olympiad_claim_coach t ON t.claim_id = k.id
            WHERE k.year = :year AND t.person_id = :person AND k.id < :id AND k.status IN (:standing)
              AND (:code IS NULL OR k.participant_code = :code)""")
        .param("year", c.year()).param("person", personId).param("id", c.id()).param("standing", STANDING)
        .param("code", participantCode).query(Integer.class).single() > 0;
  }

  /** Puts the year's confirmed claims that are in no list into this one; returns how many it holds. */
  int takeIntoList(int year, String listNumber) {
    jdbc.sql("UPDATE olympiad_claim SET list_number = ?, status = 'IN_LIST' WHERE year = ? AND status = 'CONFIRMED' AND list_number IS NULL")
        .params(listNumber, year).update();
    return jdbc.sql("SELECT COUNT(*) FROM olympiad_claim WHERE list_number = ?").param(listNumber).query(Integer.class).single();
  }

  List<Claim> inList(String listNumber) {
    return jdbc.sql("SELECT * FROM olympiad_claim WHERE list_number = ? ORDER BY case_number").param(listNumber).query(this::map).list();
  }

  void markList(String listNumber, ClaimStatus status) {
    jdbc.sql("UPDATE olympiad_claim SET status = ? WHERE list_number = ?").params(status.name(), listNumber).update();
  }

  /** A list the commission turned down: its claims wait for the next list. */
  void releaseList(String listNumber) {
    jdbc.sql("UPDATE olympiad_claim SET status = 'CONFIRMED', list_number = NULL WHERE list_number = ? AND status = 'IN_LIST'")
        .param(listNumber).update();
  }

  long insertList(int year, Instant at) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO olympiad_award_list (year, status, created_at) VALUES (?, 'COMPILED', ?)")
        .params(year, UtcDateTime.toDb(at)).update(keys);
    return keys.getKeyAs(Number.class).longValue();
  }

  void numberList(long id, String listNumber) {
    jdbc.sql("UPDATE olympiad_award_list SET list_number = ? WHERE id = ?").params(listNumber, id).update();
  }

  void decideList(String listNumber, String status, String approvedBy) {
    jdbc.sql("UPDATE olympiad_award_list SET status = ?, approved_by = ? WHERE list_number = ?").params(status, approvedBy, listNumber).update();
  }

  /** One row of the figures: awards by subject, place and municipality. */
  public record SummaryRow(String subject, String place, String municipality, int awards, int teachers, BigDecimal amount) {}

  /** The year's awards approved or paid, counted by subject, place and the school's municipality. */
  List<SummaryRow> summary(int year) {
    return jdbc.sql("""
            SELECT k.subject, k.place, COALESCE(m.name, 'не указан') AS municipality, COUNT(DISTINCT k.id) AS awards,
              COUNT(t.person_id) AS teachers, COALESCE(SUM(t.amount), 0) AS amount
            FROM olympiad_claim k
            JOIN olympiad_claim_coach t ON t.claim_id = k.id
            LEFT JOIN school s ON s.code = k.school_code
            LEFT JOIN municipality m ON m.code = s.municipality_code
            WHERE k.year = ? AND k.status IN ('APPROVED', 'PAID')
            GROUP BY k.subject, k.place, COALESCE(m.name, 'не указан')
            ORDER BY k.subject, k.place, municipality""")
        .param(year)
        .query((rs, i) -> new SummaryRow(rs.getString("subject"), rs.getString("place"), rs.getString("municipality"), rs.getInt("awards"),
            rs.getInt("teachers"), rs.getBigDecimal("amount")))
        .list();
  }

  private Claim map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    long id = rs.getLong("id");
    List<Claim.Coach> coaches = jdbc.sql("SELECT person_id, share, amount FROM olympiad_claim_coach WHERE claim_id = ? ORDER BY share DESC, person_id")
        .param(id).query((c, i) -> new Claim.Coach(c.getLong("person_id"), c.getInt("share"), c.getBigDecimal("amount"))).list();
    return new Claim(id, rs.getString("case_number"), rs.getInt("year"), rs.getString("subject"), rs.getString("participant_code"),
        OlympiadPlace.valueOf(rs.getString("place")), rs.getString("school_code"), rs.getString("school_email"),
        ClaimStatus.valueOf(rs.getString("status")), rs.getBigDecimal("amount"), rs.getString("confirmed_by"), rs.getString("list_number"),
        rs.getString("refusal_reason"), UtcDateTime.fromDb(rs.getObject("submitted_at", java.time.LocalDateTime.class)), coaches);
  }
}
