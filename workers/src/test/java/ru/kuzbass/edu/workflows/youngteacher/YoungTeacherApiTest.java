package ru.kuzbass.edu.workflows.youngteacher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import ru.kuzbass.edu.workflows.support.ApiUsers;
import ru.kuzbass.edu.workflows.support.ProcessTest;
import ru.kuzbass.edu.workflows.support.TestSnils;

/**
 * Who {@code POST /api/young-teachers} admits, on the tests' start date 1 February 2027: younger than
 * {@code max-age} (35) and at most {@code max-experience-years} (3) of experience, both at their
 * boundary, in a school of a pilot municipality, one open case per teacher; a refusal names its
 * field and writes nothing.
 */
class YoungTeacherApiTest extends ProcessTest {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;

  @BeforeEach
  void directory() {
    YoungTeacherFixtures.seedSchools(jdbc);
  }

  @Test
  void ageUnder35OnTheStartDate() throws Exception {
    // 34 years and 364 days: admitted
    post(YoungTeacherFixtures.with("birthDate", "1992-02-02")).andExpect(status().isCreated());
    // 35 years that day: refused
    Map<String, Object> thirtyFive = YoungTeacherFixtures.with("birthDate", "1992-02-01");
    thirtyFive.put("snils", TestSnils.valid(502));
    refused(thirtyFive, "birthDate", "в возрасте до 35 лет");
  }

  @Test
  void experienceOfAtMostThreeYears() throws Exception {
    // exactly 3 years: admitted
    post(YoungTeacherFixtures.with("experienceStartDate", "2024-02-01")).andExpect(status().isCreated());
    // 3 years and a day: refused
    Map<String, Object> longer = YoungTeacherFixtures.with("experienceStartDate", "2024-01-31");
    longer.put("snils", TestSnils.valid(502));
    refused(longer, "experienceStartDate", "не более 3 лет");
  }

  @Test
  void schoolOutsideThePilotIsRefused() throws Exception {
    refused(YoungTeacherFixtures.with("schoolCode", YoungTeacherFixtures.OTHER_SCHOOL), "schoolCode", "не участвует в пилотном проекте");
    refused(YoungTeacherFixtures.with("schoolCode", "SCH-0000"), "schoolCode", "не найдена в справочнике школ");
  }

  @Test
  void oneOpenCasePerTeacher() throws Exception {
    post(YoungTeacherFixtures.request()).andExpect(status().isCreated());
    post(YoungTeacherFixtures.request()).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("snils")).andExpect(jsonPath("$.detail", Matchers.containsString("уже сопровождается")));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM young_teacher_case").query(Integer.class).single()).isEqualTo(1);
  }

  @Test
  void badInputIsRefusedNamingTheField() throws Exception {
    Map<String, Object> noPost = YoungTeacherFixtures.request();
    noPost.remove("post");
    post(noPost).andExpect(status().isBadRequest());
    post(YoungTeacherFixtures.with("snils", "123-456-789 00")).andExpect(status().isBadRequest());
    post(YoungTeacherFixtures.with("extra", "x")).andExpect(status().isBadRequest());
    assertThat(jdbc.sql("SELECT COUNT(*) FROM person").query(Integer.class).single()).isZero();
  }

  private void refused(Map<String, Object> body, String field, String detail) throws Exception {
    post(body).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value(field))
        .andExpect(jsonPath("$.detail", Matchers.containsString(detail)));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM person WHERE snils_index = ?").param(cipher.index(String.valueOf(body.get("snils"))))
        .query(Integer.class).single()).as("a refusal writes nothing").isZero();
  }

  private ResultActions post(Map<String, Object> body) throws Exception {
    return mvc.perform(MockMvcRequestBuilders.post("/api/young-teachers")
        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)).with(ApiUsers.hr()));
  }
}
