package ru.kuzbass.edu.workflows.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ru.kuzbass.edu.workflows.developmentroute.Competence;
import ru.kuzbass.edu.workflows.developmentroute.DevelopmentRoutes;
import ru.kuzbass.edu.workflows.developmentroute.DiagnosisResult;
import ru.kuzbass.edu.workflows.developmentroute.Diagnoses;
import ru.kuzbass.edu.workflows.developmentroute.EducationEvent;
import ru.kuzbass.edu.workflows.developmentroute.EventBank;
import ru.kuzbass.edu.workflows.developmentroute.EventKind;
import ru.kuzbass.edu.workflows.developmentroute.RouteOrigin;
import ru.kuzbass.edu.workflows.developmentroute.RouteStart;
import ru.kuzbass.edu.workflows.olympiadaward.OlympiadResults;
import ru.kuzbass.edu.workflows.platform.RegionTime;
import ru.kuzbass.edu.workflows.ruralgrant.SettlementType;

/**
 * Demo data for the local stack (profile {@code demo}): the region's municipalities with a few
 * schools each, this year's rural-grant vacancy list spread from the region's vacancy figures, the
 * settlement register, a small bank of educational events, three teachers' diagnosis results, two
 * of whose development routes wait at the questionnaire in Tasklist, and this year's list of
 * olympiad winners and prize-winners.
 * It loads once: a second start finds the data and leaves it alone. The demo applications come
 * through the public API from the local-stack launcher, once Tasklist knows the forms.
 */
