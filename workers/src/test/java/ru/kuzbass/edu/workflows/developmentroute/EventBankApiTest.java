package ru.kuzbass.edu.workflows.developmentroute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import ru.kuzbass.edu.workflows.support.ApiUsers;
import ru.kuzbass.edu.workflows.support.ProcessTest;

/** The bank of educational events: import as CSV or JSON, re-import by code, refusals, search and what may be proposed. */
class EventBankApiTest extends ProcessTest {

  private static final String PATH = "/api/development-routes/events";
  /** The tests' today, in the region: {@link ProcessTest#START}. */
  private static final LocalDate TODAY = START.toLocalDate();

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired EventBank bank;

  @Test
  void csvAndJsonImportAndAReimportByCodeUpdatesTheRow() throws Exception {
    csv(EventBankController.CSV_HEADER + "\n"
        + "PK-101,\"Формирующее оценивание, практикум\",METHODICAL,FORMAL,курс ПК,ГАУ ДПО КРИПКиПРО,2027-02-10,2027-02-20,36,25,,\n"
        + "SE-7,Самообразование: цифровые инструменты учителя,DIGITAL,INFORMAL,,ИРО Кузбасса,2027-01-15,,12,,,NVK\n")
        .andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(2));
    importJson(event("K-55", Competence.COMMUNICATIVE, EventKind.NON_FORMAL, "2027-03-01", "2027-03-02", 30, 3))
        .andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(1));
    importJson(List.of(event("K-56", Competence.SUBJECT, EventKind.NON_FORMAL, "2027-04-01", "2027-04-03", 30, null),
        event("K-57", Competence.SUBJECT, EventKind.FORMAL, "2027-05-01", "2027-06-30", 250, 40)))
        .andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(2));
    jdbc.sql("UPDATE education_event SET enrolled = 7 WHERE code = 'PK-101'").update();

    csv(EventBankController.CSV_HEADER + "\n"
        + "PK-101,\"Формирующее оценивание: практикум \"\"Шаг\"\"\",METHODICAL,FORMAL,курс ПК,ГАУ ДПО КРИПКиПРО,2027-02-11,2027-02-21,40,30,,\n")
        .andExpect(status().isOk());

    assertThat(count("SELECT COUNT(*) FROM education_event")).isEqualTo(5);
    EducationEvent updated = bank.search(new EventBank.Search(null, null, null, null, "PK-101", false), 0, 10).events().getFirst();
    assertThat(updated.title()).isEqualTo("Формирующее оценивание: практикум \"Шаг\"");
    assertThat(updated.startsOn()).isEqualTo(LocalDate.of(2027, 2, 11));
    assertThat(updated.hours()).isEqualTo(40);
    assertThat(updated.capacity()).isEqualTo(30);
    assertThat(updated.enrolled()).as("places taken stay when the import names none").isEqualTo(7);
    EducationEvent informal = bank.search(new EventBank.Search(null, null, null, null, "SE-7", false), 0, 10).events().getFirst();
    assertThat(informal.endsOn()).isNull();
    assertThat(informal.capacity()).isNull();
    assertThat(informal.municipalityCode()).isEqualTo("NVK");
  }

  @Test
  void aBadCsvRowImportsNothingAndNamesItsLineAndField() throws Exception {
    String good = "PK-1,Курс,SUBJECT,FORMAL,,КРИПКиПРО,2027-03-01,2027-03-05,36,20,,\n";
    csv(EventBankController.CSV_HEADER + "\n" + good + "PK-2,Курс,HISTORY,FORMAL,,КРИПКиПРО,2027-03-01,2027-03-05,36,20,,\n")
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("events[1].competence"))
        .andExpect(jsonPath("$.errors[0].message").value(startsWith("строка 3: ожидается компетенция")));
    csv(EventBankController.CSV_HEADER + "\n" + good + "\n" + "PK-2,Курс,SUBJECT,FORMAL,,КРИПКиПРО,2027-03-05,2027-03-04,36,20,,\n")
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("events[1].endsOn"))
        .andExpect(jsonPath("$.errors[0].message").value("строка 4: Дата окончания раньше даты начала"));
    csv(EventBankController.CSV_HEADER + "\n" + good + "PK-2,Курс,SUBJECT,FORMAL,,КРИПКиПРО,2027-03-01,2027-03-05,-1,20,,\n")
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("events[1].hours"));
    csv(EventBankController.CSV_HEADER + "\n" + good + "PK-2,\"Курс, без конца,SUBJECT,FORMAL,,КРИПКиПРО,2027-03-01,2027-03-05,36,20,,\n")
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("events[1].code"))
        .andExpect(jsonPath("$.errors[0].message").value(startsWith("строка 3: ожидается код, название")));
    csv("code,title\nPK-1,Курс\n").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("body"));
    assertThat(count("SELECT COUNT(*) FROM education_event")).isZero();
  }

  @Test
  void badJsonIsRefusedNamingTheFieldInRussianAndTheLimitsHold() throws Exception {
    List<Bad> cases = List.of(
        new Bad("competence", "HISTORY", "events[0].competence"),
        new Bad("hours", -1, "events[0].hours"),
        new Bad("hours", EducationEvent.MAX_HOURS + 1, "events[0].hours"),
        new Bad("capacity", -1, "events[0].capacity"),
        new Bad("capacity", 0, "events[0].capacity"),
        new Bad("endsOn", "2027-02-28", "events[0].endsOn"),
        new Bad("endsOn", null, "events[0].endsOn"),
        new Bad("enrolled", 21, "events[0].enrolled"),
        new Bad("title", "Курс <script>", "events[0].title"));
    for (Bad bad : cases) {
      Map<String, Object> event = event("J-1", Competence.SUBJECT, EventKind.FORMAL, "2027-03-01", "2027-03-05", 36, 20);
      event.put(bad.field(), bad.value());
      importJson(event).andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors[0].field").value(bad.named()))
          .andExpect(jsonPath("$.errors[0].message").value(matchesPattern("[^a-z]*[А-Яа-я].*")));
    }
    importJson(List.of(event("J-0", Competence.SUBJECT, EventKind.FORMAL, "2027-03-01", "2027-03-05", 36, 20),
        event("J-1", Competence.SUBJECT, EventKind.FORMAL, "2027-03-05", "2027-03-04", 36, 20)))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("events[1].endsOn"));
    assertThat(count("SELECT COUNT(*) FROM education_event")).as("one bad event of a list imports nothing").isZero();
    importJson(event("J-1", Competence.SUBJECT, EventKind.FORMAL, "2027-03-01", "2027-03-01", EducationEvent.MAX_HOURS, 20))
        .andExpect(status().isOk());
    mvc.perform(get(PATH).param("competence", "HISTORY").with(ApiUsers.hr()))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("competence"));
    mvc.perform(get(PATH).param("from", "01.03.2027").with(ApiUsers.hr()))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"));
    mvc.perform(get(PATH).param("size", String.valueOf(EventBank.MAX_PAGE_SIZE + 1)).with(ApiUsers.hr()))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("size"));
    mvc.perform(get(PATH).param("size", String.valueOf(EventBank.MAX_PAGE_SIZE)).with(ApiUsers.hr())).andExpect(status().isOk());
  }

  @Test
  void theSearchFiltersByCompetenceKindDatesAndText() throws Exception {
    importJson(List.of(
        event("A", Competence.DIGITAL, EventKind.FORMAL, "2027-03-01", "2027-03-10", 36, 20),
        event("B", Competence.DIGITAL, EventKind.NON_FORMAL, "2027-04-01", "2027-04-02", 16, 20),
        event("C", Competence.METHODICAL, EventKind.FORMAL, "2027-05-01", "2027-05-31", 72, 20),
        event("D", Competence.DIGITAL, EventKind.INFORMAL, "2027-01-10", null, 10, null))).andExpect(status().isOk());

    assertThat(codes("competence", "DIGITAL")).containsExactly("D", "A", "B");
    assertThat(codes("competence", "DIGITAL", "kind", "FORMAL")).containsExactly("A");
    // takes place at least partly within 10–31 March: A ends on the 10th, D has no end; B and C start later
    assertThat(codes("from", "2027-03-10", "to", "2027-03-31")).containsExactly("D", "A");
    assertThat(codes("from", "2027-03-11", "to", "2027-03-31")).containsExactly("D");
    assertThat(codes("from", "2027-04-01")).containsExactly("D", "B", "C");
    assertThat(codes("to", "2027-03-01")).containsExactly("D", "A");
    assertThat(codes("q", "событие b")).containsExactly("B");
    assertThat(codes("q", "ИРО КУЗБАССА")).containsExactly("D", "A", "B", "C");
    assertThat(codes("q", "%")).isEmpty();

    JsonNode page = read(mvc.perform(get(PATH).param("size", "2").param("page", "1").with(ApiUsers.hr())).andExpect(status().isOk()));
    assertThat(page.get("total").asLong()).isEqualTo(4);
    assertThat(page.get("events").findValuesAsText("code")).containsExactly("B", "C");
  }

  @Test
  void aFullOrEndedEventIsNeitherAvailableNorProposedAndOnePlaceLeftIs() throws Exception {
    importJson(List.of(
        event("FULL", Competence.SUBJECT, EventKind.FORMAL, "2027-03-01", "2027-03-10", 36, 20),
        event("LAST-PLACE", Competence.SUBJECT, EventKind.FORMAL, "2027-02-15", "2027-03-10", 36, 20),
        event("ENDED", Competence.SUBJECT, EventKind.NON_FORMAL, "2027-01-20", TODAY.minusDays(1).toString(), 8, null),
        event("ENDS-TODAY", Competence.SUBJECT, EventKind.NON_FORMAL, "2027-01-20", TODAY.toString(), 8, null),
        event("SELF", Competence.SUBJECT, EventKind.INFORMAL, "2027-01-01", null, 20, null),
        event("OTHER", Competence.DIGITAL, EventKind.FORMAL, "2027-03-01", "2027-03-10", 36, null))).andExpect(status().isOk());
    jdbc.sql("UPDATE education_event SET enrolled = 20 WHERE code = 'FULL'").update();
    jdbc.sql("UPDATE education_event SET enrolled = 19 WHERE code = 'LAST-PLACE'").update();

    assertThat(codes("competence", "SUBJECT")).containsExactly("SELF", "ENDED", "ENDS-TODAY", "LAST-PLACE", "FULL");
    assertThat(codes("competence", "SUBJECT", "available", "true")).containsExactly("SELF", "ENDS-TODAY", "LAST-PLACE");
    assertThat(bank.proposable(Competence.SUBJECT, TODAY, TODAY.plusMonths(6))).extracting(EducationEvent::code)
        .containsExactly("SELF", "ENDS-TODAY", "LAST-PLACE");
    assertThat(bank.proposable(Competence.SUBJECT, LocalDate.of(2027, 3, 11), TODAY.plusMonths(6))).extracting(EducationEvent::code)
        .as("the period is after the courses").containsExactly("SELF");
  }

  /** An event of the tests: the provider is the regional institute, the title names the code. */
  private static Map<String, Object> event(String code, Competence competence, EventKind kind, String startsOn,
      String endsOn, int hours, Integer capacity) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("code", code);
    event.put("title", "Событие " + code);
    event.put("competence", competence);
    event.put("kind", kind);
    event.put("provider", "ИРО Кузбасса");
    event.put("startsOn", startsOn);
    event.put("endsOn", endsOn);
    event.put("hours", hours);
    event.put("capacity", capacity);
    return event;
  }

  /** A field set to a value, and the field the refusal must name. */
  private record Bad(String field, Object value, String named) {}

  private List<String> codes(String... params) throws Exception {
    var request = get(PATH).with(ApiUsers.hr());
    for (int i = 0; i < params.length; i += 2) {
      request.param(params[i], params[i + 1]);
    }
    return read(mvc.perform(request).andExpect(status().isOk())).get("events").findValuesAsText("code");
  }

  private ResultActions importJson(Object events) throws Exception {
    return mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON)
        .content(json.writeValueAsString(Map.of("events", events))).with(ApiUsers.hr()));
  }

  private ResultActions csv(String csv) throws Exception {
    return mvc.perform(post(PATH).contentType("text/csv").content(csv.getBytes(StandardCharsets.UTF_8)).with(ApiUsers.hr()));
  }

  private JsonNode read(ResultActions result) throws Exception {
    return json.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
  }

  private int count(String sql) {
    return jdbc.sql(sql).query(Integer.class).single();
  }
}
