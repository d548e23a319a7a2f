package ru.kuzbass.edu.workflows.ruralgrant;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A valid application and the vacancy it applies for; tests change one thing at a time. */
public final class RuralGrantFixtures {
  private RuralGrantFixtures() {}

  public static final String SCHOOL = "SCH-4217";
  public static final String POSITION = "Учитель математики";
  /** 112-233-445 95: a SNILS whose checksum holds. */
  public static final String SNILS = "112-233-445 95";

  public static Map<String, Object> application() {
    Map<String, Object> applicant = new LinkedHashMap<>();
    applicant.put("surname", "Кузнецова");
    applicant.put("name", "Анна");
    applicant.put("patronymic", "Сергеевна");
    applicant.put("birthDate", "1994-05-17");
    applicant.put("snils", SNILS);
    applicant.put("email", "anna.kuznetsova@example.ru");
    applicant.put("phone", "+7 913 555-12-34");
    Map<String, Object> school = new LinkedHashMap<>();
    school.put("code", SCHOOL);
    Map<String, Object> previousSettlement = new LinkedHashMap<>();
    previousSettlement.put("municipality", "Кемерово");
    previousSettlement.put("name", "Кемерово");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("applicant", applicant);
    body.put("school", school);
    body.put("position", POSITION);
    body.put("weeklyLoadHours", 22);
    body.put("previousResidence", "г. Кемерово, ул. Весенняя, д. 5, кв. 12");
    body.put("previousSettlement", previousSettlement);
    body.put("personalDataConsent", true);
    return body;
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> part(Map<String, Object> body, String path) {
    Map<String, Object> node = body;
    for (String key : path.split("\\.")) {
      node = (Map<String, Object>) node.get(key);
    }
    return node;
  }

  /** The school {@link #SCHOOL} in the school directory, with one place for {@link #POSITION} in the campaign. */
  public static void seedVacancy(JdbcClient jdbc, int year) {
    seedSchool(jdbc, 9_800);
    jdbc.sql("INSERT INTO rural_grant_vacancy (campaign_year, school_code, position, places) VALUES (?, ?, ?, 1)")
        .params(year, SCHOOL, POSITION).update();
  }

  /** The school {@link #SCHOOL} in the school directory: an urban-type settlement of the given population. */
  public static void seedSchool(JdbcClient jdbc, int population) {
    jdbc.sql("INSERT IGNORE INTO municipality (code, name) VALUES ('IZH', 'Ижморский муниципальный округ')").update();
    jdbc.sql("""
            INSERT INTO school (code, name, municipality_code, settlement_name, settlement_type, settlement_population)
            VALUES (?, 'МБОУ «Ижморская СОШ № 1»', 'IZH', 'Ижморский', 'URBAN_TYPE_SETTLEMENT', ?)
            ON DUPLICATE KEY UPDATE settlement_population = VALUES(settlement_population)""")
        .params(SCHOOL, population).update();
  }
}
