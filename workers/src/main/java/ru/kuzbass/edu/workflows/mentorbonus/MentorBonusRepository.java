package ru.kuzbass.edu.workflows.mentorbonus;

import static ru.kuzbass.edu.workflows.platform.UtcDateTime.fromDb;
import static ru.kuzbass.edu.workflows.platform.UtcDateTime.toDb;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import ru.kuzbass.edu.workflows.people.PersonService;
import ru.kuzbass.edu.workflows.people.PersonalDataCipher;

@Repository
public class MentorBonusRepository {

  /** Statuses in which a nomination still claims its mentor: a second one for the same dates overlaps. */
  static final List<String> OPEN = List.of("SUBMITTED", "IN_APPROVAL", "RETURNED", "WAITING_FOR_BUDGET", "ACTIVE");

  private final JdbcClient jdbc;
  private final PersonalDataCipher cipher;

  public MentorBonusRepository(JdbcClient jdbc, PersonalDataCipher cipher) {
    this.cipher = cipher;
    this.jdbc = jdbc;
  }

  public record NewNomination(int campaignYear, long mentorTeacherId, String schoolCode, String schoolEmail,
      String fundingSource, String goals, LocalDate startDate, LocalDate endDate, Instant submittedAt) {}

  /** One row of the payroll export. */
  public record PayrollRow(String caseNumber, String mentorSnils, String mentorName, String schoolCode, String month,
      BigDecimal amount, String fundingSource) {}

