package ru.kuzbass.edu.workflows.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.authorization.Permissions;
import org.operaton.bpm.engine.authorization.Resources;
import org.operaton.bpm.engine.identity.User;
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import ru.kuzbass.edu.workflows.developmentroute.Deficits;
import ru.kuzbass.edu.workflows.developmentroute.DevelopmentRoutes;
import ru.kuzbass.edu.workflows.developmentroute.EducationEvent;
import ru.kuzbass.edu.workflows.developmentroute.EventBank;
import ru.kuzbass.edu.workflows.platform.RegionTime;
import ru.kuzbass.edu.workflows.support.DatabaseCleaner;
import ru.kuzbass.edu.workflows.support.EmbeddedMariaDb;
import ru.kuzbass.edu.workflows.support.ProcessTest;

/**
 * The demo data loads the region's schools and this year's vacancy list once, from the domain figures.
 * The demo profile makes a Spring context of its own, with its own engine job executor and clock on
 * the shared database: left open, it would go on running the jobs of the test classes after this
 * one with its beans and its clock (a monitoring counted on the wrong day). It is closed after the class.
 */
@ActiveProfiles("demo")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DemoDataTest extends ProcessTest {

  @Autowired DemoData demoData;
  @Autowired EventBank eventBank;
  @Autowired Deficits deficits;

  /**
   * The demo profile seals SNILS with a key of its own, and its start-up re-seals every row under
   * that key: rows that the test class before this one left in the shared database are sealed with
   * the test profile's key, which the demo's context cannot open, so it would not start. A demo
   * starts on a database of its own; this one is emptied first (the engine's tables aside).
   */
  @BeforeAll
  static void startOnEmptyApplicationTables() throws SQLException {
    try (Connection connection = DriverManager.getConnection(EmbeddedMariaDb.jdbcUrl(), "root", "")) {
      JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
      boolean migrated = jdbc.sql("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'person'")
          .query(Integer.class).single() > 0;
      if (migrated) {
        DatabaseCleaner.clean(jdbc);
      }
    }
  }

  @Test
  void loadsOnceWithTheRegionsVacancyFigures() throws Exception {
    demoData.run(null);
    demoData.run(null); // a second start of the stack

    assertThat(count("SELECT COUNT(*) FROM municipality")).isEqualTo(34);
    assertThat(count("SELECT COUNT(*) FROM school")).isGreaterThan(34);
    assertThat(count("SELECT COUNT(*) FROM municipal_curator")).isEqualTo(34);
    // the settlement register of the living-cost compensation: one row per demo settlement, loaded once
    assertThat(count("SELECT COUNT(*) FROM settlement")).isEqualTo(43);
    assertThat(count("SELECT COUNT(*) FROM settlement WHERE code = '42-IZH-S1' AND type <> 'TOWN'")).isEqualTo(1);
    // every school has its head; a quarter of them (those with rising results) an alumnus of the platform besides
    assertThat(count("SELECT COUNT(DISTINCT school_code) FROM school_administration")).isEqualTo(count("SELECT COUNT(*) FROM school"));
    assertThat(count("""
        SELECT COUNT(*) FROM school_administration a WHERE a.rsv_alumnus
          AND (SELECT MAX(score) - MIN(score) FROM school_result r WHERE r.school_code = a.school_code) > 0
          AND NOT EXISTS (SELECT 1 FROM school_result r1 JOIN school_result r2 ON r2.school_code = r1.school_code AND r2.year = r1.year + 1
                          WHERE r1.school_code = a.school_code AND r2.score <= r1.score)""")).isEqualTo(count("SELECT COUNT(*) FROM school_administration WHERE rsv_alumnus")).isPositive();
    // 192 + 132 + 120 + 120 + 88 + 55 + 54 + 54 + 49 vacancies in the domain brief
    assertThat(count("SELECT SUM(places) FROM rural_grant_vacancy WHERE campaign_year = 2027")).isEqualTo(864);
    assertThat(count("SELECT SUM(places) FROM rural_grant_vacancy WHERE position = 'Учитель математики'")).isEqualTo(192);
    // only schools the grant applies to: settlements up to 50 000 people
    assertThat(count("""
        SELECT COUNT(*) FROM rural_grant_vacancy v JOIN school s ON s.code = v.school_code
        WHERE s.settlement_population > 50000""")).isZero();
    assertThat(count("SELECT COUNT(*) FROM rural_grant_vacancy WHERE school_code = '42-IZH-01' AND position = 'Учитель математики'"))
        .isEqualTo(1);
    // the bank of educational events: 14, of which one full and one ended are not available
    assertThat(count("SELECT COUNT(*) FROM education_event")).isEqualTo(14);
    assertThat(eventBank.search(new EventBank.Search(null, null, null, null, null, true), 0, EventBank.MAX_PAGE_SIZE).events())
        .extracting(EducationEvent::code).hasSize(12).doesNotContain("DEMO-PK-03", "DEMO-PK-05");
    // this year's olympiad list, published today, so that a demo claim is in its period
    assertThat(count("SELECT COUNT(*) FROM olympiad_result WHERE year = 2027 AND published_on = '" + START.toLocalDate() + "'")).isEqualTo(5);
  }

  /**
   * Three made-up teachers with two or three deficits each, loaded through the diagnosis import's
   * service; two of them have a route that waits at the questionnaire in Tasklist. A second start
   * of the stack adds no result, route or task.
   */
  @Test
  void loadsTheDiagnosisAndTwoRoutesWaitingAtTheQuestionnaireOnce() throws Exception {
    demoData.run(null);
    demoData.run(null); // a second start of the stack

    int year = RegionTime.today(clock).getYear();
    List<Long> teachers = jdbc.sql("SELECT DISTINCT person_id FROM competence_diagnosis WHERE year = ?").param(year).query(Long.class).list();
    assertThat(teachers).hasSize(3);
    assertThat(count("SELECT COUNT(*) FROM competence_diagnosis")).isEqualTo(3 * 5);
    for (long teacher : teachers) {
      assertThat(deficits.deficits(teacher, year)).as("deficits of teacher %d", teacher).hasSizeBetween(2, 3);
    }
    // their letters go to the local stack's inbox, never to a real address
    assertThat(jdbc.sql("SELECT email FROM person").query(String.class).list()).hasSize(3).allMatch(e -> e.endsWith("@example.ru"));
    // the routes' schools are demo schools
    assertThat(count("SELECT COUNT(*) FROM development_route r JOIN school s ON s.code = r.school_code")).isEqualTo(2);

    List<String> routes = jdbc.sql("SELECT case_number FROM development_route WHERE status = 'REQUESTS' AND year = ?").param(year)
        .query(String.class).list();
    assertThat(routes).hasSize(2);
    assertThat(count("SELECT COUNT(*) FROM development_route")).isEqualTo(2);
    List<Task> waiting = operaton.engine().getTaskService().createTaskQuery().processDefinitionKey(DevelopmentRoutes.PROCESS_ID).list();
    assertThat(waiting).hasSize(2).allSatisfy(t -> {
      assertThat(t.getTaskDefinitionKey()).isEqualTo("Task_FillProfessionalRequests");
      assertThat(t.getName()).isEqualTo("Анкета профессиональных запросов");
    });
    assertThat(operaton.engine().getTaskService().createTaskQuery().processInstanceBusinessKeyIn(routes.toArray(String[]::new)).count())
        .isEqualTo(2);
  }

  /** The demo's Tasklist and Cockpit log-ins, seeded in the engine's identity service at start-up. */
  @Test
  void seedsTheDemoLogInsOfTasklistAndCockpit() {
    IdentityService identity = operaton.engine().getIdentityService();
    assertThat(identity.checkPassword("demo", "demo")).isTrue();
    assertThat(identity.checkPassword("act", "act")).isTrue();
    assertThat(identity.checkPassword("auditor", "auditor")).isTrue();
    for (String group : List.of("hr-officers", "grant-commission", "school-heads", "budget-officers", "school-coordinators",
        "municipal-curators", "cadre-coordinators", "cadre-experts", "municipal-education-officers", "mentors",
        "regional-methodists")) {
      assertThat(identity.createUserQuery().memberOfGroup(group).list()).extracting(User::getId).contains("demo", "act");
      assertThat(operaton.engine().getAuthorizationService().isUserAuthorized("act", List.of(group), Permissions.ACCESS,
          Resources.APPLICATION, "tasklist")).as("Tasklist for %s", group).isTrue();
    }
    assertThat(operaton.engine().getAuthorizationService().isUserAuthorized("auditor", List.of("auditors"), Permissions.ACCESS,
        Resources.APPLICATION, "cockpit")).isTrue();
    assertThat(operaton.engine().getAuthorizationService().isUserAuthorized("auditor", List.of("auditors"), Permissions.ACCESS,
        Resources.APPLICATION, "tasklist")).isFalse();
  }

  private int count(String sql) {
    return jdbc.sql(sql).query(Integer.class).single();
  }
}
