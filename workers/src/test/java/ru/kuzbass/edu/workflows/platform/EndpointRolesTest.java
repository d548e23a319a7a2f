package ru.kuzbass.edu.workflows.platform;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import ru.kuzbass.edu.workflows.support.ApiUsers;
import ru.kuzbass.edu.workflows.support.ProcessTest;

/**
 * Every staff endpoint refuses the roles it should: no one anonymous (401), no auditor (403); HR
 * and ADMIN get past security (whatever the endpoint then says about the made-up data). The audit
 * endpoints have their own test (AuditAccessTest); the public intake is open to all.
 */
@Tag("reliability")
class EndpointRolesTest extends ProcessTest {

  /** The one staff endpoint that the reserve's experts read too. */
  static final String IDEA_BANK = "/api/cadre-reserve/ideas";

  @Autowired MockMvc mvc;

  static Stream<Arguments> staffEndpoints() {
    return Stream.of(
        Arguments.of(HttpMethod.POST, "/api/mentoring/nominations", "application/json"),
        Arguments.of(HttpMethod.GET, "/api/mentoring/nominations/НС-2027-000001", null),
        Arguments.of(HttpMethod.POST, "/api/mentoring/nominations/НС-2027-000001/termination", "application/json"),
        Arguments.of(HttpMethod.GET, "/api/mentoring/payroll/2027-09", null),
        Arguments.of(HttpMethod.POST, "/api/cadre-reserve/seasons", "application/json"),
        Arguments.of(HttpMethod.POST, "/api/cadre-reserve/2027/candidates/1/test-results", "application/json"),
        Arguments.of(HttpMethod.POST, "/api/cadre-reserve/2027/course-attendance", "application/json"),
        Arguments.of(HttpMethod.POST, "/api/cadre-reserve/2027/teams/1/project", "multipart/form-data"),
        Arguments.of(HttpMethod.GET, "/api/cadre-reserve/registry", null),
        Arguments.of(HttpMethod.PUT, "/api/cadre-reserve/registry/КР-2027-000001/plan-status", "application/json"),
        Arguments.of(HttpMethod.GET, IDEA_BANK, null),
        Arguments.of(HttpMethod.POST, "/api/schools/results", "application/json"),
        Arguments.of(HttpMethod.POST, "/api/schools/results", "text/csv"),
        Arguments.of(HttpMethod.POST, "/api/schools/administration", "application/json"),
        Arguments.of(HttpMethod.POST, "/api/schools/administration", "text/csv"),
        Arguments.of(HttpMethod.POST, "/api/pedagogical-classes/openings", "application/json"),
        Arguments.of(HttpMethod.POST, "/api/pedagogical-classes/campaigns/2027", "application/json"),
        Arguments.of(HttpMethod.GET, "/api/pedagogical-classes/summary", null),
        Arguments.of(HttpMethod.POST, "/api/development-routes/events", "application/json"),
        Arguments.of(HttpMethod.POST, "/api/development-routes/events", "text/csv"),
        Arguments.of(HttpMethod.GET, "/api/development-routes/events", null),
        Arguments.of(HttpMethod.POST, "/api/development-routes/diagnoses", "application/json"),
        Arguments.of(HttpMethod.POST, "/api/development-routes/diagnoses", "text/csv"),
        Arguments.of(HttpMethod.GET, "/api/development-routes/diagnoses/1?year=2027", null),
        Arguments.of(HttpMethod.POST, "/api/development-routes", "application/json"),
        Arguments.of(HttpMethod.GET, "/api/development-routes/ИОМ-2027-000001", null),
        Arguments.of(HttpMethod.PUT, "/api/development-routes/ИОМ-2027-000001/items/1", "application/json"),
        Arguments.of(HttpMethod.GET, "/api/development-routes/summary?year=2027", null),
        Arguments.of(HttpMethod.GET, "/api/development-routes/summary?year=2027&format=csv", null),
        Arguments.of(HttpMethod.POST, "/api/development-routes/teacher-headcounts", "application/json"),
        Arguments.of(HttpMethod.POST, "/api/development-routes/teacher-headcounts", "text/csv"),
        Arguments.of(HttpMethod.POST, "/api/olympiad-awards/results?publishedOn=2027-01-20", "text/csv"),
        Arguments.of(HttpMethod.POST, "/api/olympiad-awards/claims", "application/json"),
        Arguments.of(HttpMethod.GET, "/api/olympiad-awards/claims/ОЛ-2027-000001", null),
        Arguments.of(HttpMethod.POST, "/api/olympiad-awards/lists", "application/json"),
        Arguments.of(HttpMethod.GET, "/api/olympiad-awards/lists/ОЛП-2027-0001/order", null),
        Arguments.of(HttpMethod.GET, "/api/olympiad-awards/summary?year=2027", null),
        Arguments.of(HttpMethod.POST, "/api/young-teachers", "application/json"),
        Arguments.of(HttpMethod.GET, "/api/young-teachers/МП-2027-000001", null),
        Arguments.of(HttpMethod.POST, "/api/rural-grants/applications/ЗУ-2027-000001/departure", "application/json"),
        Arguments.of(HttpMethod.POST, "/api/rural-living-costs/enrolments/КЖ-2027-000001/departure", "application/json"),
        Arguments.of(HttpMethod.GET, "/api/rural-living-costs/claims/КЖМ-2027-000001/receipts/1", null),
        Arguments.of(HttpMethod.GET, "/api/rural-living-costs/summary?year=2027", null),
        Arguments.of(HttpMethod.POST, "/api/rural-living-costs/settlements", "application/json"),
        Arguments.of(HttpMethod.POST, "/api/rural-living-costs/settlements", "text/csv"));
  }