  public long insert(NewNomination n, List<Long> menteeTeacherIds) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO mentoring_nomination (campaign_year, mentor_teacher_id, school_code, school_email, funding_source,
              goals, start_date, end_date, status, submitted_at)
            VALUES (:year, :mentor, :school, :email, :source, :goals, :start, :end, 'SUBMITTED', :at)""")
        .param("year", n.campaignYear()).param("mentor", n.mentorTeacherId()).param("school", n.schoolCode())
        .param("email", n.schoolEmail()).param("source", n.fundingSource()).param("goals", n.goals())
        .param("start", n.startDate()).param("end", n.endDate()).param("at", toDb(n.submittedAt()))
        .update(keys);
    long id = keys.getKeyAs(Number.class).longValue();
    for (Long mentee : menteeTeacherIds) {
      jdbc.sql("INSERT INTO mentoring_mentee (nomination_id, teacher_id) VALUES (?, ?)").params(id, mentee).update();
    }
    return id;
  }

  public void assignNumber(long id, String caseNumber) {
    jdbc.sql("UPDATE mentoring_nomination SET case_number = ? WHERE id = ?").params(caseNumber, id).update();
  }

  public void assignProcessInstance(long id, long key) {
    jdbc.sql("UPDATE mentoring_nomination SET process_instance_key = ? WHERE id = ?").params(key, id).update();
  }

  public void updateStatus(long id, NominationStatus status) {
    jdbc.sql("UPDATE mentoring_nomination SET status = ? WHERE id = ?").params(status.name(), id).update();
  }

  public void updatePlan(long id, String goals, LocalDate start, LocalDate end) {
    jdbc.sql("UPDATE mentoring_nomination SET goals = ?, start_date = ?, end_date = ? WHERE id = ?").params(goals, start, end, id).update();
  }

  public void recordSchoolHeadDecision(long id, String approver, String decision) {
    jdbc.sql("UPDATE mentoring_nomination SET school_head_approver = ?, school_head_decision = ? WHERE id = ?")
        .params(approver, decision, id).update();
  }

  public void recordBudgetDecision(long id, String approver, String decision) {
    jdbc.sql("UPDATE mentoring_nomination SET budget_approver = ?, budget_decision = ? WHERE id = ?")
        .params(approver, decision, id).update();
  }

  public void recordEnd(long id, LocalDate endedOn) {
    jdbc.sql("UPDATE mentoring_nomination SET ended_on = ? WHERE id = ? AND ended_on IS NULL").params(endedOn, id).update();
  }

  public Optional<Nomination> findById(long id) {
    return jdbc.sql("SELECT * FROM mentoring_nomination WHERE id = ?").param(id).query(MentorBonusRepository::map).optional();
  }

  public Optional<Nomination> findByNumber(String caseNumber) {
    return jdbc.sql("SELECT * FROM mentoring_nomination WHERE case_number = ?").param(caseNumber).query(MentorBonusRepository::map).optional();
  }

  public List<Long> mentees(long nominationId) {
    return jdbc.sql("SELECT teacher_id FROM mentoring_mentee WHERE nomination_id = ? ORDER BY teacher_id").param(nominationId)
        .query(Long.class).list();
  }

  /** Mentees the mentor already guides under other active bonuses. */
  public int currentMenteeCount(long mentorTeacherId, long excludingNomination) {
    return jdbc.sql("""
            SELECT COUNT(*) FROM mentoring_mentee m JOIN mentoring_nomination n ON n.id = m.nomination_id
            WHERE n.mentor_teacher_id = ? AND n.id <> ? AND n.status = 'ACTIVE'""")
        .params(mentorTeacherId, excludingNomination).query(Integer.class).single();
  }

  /** Another open nomination of the same mentor whose dates overlap these. */
  public boolean hasOverlappingBonus(Nomination n) {
    return jdbc.sql("""
            SELECT COUNT(*) FROM mentoring_nomination
            WHERE mentor_teacher_id = :mentor AND id <> :id AND status IN (:open)
              AND start_date <= :end AND end_date >= :start""")
        .param("mentor", n.mentorTeacherId()).param("id", n.id()).param("open", OPEN)
        .param("start", n.startDate()).param("end", n.endDate())
        .query(Integer.class).single() > 0;
  }

  /** Adds the month's accrual unless it is there; returns whether it was new. */
  public boolean accrue(Nomination n, YearMonth month, BigDecimal amount, Instant at) {
    return jdbc.sql("""
            INSERT IGNORE INTO payroll_accrual (nomination_id, mentor_teacher_id, accrual_month, amount, funding_source, accrued_at)
            VALUES (?, ?, ?, ?, ?, ?)""")
        .params(n.id(), n.mentorTeacherId(), month.toString(), amount, n.fundingSource(), toDb(at))
        .update() > 0;
  }

  public BigDecimal accruedTotal(long nominationId) {
    return jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM payroll_accrual WHERE nomination_id = ?").param(nominationId)
        .query(BigDecimal.class).single();
  }

  public List<String> accruedMonths(long nominationId) {
    return jdbc.sql("SELECT accrual_month FROM payroll_accrual WHERE nomination_id = ? ORDER BY accrual_month").param(nominationId)
        .query(String.class).list();
  }

  public List<PayrollRow> payroll(YearMonth month) {
    return jdbc.sql("""
            SELECT n.case_number, p.snils, p.surname, p.given_name, p.patronymic, n.school_code, a.accrual_month, a.amount, a.funding_source
            FROM payroll_accrual a
            JOIN mentoring_nomination n ON n.id = a.nomination_id
            JOIN teacher t ON t.id = a.mentor_teacher_id
            JOIN person p ON p.id = t.person_id
            WHERE a.accrual_month = ?
            ORDER BY n.case_number""")
        .param(month.toString())
        .query((rs, i) -> new PayrollRow(rs.getString("case_number"), cipher.open(PersonService.SNILS, rs.getString("snils")),
            (rs.getString("surname") + " " + rs.getString("given_name") + " "
                + (rs.getString("patronymic") == null ? "" : rs.getString("patronymic"))).trim(),
            rs.getString("school_code"), rs.getString("accrual_month"), rs.getBigDecimal("amount"), rs.getString("funding_source")))
        .list();
  }

  private static Nomination map(ResultSet rs, int row) throws SQLException {
    return new Nomination(
        rs.getLong("id"), rs.getString("case_number"), rs.getInt("campaign_year"), rs.getLong("mentor_teacher_id"),
        rs.getString("school_code"), rs.getString("school_email"), rs.getString("funding_source"), rs.getString("goals"),
        rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
        NominationStatus.valueOf(rs.getString("status")), rs.getString("school_head_approver"), rs.getString("budget_approver"),
        rs.getObject("ended_on", LocalDate.class), fromDb(rs.getObject("submitted_at", LocalDateTime.class)));
  }
}
