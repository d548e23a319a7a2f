package ru.kuzbass.edu.workflows.rurallivingcosts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.kuzbass.edu.workflows.ruralgrant.RuralGrantFixtures;
import ru.kuzbass.edu.workflows.support.TestSnils;

/** A valid living-cost application; tests change one thing at a time. */
public final class RuralLivingCostsFixtures {
  private RuralLivingCostsFixtures() {}

  public static final String EMAIL = "olga.petrova@example.ru";

  /** The application of the teacher with SNILS number {@code serial} ({@link TestSnils}), at {@link RuralGrantFixtures#SCHOOL}. */
  public static Map<String, Object> application(int serial, String settlementCode, String position) {
    Map<String, Object> applicant = new LinkedHashMap<>();
    applicant.put("surname", "Петрова");
    applicant.put("name", "Ольга");
    applicant.put("patronymic", "Ивановна");
    applicant.put("birthDate", "1990-03-02");
    applicant.put("snils", TestSnils.valid(serial));
    applicant.put("email", EMAIL);
    applicant.put("phone", "+7 913 555-20-30");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("applicant", applicant);
    body.put("school", new LinkedHashMap<>(Map.of("code", RuralGrantFixtures.SCHOOL)));
    body.put("residence", new LinkedHashMap<>(Map.of("settlementCode", settlementCode)));
    body.put("position", position);
    body.put("costKinds", List.of("HOUSING", "HEATING", "ELECTRICITY"));
    body.put("personalDataConsent", true);
    return body;
  }
}
