package ru.kuzbass.edu.workflows.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.authorization.Permissions;
import org.operaton.bpm.engine.authorization.Resources;
import org.operaton.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;
import ru.kuzbass.edu.workflows.support.ProcessTest;

/** The demo data loads the region's schools and this year's vacancy list once, from the domain figures. */
@ActiveProfiles("demo")
class DemoDataTest extends ProcessTest {

  @Autowired DemoData demoData;

  @Test
  void loadsOnceWithTheRegionsVacancyFigures() throws Exception {
    demoData.run(null);
    demoData.run(null); // a second start of the stack

    assertThat(count("SELECT COUNT(*) FROM municipality")).isEqualTo(34);
    assertThat(count("SELECT COUNT(*) FROM school")).isGreaterThan(34);
    assertThat(count("SELECT COUNT(*) FROM municipal_curator")).isEqualTo(34);
    // 192 + 132 + 120 + 120 + 88 + 55 + 54 + 54 + 49 vacancies in the domain brief
    assertThat(count("SELECT SUM(places) FROM rural_grant_vacancy WHERE campaign_year = 2027")).isEqualTo(864);
    assertThat(count("SELECT SUM(places) FROM rural_grant_vacancy WHERE position = 'Учитель математики'")).isEqualTo(192);
    // only schools the grant applies to: settlements up to 50 000 people
    assertThat(count("""
        SELECT COUNT(*) FROM rural_grant_vacancy v JOIN school s ON s.code = v.school_code
        WHERE s.settlement_population > 50000""")).isZero();
    assertThat(count("SELECT COUNT(*) FROM rural_grant_vacancy WHERE school_code = '42-IZH-01' AND position = 'Учитель математики'"))
        .isEqualTo(1);
  }

  /** The demo's Tasklist and Cockpit log-ins, seeded in the engine's identity service at start-up. */
  @Test
  void seedsTheDemoLogInsOfTasklistAndCockpit() {
    IdentityService identity = operaton.engine().getIdentityService();
    assertThat(identity.checkPassword("demo", "demo")).isTrue();
    assertThat(identity.checkPassword("act", "act")).isTrue();
    assertThat(identity.checkPassword("auditor", "auditor")).isTrue();
    for (String group : List.of("hr-officers", "grant-commission", "school-heads", "budget-officers", "school-coordinators",
        "municipal-curators", "cadre-coordinators", "cadre-experts", "municipal-education-officers", "mentors")) {
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
