package ru.kuzbass.edu.workflows.audit;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ru.kuzbass.edu.workflows.people.PersonService;
import ru.kuzbass.edu.workflows.people.PersonalDataCipher;

/**
 * The people a case is about, whatever its process: the rural-grant applicant, the mentor and the
 * mentees of a nomination, the cadre-reserve candidate, the teacher of a development route. Pedagogical-class openings and cadre
 * seasons are about schools and have none.
 */
@Repository
public class CaseSubjects {

  public record Subject(long personId, String surname, String givenName, String patronymic, LocalDate birthDate, String snils,
      String email, String phone, boolean anonymised) {}

  /** Every (person, case) pair of every process. */
  static final String PERSON_CASES = """
      SELECT a.person_id, a.case_number FROM rural_grant_application a WHERE a.case_number IS NOT NULL
      UNION SELECT t.person_id, m.case_number FROM mentoring_nomination m JOIN teacher t ON t.id = m.mentor_teacher_id
        WHERE m.case_number IS NOT NULL
      UNION SELECT t.person_id, m.case_number FROM mentoring_mentee mm JOIN mentoring_nomination m ON m.id = mm.nomination_id
        JOIN teacher t ON t.id = mm.teacher_id WHERE m.case_number IS NOT NULL
      UNION SELECT c.person_id, c.case_number FROM cadre_candidate c WHERE c.case_number IS NOT NULL
      UNION SELECT r.person_id, r.case_number FROM development_route r WHERE r.case_number IS NOT NULL""";

  private final JdbcClient jdbc;
  private final PersonalDataCipher cipher;

  public CaseSubjects(JdbcClient jdbc, PersonalDataCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  public List<Subject> of(String caseNumber) {
    return jdbc.sql("SELECT p.* FROM person p JOIN (" + PERSON_CASES + ") pc ON pc.person_id = p.id WHERE pc.case_number = ? ORDER BY p.id")
        .param(caseNumber)
        .query((rs, i) -> new Subject(rs.getLong("id"), rs.getString("surname"), rs.getString("given_name"), rs.getString("patronymic"),
            rs.getObject("birth_date", LocalDate.class), cipher.open(PersonService.SNILS, rs.getString("snils")), rs.getString("email"), rs.getString("phone"),
            rs.getObject("anonymised_at") != null))
        .list();
  }
}
