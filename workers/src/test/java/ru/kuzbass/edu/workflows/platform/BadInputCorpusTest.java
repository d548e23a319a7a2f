package ru.kuzbass.edu.workflows.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ru.kuzbass.edu.workflows.olympiadaward.OlympiadAwardFixtures;
import ru.kuzbass.edu.workflows.ruralgrant.RuralGrantFixtures;
import ru.kuzbass.edu.workflows.rurallivingcosts.RuralLivingCostsFixtures;
import ru.kuzbass.edu.workflows.support.ApiUsers;
import ru.kuzbass.edu.workflows.support.ProcessTest;

/**
 * A corpus of malformed and hostile requests across every API that takes input: missing fields,
 * wrong types, Unicode tricks (bidi marks, zero-width characters, 4-byte characters, combining
 * marks), SQL and HTML injection, invalid SNILS, absurd dates, oversized bodies, broken JSON, and
 * fake or oversized PDFs. Each must get a 4xx problem+json that names the field, and no table may
 * gain or lose a row.
 */
@Tag("reliability")
class BadInputCorpusTest extends ProcessTest {

  private static final Object REMOVE = new Object();
  private static final List<Object> HOSTILE_TEXT = List.of(
      "Иванов\u200F", "Иванов\u200B", "Иван😀", "𠀀𠀁", "Robert'); DROP TABLE person;--", "<script>alert(1)</script>",
      "\u0000Иванов", "\u202Eвонави");

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;

  /** One request of the corpus and the field its problem must name. */
  record BadRequest(String what, Supplier<MockHttpServletRequestBuilder> request, String field) {}

