package ru.kuzbass.edu.workflows.mentorbonus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.kuzbass.edu.workflows.support.TestSnils;

/** A valid nomination: an experienced mentor with one young mentee for the school year 2027/28. */
final class MentorBonusFixtures {
  private MentorBonusFixtures() {}

  static final String MENTOR_EMAIL = "mentor.orlova@example.ru";
  static final String SCHOOL_EMAIL = "school4217@example.ru";

  static Map<String, Object> teacher(String surname, String name, String birthDate, String snils, String email, int experience,
      String category) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("surname", surname);
    t.put("name", name);
    t.put("patronymic", "Ивановна");
    t.put("birthDate", birthDate);
    t.put("snils", snils);
    t.put("email", email);
    t.put("phone", "+7 913 555-20-30");
    t.put("subject", "Математика");
    t.put("experienceYears", experience);
    t.put("qualificationCategory", category);
    return t;
  }

  static Map<String, Object> nomination() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("school", new LinkedHashMap<>(Map.of("code", "SCH-4217", "email", SCHOOL_EMAIL)));
    body.put("mentor", teacher("Орлова", "Елена", "1975-03-14", "200-300-400 48", MENTOR_EMAIL, 24, "HIGHEST"));
    List<Map<String, Object>> mentees = new ArrayList<>();
    mentees.add(teacher("Зайцева", "Полина", "2001-07-09", "200-300-401 49", "polina.z@example.ru", 1, "NONE"));
    body.put("mentees", mentees);
    body.put("plan", new LinkedHashMap<>(Map.of("goals", "Освоить методику проблемного обучения; провести 4 открытых урока",
        "startDate", "2027-09-01", "endDate", "2028-08-31")));
    body.put("fundingSource", "REGIONAL");
    return body;
  }

  /** The n-th of many distinct, valid pairs (their own mentor and mentee). */
  static Map<String, Object> nomination(int n) {
    Map<String, Object> body = nomination();
    body.put("mentor", teacher("Орлова", "Елена", "1975-03-14", snils(500_000 + n), "mentor" + n + "@example.ru", 24, "HIGHEST"));
    mentee(body, 0).put("snils", snils(600_000 + n));
    return body;
  }

  static String snils(int serial) {
    return TestSnils.valid(serial);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> mentee(Map<String, Object> body, int i) {
    return ((List<Map<String, Object>>) body.get("mentees")).get(i);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> part(Map<String, Object> body, String key) {
    return (Map<String, Object>) body.get(key);
  }
}
