package ru.kuzbass.edu.workflows.people;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Teacher records, kept once per person and reused by every process. */
@Service
public class TeacherService {

  public record TeacherDetails(String schoolCode, String subject, int experienceYears, QualificationCategory qualificationCategory) {}

  private final JdbcClient jdbc;
  private final PersonService people;
  private final Clock clock;

  public TeacherService(JdbcClient jdbc, PersonService people, Clock clock) {
    this.jdbc = jdbc;
    this.people = people;
    this.clock = clock;
  }

  /** Records the person and their teacher record; a known teacher gets the newest facts. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Teacher register(PersonDetails person, TeacherDetails details) {
    Person p = people.register(person);
    jdbc.sql("""
            INSERT INTO teacher (person_id, school_code, subject, experience_years, qualification_category, updated_at)
            VALUES (:personId, :school, :subject, :experience, :category, :now)
            ON DUPLICATE KEY UPDATE school_code = VALUES(school_code), subject = VALUES(subject),
              experience_years = VALUES(experience_years), qualification_category = VALUES(qualification_category),
              updated_at = VALUES(updated_at)""")
        .param("personId", p.id()).param("school", details.schoolCode()).param("subject", details.subject())
        .param("experience", details.experienceYears()).param("category", details.qualificationCategory().name())
        .param("now", LocalDateTime.now(clock.withZone(ZoneOffset.UTC)))
        .update();
    return byPerson(p.id()).orElseThrow();
  }

  public Optional<Teacher> find(long id) {
    return jdbc.sql("SELECT * FROM teacher WHERE id = :id").param("id", id).query(TeacherService::map).optional();
  }

  private Optional<Teacher> byPerson(long personId) {
    return jdbc.sql("SELECT * FROM teacher WHERE person_id = :id").param("id", personId).query(TeacherService::map).optional();
  }

  private static Teacher map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Teacher(rs.getLong("id"), rs.getLong("person_id"), rs.getString("school_code"), rs.getString("subject"),
        rs.getInt("experience_years"), QualificationCategory.valueOf(rs.getString("qualification_category")));
  }
}
