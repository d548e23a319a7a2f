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
    Map<String, Object> settlement = new LinkedHashMap<>();
    settlement.put("name", "Ижморский");
    settlement.put("type", "URBAN_TYPE_SETTLEMENT");
    settlement.put("population", 9_800);
    Map<String, Object> school = new LinkedHashMap<>();
    school.put("code", SCHOOL);
    school.put("municipality", "Ижморский муниципальный округ");
    school.put("settlement", settlement);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("applicant", applicant);
    body.put("school", school);
    body.put("position", POSITION);
    body.put("weeklyLoadHours", 22);
    body.put("previousResidence", "г. Кемерово");
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

  public static void seedVacancy(JdbcClient jdbc, int year) {
    jdbc.sql("INSERT INTO rural_grant_vacancy (campaign_year, school_code, position, places) VALUES (?, ?, ?, 1)")
        .params(year, SCHOOL, POSITION).update();
  }
}
