package ru.kuzbass.edu.workflows.youngteacher;

import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.kuzbass.edu.workflows.ruralgrant.RuralGrantFixtures;
import ru.kuzbass.edu.workflows.support.TestSnils;

/** Requests and directory rows of the young-teacher tests. */
final class YoungTeacherFixtures {
  private YoungTeacherFixtures() {}

  /** A school of the pilot municipality IZH (young-teacher.defaults.pilot-municipalities). */
  static final String PILOT_SCHOOL = RuralGrantFixtures.SCHOOL;
  /** A school of Анжеро-Судженск, not in the pilot list. */
  static final String OTHER_SCHOOL = "SCH-ANZ-1";
  static final String TEACHER_EMAIL = "young.teacher@example.ru";

  static void seedSchools(JdbcClient jdbc) {
    RuralGrantFixtures.seedSchool(jdbc, 5_000);
    jdbc.sql("INSERT IGNORE INTO municipality (code, name) VALUES ('ANZ', 'Анжеро-Судженск')").update();
    jdbc.sql("""
            INSERT IGNORE INTO school (code, name, municipality_code, settlement_name, settlement_type, settlement_population)
            VALUES (?, 'МБОУ «СОШ № 3»', 'ANZ', 'Анжеро-Судженск', 'TOWN', 70000)""")
        .param(OTHER_SCHOOL).update();
  }

  /** An eligible teacher on the tests' start date (1 February 2027): 27 years old, teaching since September 2025. */
  static Map<String, Object> request() {
    Map<String, Object> body = new HashMap<>();
    body.put("snils", TestSnils.valid(501));
    body.put("surname", "Смирнова");
    body.put("givenName", "Анна");
    body.put("patronymic", "Петровна");
    body.put("birthDate", "1999-05-14");
    body.put("email", TEACHER_EMAIL);
    body.put("phone", "+7 913 555-20-30");
    body.put("schoolCode", PILOT_SCHOOL);
    body.put("post", "учитель математики");
    body.put("experienceStartDate", "2025-09-01");
    return body;
  }

  static Map<String, Object> with(String field, Object value) {
    Map<String, Object> body = request();
    body.put(field, value);
    return body;
  }

  /** Answers with no difficulty: every scale 4, staying in the profession. */
  static Map<String, Object> goodAnswers() {
    return new HashMap<>(Map.of("workload", "4", "discipline", "4", "parents", "5", "documentation", "4", "methodicalHelp", "4",
        "stayIntention", "STAY", "youngTeacherComment", ""));
  }

  static Map<String, Object> answersWith(String field, String value) {
    Map<String, Object> answers = goodAnswers();
    answers.put(field, value);
    return answers;
  }
}
