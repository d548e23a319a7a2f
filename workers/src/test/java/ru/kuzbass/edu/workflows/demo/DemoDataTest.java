package ru.kuzbass.edu.workflows.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
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

  private int count(String sql) {
    return jdbc.sql(sql).query(Integer.class).single();
  }
}