  @Test
  void everyBadRequestIsRefusedNamingItsFieldAndWritesNothing() throws Exception {
    RuralGrantFixtures.seedVacancy(jdbc, 2027);
    mvc.perform(post("/api/cadre-reserve/seasons").with(ApiUsers.hr()).contentType("application/json").content("{\"season\": 2027}"));
    String candidate = json.readTree(mvc.perform(post("/api/cadre-reserve/2027/candidates").contentType("application/json")
        .content(json.writeValueAsString(candidate()))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
        .get("id").asText();

    List<BadRequest> corpus = new ArrayList<>();
    corpus.addAll(jsonCorpus("rural grant", "/api/rural-grants/applications", RuralGrantFixtures::application, false, Map.ofEntries(
        Map.entry("applicant.surname", withAll(List.of(REMOVE, "", 123, List.of(), Map.of(), "A".repeat(101), "Иванов1", "И\u0301ванов"),
            HOSTILE_TEXT)),
        Map.entry("applicant.name", withAll(List.of(REMOVE, "", true), HOSTILE_TEXT)),
        Map.entry("applicant.patronymic", HOSTILE_TEXT),
        Map.entry("applicant.birthDate", List.of(REMOVE, "1800-01-01", "2100-01-01", "2027-02-30", "01.02.1990", 19900101, "' OR 1=1 --", "")),
        Map.entry("applicant.snils", List.of(REMOVE, "123-456-789 00", "1234567890", "abc-def-ghi 12", "112-233-445 96", "' OR '1'='1",
            "112\u200B-233-445 95", List.of("112-233-445 95"))),
        Map.entry("applicant.email", List.of(REMOVE, "not-an-email", "a@", "<script>@x.ru", "x\u200B@example.ru", 5)),
        Map.entry("applicant.phone", List.of(REMOVE, "12", "+7 (913) <b>", "телефон", "+7 913 555\u200F-12-34")),
        Map.entry("school.code", List.of(REMOVE, "школа", "SCH-1; DROP TABLE school", "X".repeat(33), "<b>1</b>")),
        // fields the directory answers are not the applicant's to give
        Map.entry("school.municipality", List.of("Ижморский муниципальный округ")),
        Map.entry("school.settlement", List.of(Map.of("name", "Ижморский", "type", "VILLAGE", "population", 900))),
        Map.entry("previousSettlement.municipality", withAll(List.of(REMOVE, "A".repeat(201)), HOSTILE_TEXT.subList(0, 4))),
        Map.entry("previousSettlement.name", List.of(REMOVE, "<b>Кемерово</b>", "Кемерово\u202E", "😀")),
        Map.entry("position", List.of(REMOVE, "", "<img src=x onerror=alert(1)>", "A".repeat(201), "Учитель\u200F", "Учитель 🧮")),
        Map.entry("weeklyLoadHours", List.of(REMOVE, 0, 61, "двадцать", -5, List.of(20))),
        Map.entry("previousResidence", List.of(REMOVE, "<script>x</script>", "A".repeat(501), "\u202Eг. Кемерово", "г. Кемерово\u0007")),
        Map.entry("personalDataConsent", List.of(REMOVE, false, "yes")),
        Map.entry("applicant", List.of(REMOVE, "Иванов", List.of())),
        Map.entry("school", List.of(REMOVE, 42)),
        Map.entry("previousSettlement", List.of(REMOVE, "г. Кемерово")))));
    corpus.addAll(brokenBodies("rural grant", "/api/rural-grants/applications", false));

    corpus.addAll(jsonCorpus("living-cost enrolment", "/api/rural-living-costs/enrolments",
        () -> RuralLivingCostsFixtures.application(1, "IZH-S-01", "Учитель математики"), false, Map.ofEntries(
            Map.entry("applicant.snils", List.of(REMOVE, "112-233-445 96")),
            Map.entry("applicant.surname", HOSTILE_TEXT),
            Map.entry("school.code", List.of(REMOVE, "<b>1</b>", "NO-SUCH-SCHOOL")),
            // the register, not the applicant, says what the settlement is
            Map.entry("residence.settlementCode", List.of(REMOVE, "", "<b>", "NO-SUCH-SETTLEMENT")),
            Map.entry("residence.type", List.of("VILLAGE")),
            Map.entry("costKinds", List.of(REMOVE, List.of(), List.of("GAS"), "HOUSING")),
            Map.entry("position", List.of(REMOVE, "<img src=x onerror=alert(1)>", "A".repeat(201))),
            Map.entry("personalDataConsent", List.of(REMOVE, false)))));
    corpus.addAll(brokenBodies("living-cost enrolment", "/api/rural-living-costs/enrolments", false));

    corpus.addAll(jsonCorpus("cadre candidate", "/api/cadre-reserve/2027/candidates", BadInputCorpusTest::candidate, false, Map.ofEntries(
        Map.entry("surname", withAll(List.of(REMOVE, ""), HOSTILE_TEXT)),
        Map.entry("birthDate", List.of(REMOVE, "1900-01-01", "2030-01-01", "вчера")),
        Map.entry("snils", List.of(REMOVE, "000-000-000 01", "112-233-445 9")),
        Map.entry("email", List.of("@@", "<a>@b.ru")),
        Map.entry("questionnaire.position", List.of(REMOVE, "<b>Директор</b>", "Директор\u200B", "A".repeat(201))),
        Map.entry("questionnaire.experienceYears", List.of(REMOVE, -1, 100, "десять")),
        Map.entry("questionnaire.motivation", List.of(REMOVE, "<script>alert(1)</script>", "Хочу 🚀", "A".repeat(4001))),
        Map.entry("questionnaire.education", List.of(REMOVE, "\u202EВысшее")),
        Map.entry("skipToken", List.of("abc", "'; DROP TABLE cadre_skip_token; --")))));
    corpus.addAll(brokenBodies("cadre candidate", "/api/cadre-reserve/2027/candidates", false));

    corpus.addAll(jsonCorpus("mentor nomination", "/api/mentoring/nominations", BadInputCorpusTest::nomination, true, Map.ofEntries(
        Map.entry("school.code", List.of(REMOVE, "<школа>")),
        Map.entry("school.email", List.of(REMOVE, "school")),
        Map.entry("mentor.surname", HOSTILE_TEXT),
        Map.entry("mentor.snils", List.of("123", "112-233-445 96")),
        Map.entry("mentor.experienceYears", List.of(REMOVE, -3, "много")),
        Map.entry("mentor.qualificationCategory", List.of(REMOVE, "TOP", 1)),
        Map.entry("mentor.subject", List.of("<b>Физика</b>", "Физика\u200F")),
        Map.entry("mentees", List.of(REMOVE, List.of(), "никто")),
        Map.entry("plan.goals", List.of(REMOVE, "<script>x</script>", "Цели 🎯")),
        Map.entry("plan.startDate", List.of(REMOVE, "1800-01-01", "2027-13-01")),
        Map.entry("fundingSource", List.of("FEDERAL'--", 7)))));
    corpus.addAll(brokenBodies("mentor nomination", "/api/mentoring/nominations", true));

    corpus.addAll(jsonCorpus("olympiad claim", "/api/olympiad-awards/claims", () -> OlympiadAwardFixtures.claim(2027, "математика", "M-001",
        "WINNER", List.of(OlympiadAwardFixtures.coach(1, "Орлова", "Елена", "Ивановна", 100))), true, Map.ofEntries(
        Map.entry("schoolCode", List.of(REMOVE, "<школа>", "SCH-1; DROP TABLE school")),
        Map.entry("year", List.of(REMOVE, 1900, "двадцать")),
        Map.entry("subject", List.of(REMOVE, "", "A".repeat(101), "<b>математика</b>", "математика\u200F", "химия 🧪", "\u0000химия")),
        Map.entry("participantCode", List.of(REMOVE, "M-001'; --", "Соколова")),
        Map.entry("place", List.of(REMOVE, "THIRD", 1)),
        Map.entry("coaches", List.of(REMOVE, List.of(), "все")))));
    corpus.addAll(brokenBodies("olympiad claim", "/api/olympiad-awards/claims", true));

    corpus.addAll(jsonCorpus("class opening", "/api/pedagogical-classes/openings", BadInputCorpusTest::opening, true, Map.ofEntries(
        Map.entry("schoolCode", List.of(REMOVE, "'; DELETE FROM school; --", "<b>")),
        Map.entry("municipality", List.of(REMOVE, "<i>Кемерово</i>", "Кемерово\u200B")),
        Map.entry("schoolEmail", List.of(REMOVE, "нет")),
        Map.entry("academicYear", List.of(REMOVE, 1900, "2027/2028", -1)))));
    corpus.addAll(jsonCorpus("test results", "/api/cadre-reserve/2027/candidates/" + candidate + "/test-results",
        () -> new LinkedHashMap<>(Map.of("organising", 70, "managerial", 70, "leadership", 70)), true, Map.ofEntries(
            Map.entry("organising", List.of(REMOVE, -1, 101, "сто")),
            Map.entry("managerial", List.of(REMOVE, 1000)),
            Map.entry("leadership", List.of(REMOVE, List.of(1))))));
    corpus.addAll(jsonCorpus("school results", "/api/schools/results", () -> new LinkedHashMap<>(Map.of("results", List.of(
        new LinkedHashMap<>(Map.of("schoolCode", "SCH-4217", "year", 2026, "score", 50))))), true, Map.ofEntries(
            Map.entry("results", List.of(REMOVE, "все")))));
    corpus.addAll(jsonCorpus("education events", "/api/development-routes/events", () -> new LinkedHashMap<>(Map.of("events", List.of(
        new LinkedHashMap<>(Map.of("code", "PK-1", "title", "Курс", "competence", "DIGITAL", "kind", "FORMAL", "provider", "ИРО Кузбасса",
            "startsOn", "2027-03-01", "endsOn", "2027-03-05", "hours", 36))))), true, Map.ofEntries(
            Map.entry("events", List.of(REMOVE, "все", List.of())))));
    corpus.addAll(brokenBodies("education events", "/api/development-routes/events", true));
    corpus.addAll(jsonCorpus("departure", "/api/rural-grants/applications/ЗУ-2027-000001/departure",
        () -> new LinkedHashMap<>(Map.of("departureDate", "2028-01-01")), true, Map.ofEntries(
            Map.entry("departureDate", List.of(REMOVE, "завтра", "2028-02-30", 20280101)))));

    for (String[] upload : new String[][] {
        {"not a PDF", "Просто текст, а не PDF"}, {"fake PDF header", "%PDF-1.7\nэто не PDF"}, {"empty", ""}}) {
      corpus.add(new BadRequest("idea upload: " + upload[0], () -> multipart("/api/cadre-reserve/2027/candidates/" + candidate + "/idea")
          .file(new MockMultipartFile("file", "idea.pdf", "application/pdf", upload[1].getBytes(StandardCharsets.UTF_8)))
          .param("title", "Идея").param("text", "Текст идеи").with(ApiUsers.hr()), "file"));
    }
    byte[] huge = new byte[10 * 1024 * 1024 + 1];
    System.arraycopy("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), 0, huge, 0, 8);
    corpus.add(new BadRequest("idea upload: over 10 MB", () -> multipart("/api/cadre-reserve/2027/candidates/" + candidate + "/idea")
        .file(new MockMultipartFile("file", "idea.pdf", "application/pdf", huge)).param("title", "Идея").param("text", "Текст")
        .with(ApiUsers.hr()), "file"));
    corpus.add(new BadRequest("idea upload: hostile title", () -> multipart("/api/cadre-reserve/2027/candidates/" + candidate + "/idea")
        .param("title", "<script>alert(1)</script>").param("text", "Текст идеи").with(ApiUsers.hr()), "title"));

    assertThat(corpus).hasSizeGreaterThanOrEqualTo(200);
    Map<String, Long> before = steadyRowCounts();
    List<String> failures = new ArrayList<>();
    for (BadRequest bad : corpus) {
      MvcResult result = mvc.perform(bad.request().get()).andReturn();
      int status = result.getResponse().getStatus();
      String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
      String type = String.valueOf(result.getResponse().getContentType());
      if (status < 400 || status >= 500 || !type.startsWith("application/problem+json") || !namesField(body, bad.field())) {
        failures.add(bad.what() + " → " + status + " " + type + " " + body.substring(0, Math.min(body.length(), 300)));
      }
    }
    assertThat(failures).as("requests not refused with a problem naming their field").isEmpty();
    assertThat(rowCounts()).as("rows in every table").isEqualTo(before);
    System.out.printf("Bad-input corpus: %d requests, all refused with 4xx problem+json naming the field, nothing written%n",
        corpus.size());
  }

  private static List<Object> withAll(List<Object> first, List<Object> second) {
    List<Object> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  /** One request per (field, bad value): the valid body with that one field changed or removed. */
  private List<BadRequest> jsonCorpus(String what, String path, Supplier<Map<String, Object>> valid, boolean staff,
      Map<String, List<Object>> badValues) {
    List<BadRequest> corpus = new ArrayList<>();
    badValues.forEach((field, values) -> {
      for (Object value : values) {
        Map<String, Object> body = deepCopy(valid.get());
        set(body, field, value);
        String content = write(body);
        String shown = value == REMOVE ? "missing" : String.valueOf(value);
        corpus.add(new BadRequest(what + ": " + field + " = " + shown.substring(0, Math.min(40, shown.length())), () -> {
          MockHttpServletRequestBuilder request = post(path).contentType("application/json").content(content);
          return staff ? request.with(ApiUsers.hr()) : request;
        }, field));
      }
    });
    return corpus;
  }

  /** Bodies that are not the JSON object the endpoint takes. */
  private static List<BadRequest> brokenBodies(String what, String path, boolean staff) {
    List<BadRequest> corpus = new ArrayList<>();
    for (String body : new String[] {"", "{", "[]", "null", "{\"applicant\":", "garbage", "{}}", "<xml/>", "\"text\"", "{'a': 1}",
        "{\"a\": " + "[".repeat(5000) + "]".repeat(5000) + "}", "{\"padding\": \"" + "x".repeat(300 * 1024) + "\"}"}) {
      corpus.add(new BadRequest(what + ": body " + body.substring(0, Math.min(20, body.length())), () -> {
        MockHttpServletRequestBuilder request = post(path).contentType("application/json").content(body);
        return staff ? request.with(ApiUsers.hr()) : request;
      }, "body"));
    }
    return corpus;
  }

  /** The problem names the field, or, for a nested field, the field or one of its parents. */
  private boolean namesField(String body, String field) throws Exception {
    JsonNode problem = json.readTree(body);
    for (JsonNode e : problem.path("errors")) {
      String named = e.path("field").asText();
      if (named.equals(field) || named.startsWith(field + ".") || named.startsWith(field + "[") || field.startsWith(named + ".")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The row counts once the set-up's own cases rest: the season and the candidate started cases
   * whose first jobs write in the background (a CI run counted one of their rows as the corpus's).
   */
  private Map<String, Long> steadyRowCounts() throws InterruptedException {
    Map<String, Long> last = rowCounts();
    for (int round = 0; round < 30; round++) {
      Thread.sleep(1000);
      Map<String, Long> now = rowCounts();
      if (now.equals(last)) {
        return now;
      }
      last = now;
    }
    throw new IllegalStateException("The set-up's cases did not come to rest in 30 s: " + last);
  }

  private Map<String, Long> rowCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY table_name")
        .query(String.class).list()) {
      counts.put(table, jdbc.sql("SELECT COUNT(*) FROM `" + table + "`").query(Long.class).single());
    }
    return counts;
  }

  @SuppressWarnings("unchecked")
  private static void set(Map<String, Object> body, String path, Object value) {
    String[] parts = path.split("\\.");
    Map<String, Object> node = body;
    for (int i = 0; i < parts.length - 1; i++) {
      node = (Map<String, Object>) node.get(parts[i]);
    }
    if (value == REMOVE) {
      node.remove(parts[parts.length - 1]);
    } else {
      node.put(parts[parts.length - 1], value);
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> deepCopy(Map<String, Object> body) {
    try {
      return json.readValue(json.writeValueAsString(body), Map.class);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private String write(Object body) {
    try {
      return json.writeValueAsString(body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> candidate() {
    Map<String, Object> questionnaire = new LinkedHashMap<>(Map.of("position", "Заместитель директора", "schoolCode", "SCH-4217",
        "municipality", "Ижморский муниципальный округ", "experienceYears", 8, "education", "Высшее педагогическое",
        "motivation", "Хочу руководить школой"));
    Map<String, Object> body = new LinkedHashMap<>(Map.of("surname", "Орлова", "name", "Вера", "patronymic", "Ивановна",
        "birthDate", "1988-03-04", "snils", "087-654-303 00", "email", "orlova@example.ru", "phone", "+7 913 555-00-11"));
    body.put("questionnaire", questionnaire);
    return body;
  }

  private static Map<String, Object> nomination() {
    Map<String, Object> mentor = new LinkedHashMap<>(Map.of("surname", "Егорова", "name", "Марина", "patronymic", "Андреевна",
        "birthDate", "1978-06-02", "snils", "112-233-445 95", "email", "egorova@example.ru", "phone", "+7 913 555-40-50",
        "subject", "Физика", "experienceYears", 22, "qualificationCategory", "HIGHEST"));
    Map<String, Object> mentee = new LinkedHashMap<>(mentor);
    mentee.putAll(Map.of("surname", "Сидорова", "snils", "087-654-303 00", "birthDate", "2000-03-15", "experienceYears", 1,
        "qualificationCategory", "NONE", "email", "sidorova@example.ru"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("school", new LinkedHashMap<>(Map.of("code", "SCH-4217", "email", "school@example.ru")));
    body.put("mentor", mentor);
    body.put("mentees", new ArrayList<>(List.of(mentee)));
    body.put("plan", new LinkedHashMap<>(Map.of("goals", "Подготовить к аттестации", "startDate", "2027-03-01", "endDate", "2027-08-31")));
    body.put("fundingSource", "REGIONAL");
    return body;
  }

  private static Map<String, Object> opening() {
    return new LinkedHashMap<>(Map.of("schoolCode", "SCH-4217", "municipality", "Ижморский муниципальный округ",
        "schoolEmail", "school@example.ru", "academicYear", 2027));
  }
}
