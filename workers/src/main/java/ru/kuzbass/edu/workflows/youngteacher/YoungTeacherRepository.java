package ru.kuzbass.edu.workflows.youngteacher;

import static ru.kuzbass.edu.workflows.platform.UtcDateTime.fromDb;
import static ru.kuzbass.edu.workflows.platform.UtcDateTime.toDb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class YoungTeacherRepository {

  private final JdbcClient jdbc;

  public YoungTeacherRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record NewCase(long personId, String schoolCode, String municipalityCode, String post, LocalDate experienceStart, LocalDate startDate,
      Instant createdAt) {}

  /** An answer as the status shows it: no free text. */
  public record AnswerRow(int round, int workload, int discipline, int parents, int documentation, int methodicalHelp,
      String stayIntention, Instant answeredAt) {}

  public record DifficultyRow(long id, int round, String areas, Instant raisedAt, Instant dueAt, Boolean resolved, Instant closedAt) {}

  /** The municipality of a school of the directory, if the directory knows the school. */
  Optional<String> municipalityOf(String schoolCode) {
    return jdbc.sql("SELECT municipality_code FROM school WHERE code = ?").param(schoolCode).query(String.class).optional();
  }

  Optional<String> openCaseOf(long personId) {
    return jdbc.sql("SELECT case_number FROM young_teacher_case WHERE open_for_person = ?").param(personId).query(String.class).optional();
  }

  long insert(NewCase c) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO young_teacher_case (person_id, open_for_person, school_code, municipality_code, post, experience_start,
              start_date, status, created_at)
            VALUES (:person, :person, :school, :municipality, :post, :experience, :start, 'OPEN', :at)""")
        .param("person", c.personId()).param("school", c.schoolCode()).param("municipality", c.municipalityCode())
        .param("post", c.post()).param("experience", c.experienceStart()).param("start", c.startDate())
        .param("at", toDb(c.createdAt()))
        .update(keys);
    return keys.getKeyAs(Number.class).longValue();
  }

  Optional<String> developmentRouteOf(long id) {
    return jdbc.sql("SELECT development_route_case FROM young_teacher_case WHERE id = ? AND development_route_case IS NOT NULL").param(id)
        .query(String.class).optional();
  }

  void linkDevelopmentRoute(long id, String routeCase) {
    jdbc.sql("UPDATE young_teacher_case SET development_route_case = ? WHERE id = ?").params(routeCase, id).update();
  }

  void assignNumber(long id, String caseNumber) {
    jdbc.sql("UPDATE young_teacher_case SET case_number = ? WHERE id = ?").params(caseNumber, id).update();
  }

  void assignProcessInstance(long id, long key) {
    jdbc.sql("UPDATE young_teacher_case SET process_instance_key = ? WHERE id = ?").params(key, id).update();
  }

  void recordMentor(long id, String mode, String nomination, String mentorName, Instant at) {
    jdbc.sql("""
            UPDATE young_teacher_case SET mentor_mode = ?, mentor_nomination = ?, mentor_name = ?, mentor_assigned_at = ? WHERE id = ?""")
        .params(mode, nomination, mentorName, toDb(at), id).update();
  }

  /** Closes the case and frees the teacher for a later one; a second call changes nothing. */
  void close(long id, Instant at) {
    jdbc.sql("UPDATE young_teacher_case SET status = 'CLOSED', open_for_person = NULL, closed_at = ? WHERE id = ? AND status = 'OPEN'")
        .params(toDb(at), id).update();
  }

  /** Stores the round's answers once; a repeated call (a retried transaction) keeps the first. */
  void saveAnswers(long caseId, int round, Answers a, String comment, String answeredBy, Instant at) {
    jdbc.sql("""
            INSERT IGNORE INTO young_teacher_answer (case_id, round, workload, discipline, parents, documentation, methodical_help,
              stay_intention, comment, answered_by, answered_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(caseId, round, a.workload(), a.discipline(), a.parents(), a.documentation(), a.methodicalHelp(), a.stayIntention(),
            comment, answeredBy, toDb(at))
        .update();
  }

  /** Raises the round's difficulty once and returns its id. */
  long raiseDifficulty(long caseId, int round, String areas, Instant raisedAt, Instant dueAt) {
    jdbc.sql("INSERT IGNORE INTO young_teacher_difficulty (case_id, round, areas, raised_at, due_at) VALUES (?, ?, ?, ?, ?)")
        .params(caseId, round, areas, toDb(raisedAt), toDb(dueAt)).update();
    return jdbc.sql("SELECT id FROM young_teacher_difficulty WHERE case_id = ? AND round = ?").params(caseId, round)
        .query(Long.class).single();
  }

  void closeDifficulty(long difficultyId, boolean resolved, String actions, Instant at) {
    jdbc.sql("UPDATE young_teacher_difficulty SET resolved = ?, actions = ?, closed_at = ? WHERE id = ?")
        .params(resolved, actions, toDb(at), difficultyId).update();
  }

  Optional<YoungTeacherCase> findById(long id) {
    return jdbc.sql("SELECT * FROM young_teacher_case WHERE id = ?").param(id).query(YoungTeacherRepository::map).optional();
  }

  Optional<YoungTeacherCase> findByNumber(String caseNumber) {
    return jdbc.sql("SELECT * FROM young_teacher_case WHERE case_number = ?").param(caseNumber).query(YoungTeacherRepository::map).optional();
  }

  List<AnswerRow> answers(long caseId) {
    return jdbc.sql("SELECT * FROM young_teacher_answer WHERE case_id = ? ORDER BY round").param(caseId)
        .query((rs, i) -> new AnswerRow(rs.getInt("round"), rs.getInt("workload"), rs.getInt("discipline"), rs.getInt("parents"),
            rs.getInt("documentation"), rs.getInt("methodical_help"), rs.getString("stay_intention"),
            fromDb(rs.getObject("answered_at", LocalDateTime.class))))
        .list();
  }

  List<DifficultyRow> difficulties(long caseId) {
    return jdbc.sql("SELECT * FROM young_teacher_difficulty WHERE case_id = ? ORDER BY round").param(caseId)
        .query((rs, i) -> new DifficultyRow(rs.getLong("id"), rs.getInt("round"), rs.getString("areas"),
            fromDb(rs.getObject("raised_at", LocalDateTime.class)), fromDb(rs.getObject("due_at", LocalDateTime.class)),
            (Boolean) rs.getObject("resolved", Boolean.class), fromDb(rs.getObject("closed_at", LocalDateTime.class))))
        .list();
  }

  private static YoungTeacherCase map(ResultSet rs, int row) throws SQLException {
    return new YoungTeacherCase(rs.getLong("id"), rs.getString("case_number"), rs.getLong("person_id"), rs.getString("school_code"),
        rs.getString("post"), rs.getObject("experience_start", LocalDate.class), rs.getObject("start_date", LocalDate.class),
        rs.getString("status"), rs.getString("mentor_mode"), rs.getString("mentor_nomination"));
  }
}
