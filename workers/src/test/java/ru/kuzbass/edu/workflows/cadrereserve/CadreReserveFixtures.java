package ru.kuzbass.edu.workflows.cadrereserve;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import ru.kuzbass.edu.workflows.support.TestSnils;

/** Registrations and files for the cadre-reserve tests. */
final class CadreReserveFixtures {
  private CadreReserveFixtures() {}

  static String email(int n) {
    return "candidate" + n + "@example.ru";
  }

  /** The n-th candidate: a deputy head in the given municipality, with the listed fast-track achievements. */
  static Map<String, Object> candidate(int n, String municipality, List<Map<String, Object>> achievements) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("surname", "Кандидатова");
    body.put("name", "Анна" );
    body.put("patronymic", "Сергеевна");
    body.put("birthDate", "1985-05-20");
    body.put("snils", TestSnils.valid(700_000 + n));
    body.put("email", email(n));
    body.put("phone", "+7 913 555-70-" + String.format("%02d", n % 100));
    body.put("questionnaire", new LinkedHashMap<>(Map.of(
        "position", "Заместитель директора по учебной работе",
        "schoolCode", "SCH-" + (100 + n),
        "municipality", municipality,
        "experienceYears", 12,
        "education", "Высшее педагогическое, КемГУ",
        "motivation", "Хочу руководить школой и менять её к лучшему")));
    body.put("achievements", new ArrayList<>(achievements));
    return body;
  }

  static Map<String, Object> achievement(String programme, String result) {
    return Map.of("programme", programme, "result", result, "year", 2026, "document", "Диплом № 17");
  }

  /** A real one-page PDF. */
  static byte[] pdf() throws Exception {
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.addPage(new PDPage());
      doc.save(out);
      return out.toByteArray();
    }
  }
}
