package ru.kuzbass.edu.workflows.olympiadaward;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.kuzbass.edu.workflows.support.TestSnils;

/** A school's claim and an official list, as the API takes them. */
public final class OlympiadAwardFixtures {
  private OlympiadAwardFixtures() {}

  static final String SCHOOL = "SCH-4217";
  static final String SCHOOL_EMAIL = "school4217@example.ru";

  /** The official list of 2027 in mathematics and physics: pupil codes, names and places. */
  static final String LIST_2027 = """
      year,subject,participant_code,surname,given_name,patronymic,birth_date,grade,place
      2027,математика,M-001,Соколова,Дарья,Игоревна,2010-05-04,11,WINNER
      2027,математика,M-002,Ким,Артём,,2011-02-17,10,PRIZE_WINNER
      2027,физика,M-001,Соколова,Дарья,Игоревна,2010-05-04,11,PRIZE_WINNER
      2027,физика,P-003,Лебедев,Никита,Олегович,2010-09-30,11,WINNER
      """;

  /** A teacher with the given share; {@code n} tells the teachers apart (SNILS, e-mail). */
  public static Map<String, Object> coach(int n, String surname, String name, String patronymic, int share) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("surname", surname);
    c.put("name", name);
    c.put("patronymic", patronymic);
    c.put("birthDate", "1980-03-1" + (n % 10));
    c.put("snils", TestSnils.valid(700_000 + n));
    c.put("email", "coach" + n + "@example.ru");
    c.put("phone", "+7 913 555-20-3" + (n % 10));
    c.put("share", share);
    return c;
  }

  public static Map<String, Object> claim(int year, String subject, String code, String place, List<Map<String, Object>> coaches) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("schoolCode", SCHOOL);
    body.put("schoolEmail", SCHOOL_EMAIL);
    body.put("year", year);
    body.put("subject", subject);
    body.put("participantCode", code);
    body.put("place", place);
    body.put("coaches", new ArrayList<>(coaches));
    return body;
  }
}