  @ParameterizedTest(name = "{0} {1} ({2})")
  @MethodSource("staffEndpoints")
  void staffOnly(HttpMethod method, String path, String contentType) throws Exception {
    assertThat(status(method, path, contentType, null)).as("anonymous").isEqualTo(401);
    assertThat(status(method, path, contentType, ApiUsers.auditor())).as("auditor").isEqualTo(403);
    assertThat(status(method, path, contentType, ApiUsers.hr())).as("HR").isNotIn(401, 403);
    assertThat(status(method, path, contentType, ApiUsers.admin())).as("ADMIN").isNotIn(401, 403);
  }

  /** An expert of the cadre reserve reads the idea bank, and nothing else of the staff API. */
  @ParameterizedTest(name = "{0} {1} ({2})")
  @MethodSource("staffEndpoints")
  void expertReadsTheIdeaBankOnly(HttpMethod method, String path, String contentType) throws Exception {
    assertThat(status(method, path, contentType, ApiUsers.expert())).as("expert").isEqualTo(path.equals(IDEA_BANK) ? 200 : 403);
  }

  /** The engine's REST API answers no one but ADMIN; unauthenticated, it would skip every authorization check. */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("engineRestEndpoints")
  void engineRestAdminOnly(HttpMethod method, String path, String contentType) throws Exception {
    assertThat(status(method, path, contentType, null)).as("anonymous").isEqualTo(401);
    assertThat(status(method, path, contentType, ApiUsers.auditor())).as("auditor").isEqualTo(403);
    assertThat(status(method, path, contentType, ApiUsers.hr())).as("HR").isEqualTo(403);
    assertThat(status(method, path, contentType, ApiUsers.admin())).as("ADMIN").isNotIn(401, 403);
  }

  static Stream<Arguments> engineRestEndpoints() {
    return Stream.of(
        Arguments.of(HttpMethod.GET, "/engine-rest/user", null),
        Arguments.of(HttpMethod.GET, "/engine-rest/process-instance", null),
        Arguments.of(HttpMethod.POST, "/engine-rest/process-definition/key/pedagogical-class-opening/start", "application/json"));
  }

  private int status(HttpMethod method, String path, String contentType, RequestPostProcessor user) throws Exception {
    MockHttpServletRequestBuilder request = request(method, path);
    if (contentType != null) {
      request.contentType(contentType).content(contentType.equals("application/json") ? "{}" : "");
    }
    if (user != null) {
      request.with(user);
    }
    return mvc.perform(request).andReturn().getResponse().getStatus();
  }
}