@Component
@Profile("demo")
public class DemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);
  private static final int MAX_ELIGIBLE_POPULATION = 50_000;

  private final JdbcClient jdbc;
  private final Clock clock;
  private final EventBank events;
  private final Diagnoses diagnoses;
  private final DevelopmentRoutes routes;
  private final TransactionTemplate transaction;
  private final OlympiadResults olympiadResults;

  public DemoData(JdbcClient jdbc, Clock clock, EventBank events, Diagnoses diagnoses, DevelopmentRoutes routes,
      TransactionTemplate transaction, OlympiadResults olympiadResults) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.events = events;
    this.diagnoses = diagnoses;
    this.routes = routes;
    this.transaction = transaction;
    this.olympiadResults = olympiadResults;
  }

  record Settlement(String municipalityCode, String municipality, String name, SettlementType type, int population) {}

  record School(String code, Settlement settlement) {}

  @Override
  public void run(ApplicationArguments args) {
    int year = RegionTime.today(clock).getYear();
    List<School> schools = schools();
    if (jdbc.sql("SELECT COUNT(*) FROM municipality").query(Integer.class).single() == 0) {
      loadSchools(schools);
    }
    if (jdbc.sql("SELECT COUNT(*) FROM settlement").query(Integer.class).single() == 0) {
      loadSettlements();
    }
    if (jdbc.sql("SELECT COUNT(*) FROM municipal_curator").query(Integer.class).single() == 0) {
      loadCurators(schools);
    }
    if (jdbc.sql("SELECT COUNT(*) FROM rural_grant_vacancy WHERE campaign_year = ?").param(year).query(Integer.class).single() == 0) {
      loadVacancies(year, schools);
    }
    // schools loaded before the directory had e-mail addresses get theirs
    schools.forEach(s -> jdbc.sql("UPDATE school SET email = ? WHERE code = ? AND email IS NULL").params(email(s), s.code()).update());
    if (jdbc.sql("SELECT COUNT(*) FROM school_result").query(Integer.class).single() == 0) {
      LocalDate today = RegionTime.today(clock);
      loadSchoolResults(today.isAfter(LocalDate.of(year, 4, 30)) ? year + 1 : year, schools);
    }
    if (jdbc.sql("SELECT COUNT(*) FROM education_event").query(Integer.class).single() == 0) {
      loadEducationEvents(RegionTime.today(clock));
    }
    if (jdbc.sql("SELECT COUNT(*) FROM olympiad_result").query(Integer.class).single() == 0) {
      loadOlympiadResults(RegionTime.today(clock));
    }
    if (jdbc.sql("SELECT COUNT(*) FROM competence_diagnosis").query(Integer.class).single() == 0) {
      // the results and the routes in one transaction (the engine's too): a failed start leaves nothing, and the next start loads all
      transaction.executeWithoutResult(t -> loadDevelopmentRoutes(year));
    }
  }

  /**
   * The demo teachers' diagnosis results of the year, through the same service as the import, and
   * the routes of those the file marks: each waits at «Анкета профессиональных запросов».
   */
  private void loadDevelopmentRoutes(int year) {
    Competence[] columns = {Competence.SUBJECT, Competence.METHODICAL, Competence.PSYCHOLOGICAL_PEDAGOGICAL, Competence.COMMUNICATIVE,
        Competence.DIGITAL};
    List<String> started = new ArrayList<>();
    for (String[] r : csv("demo/development-route-teachers.csv")) {
      List<DiagnosisResult> results = new ArrayList<>();
      for (int c = 0; c < columns.length; c++) {
        results.add(new DiagnosisResult(r[0], r[1], r[2], r[3], LocalDate.parse(r[4]), r[5], r[6], r[7], year, columns[c],
            new BigDecimal(r[8 + c])));
      }
      long personId = diagnoses.store(results).personIds().getFirst();
      if ("yes".equals(r[13])) {
        started.add(routes.start(new RouteStart(personId, year, r[7], RouteOrigin.SELF, null)));
      }
    }
    log.info("Demo data: diagnosis results of {}, development routes {}", year, started);
  }

  /**
   * A small bank of educational events around today: mostly upcoming, one ended and one full, so
   * that a search for available events leaves some out.
   */
  private void loadEducationEvents(LocalDate today) {
    List<EducationEvent> bank = new ArrayList<>();
    for (String[] r : csv("demo/education-events.csv")) {
      LocalDate starts = today.plusDays(Integer.parseInt(r[6]));
      bank.add(new EducationEvent(r[0], r[1], Competence.valueOf(r[2]), EventKind.valueOf(r[3]), r[4], r[5], starts,
          r[7].isEmpty() ? null : starts.plusDays(Integer.parseInt(r[7]) - 1), Integer.parseInt(r[8]),
          r[9].isEmpty() ? null : Integer.valueOf(r[9]), Integer.valueOf(r[10]), r[11].isEmpty() ? null : r[11]));
    }
    log.info("Demo data: {} educational events", events.store(bank));
  }

  /** This year's official list of olympiad winners and prize-winners, published today: the claim period is open. */
  private void loadOlympiadResults(LocalDate today) {
    try {
      String list = new ClassPathResource("demo/olympiad-results.csv").getContentAsString(StandardCharsets.UTF_8);
      log.info("Demo data: {} olympiad results", olympiadResults.importCsv(list.replace("{year}", String.valueOf(today.getYear())), today));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read demo/olympiad-results.csv", e);
    }
  }

  private static String email(School s) {
    return "school-" + s.code().toLowerCase() + "@example.ru";
  }

  /**
   * The three years of results before the open cadre-reserve season for every school, in four
   * patterns by turn: rising (an internship school), flat, unstable and persistently low (project schools).
   */
  private void loadSchoolResults(int season, List<School> schools) {
    int[][] patterns = {{62, 66, 71}, {70, 70, 70}, {55, 63, 52}, {41, 38, 44}};
    for (int i = 0; i < schools.size(); i++) {
      int[] p = patterns[i % patterns.length];
      for (int y = 0; y < 3; y++) {
        jdbc.sql("INSERT INTO school_result (school_code, year, score, imported_at) VALUES (?, ?, ?, ?)")
            .params(schools.get(i).code(), season - 3 + y, p[y], LocalDateTime.now(clock.withZone(ZoneOffset.UTC))).update();
      }
    }
    log.info("Demo data: school results {}–{} for {} schools", season - 3, season - 1, schools.size());
    loadSchoolAdministrations(schools);
  }

  /**
   * Each school's head, and in the schools with rising results a deputy who was a finalist of a
   * «Россия – страна возможностей» project: so the demo season proposes internship schools, and its
   * level-3 teams show an administrative team. The names are made up.
   */
  private void loadSchoolAdministrations(List<School> schools) {
    String[] heads = {"Смирнова Елена Викторовна", "Кузнецов Андрей Петрович", "Попова Ирина Сергеевна", "Васильев Олег Николаевич"};
    LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    String insert = "INSERT INTO school_administration (school_code, full_name, position, rsv_alumnus, imported_at) VALUES (?, ?, ?, ?, ?)";
    for (int i = 0; i < schools.size(); i++) {
      jdbc.sql(insert).params(schools.get(i).code(), heads[i % heads.length], "директор", false, now).update();
      if (i % 4 == 0) {
        jdbc.sql(insert).params(schools.get(i).code(), "Морозова Анна Игоревна", "заместитель директора по УВР", true, now).update();
      }
    }
  }

  private void loadSchools(List<School> schools) {
    Map<String, String> municipalities = new LinkedHashMap<>();
    schools.forEach(s -> municipalities.putIfAbsent(s.settlement().municipalityCode(), s.settlement().municipality()));
    municipalities.forEach((code, name) ->
        jdbc.sql("INSERT INTO municipality (code, name) VALUES (?, ?)").params(code, name).update());
    for (School s : schools) {
      Settlement t = s.settlement();
      jdbc.sql("""
              INSERT INTO school (code, name, municipality_code, settlement_name, settlement_type, settlement_population, email)
              VALUES (?, ?, ?, ?, ?, ?, ?)""")
          .params(s.code(), "МБОУ «Средняя общеобразовательная школа № " + s.code().substring(s.code().lastIndexOf('-') + 1)
              + "», " + t.name(), t.municipalityCode(), t.name(), t.type().name(), t.population(), email(s))
          .update();
    }
    log.info("Demo data: {} municipalities, {} schools", municipalities.size(), schools.size());
  }

  /**
   * The settlement register of the living-cost compensation: the demo settlements, coded by
   * municipality in turn (42-IZH-S1), so that an application can name where the teacher lives.
   */
  private void loadSettlements() {
    Map<String, Integer> numbers = new LinkedHashMap<>();
    List<String[]> rows = csv("demo/settlements.csv");
    for (String[] row : rows) {
      int number = numbers.merge(row[0], 1, Integer::sum);
      jdbc.sql("INSERT INTO settlement (code, name, municipality_code, type, population, imported_at) VALUES (?, ?, ?, ?, ?, ?)")
          .params("42-%s-S%d".formatted(row[0], number), row[2], row[0], row[3], Integer.parseInt(row[4]),
              LocalDateTime.now(clock.withZone(ZoneOffset.UTC)))
          .update();
    }
    log.info("Demo data: {} settlements in the settlement register", rows.size());
  }

  /** One municipal curator per municipality, reachable in the demo mail inbox. */
  private void loadCurators(List<School> schools) {
    schools.stream().map(s -> s.settlement()).map(t -> List.of(t.municipalityCode(), t.municipality())).distinct().forEach(m ->
        jdbc.sql("INSERT INTO municipal_curator (municipality, curator_name, email) VALUES (?, ?, ?)")
            .params(m.get(1), "Куратор: " + m.get(1), "curator-" + m.get(0).toLowerCase() + "@example.ru").update());
  }

  /** Spreads each subject's regional vacancy count over the schools the grant applies to, in turn. */
  private void loadVacancies(int year, List<School> schools) {
    List<School> eligible = schools.stream().filter(s -> s.settlement().population() <= MAX_ELIGIBLE_POPULATION).toList();
    int offset = 0;
    int total = 0;
    for (String[] row : csv("demo/vacancies.csv")) {
      String position = row[0];
      int count = Integer.parseInt(row[1]);
      for (int i = 0; i < count; i++) {
        School school = eligible.get((offset + i) % eligible.size());
        jdbc.sql("""
                INSERT INTO rural_grant_vacancy (campaign_year, school_code, position, places) VALUES (?, ?, ?, 1)
                ON DUPLICATE KEY UPDATE places = places + 1""")
            .params(year, school.code(), position).update();
      }
      offset++;
      total += count;
    }
    log.info("Demo data: {} rural-grant vacancies for {} across {} schools", total, year, eligible.size());
  }

  /** One school per small settlement, three in each large town; codes look like 42-IZH-01. */
  static List<School> schools() {
    List<School> schools = new ArrayList<>();
    Map<String, Integer> numbers = new LinkedHashMap<>();
    for (String[] row : csv("demo/settlements.csv")) {
      Settlement s = new Settlement(row[0], row[1], row[2], SettlementType.valueOf(row[3]), Integer.parseInt(row[4]));
      int count = s.population() > MAX_ELIGIBLE_POPULATION ? 3 : 1;
      for (int i = 0; i < count; i++) {
        int number = numbers.merge(s.municipalityCode(), 1, Integer::sum);
        schools.add(new School("42-%s-%02d".formatted(s.municipalityCode(), number), s));
      }
    }
    return schools;
  }

  private static List<String[]> csv(String resource) {
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          rows.add(line.split(";", -1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
    return rows;
  }
}
