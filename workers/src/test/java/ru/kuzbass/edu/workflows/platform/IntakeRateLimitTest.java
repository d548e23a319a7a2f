package ru.kuzbass.edu.workflows.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The public intake is limited per IP; other addresses, staff and other endpoints are not. */
@Tag("reliability")
class IntakeRateLimitTest {

  private final IntakeRateLimit limit = new IntakeRateLimit(new IntakeRateLimit.IntakeLimitProperties(3, Duration.ofMinutes(1)),
      new ObjectMapper());

  @Test
  void theFourthApplicationFromOneAddressWithinAMinuteIsRefused() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(post("/api/rural-grants/applications", "10.0.0.1", null).getStatus()).isEqualTo(200);
    }
    MockHttpServletResponse refused = post("/api/rural-grants/applications", "10.0.0.1", null);
    assertThat(refused.getStatus()).isEqualTo(429);
    assertThat(refused.getContentType()).startsWith("application/problem+json");
    assertThat(refused.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("Слишком много запросов");
    assertThat(Integer.parseInt(refused.getHeader("Retry-After"))).isBetween(1, 60);
    assertThat(post("/api/cadre-reserve/2027/candidates", "10.0.0.1", null).getStatus()).as("the same address, the other intake").isEqualTo(429);

    assertThat(post("/api/rural-grants/applications", "10.0.0.2", null).getStatus()).as("another address").isEqualTo(200);
    assertThat(post("/api/rural-grants/applications", "10.0.0.1", "Basic aHI6aHI=").getStatus()).as("staff").isEqualTo(200);
    assertThat(post("/api/mentoring/nominations", "10.0.0.1", null).getStatus()).as("not the public intake").isEqualTo(200);
  }

  @Test
  void letterChecksCountWithTheIntake() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(request("GET", "/api/audit/letters/7K2M-QX9D-4HTB", "10.0.0.3", null).getStatus()).isEqualTo(200);
    }
    assertThat(request("GET", "/api/audit/letters/7K2M-QX9D-4HTB", "10.0.0.3", null).getStatus()).isEqualTo(429);
    assertThat(post("/api/rural-grants/applications", "10.0.0.3", null).getStatus()).as("the same address applying").isEqualTo(429);
    assertThat(request("GET", "/api/audit/cases/ЗУ-2027-000001", "10.0.0.3", null).getStatus()).as("not public").isEqualTo(200);
  }

  private MockHttpServletResponse post(String uri, String ip, String authorization) throws Exception {
    return request("POST", uri, ip, authorization);
  }

  private MockHttpServletResponse request(String method, String uri, String ip, String authorization) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
    request.setRemoteAddr(ip);
    if (authorization != null) {
      request.addHeader("Authorization", authorization);
    }
    MockHttpServletResponse response = new MockHttpServletResponse();
    limit.doFilter(request, response, new MockFilterChain());
    return response;
  }
}
