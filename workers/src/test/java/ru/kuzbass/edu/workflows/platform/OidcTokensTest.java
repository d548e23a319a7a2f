package ru.kuzbass.edu.workflows.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ru.kuzbass.edu.workflows.support.ProcessTest;
import ru.kuzbass.edu.workflows.support.TestOidcProvider;

/**
 * Bearer tokens from an OIDC provider, signed as Keycloak signs them (RS256, realm roles in
 * {@code realm_access.roles}): their roles open what HTTP Basic users of the same role may open,
 * and a token that is expired, from another issuer or signed with another key opens nothing.
 */
@Tag("reliability")
class OidcTokensTest extends ProcessTest {

  @Autowired MockMvc mvc;

  @Test
  void theTokensRolesDecideWhatItOpens() throws Exception {
    Instant later = Instant.now().plusSeconds(300);
    String auditor = TestOidcProvider.token(later, List.of("auditor", "offline_access"));
    String hr = TestOidcProvider.token(later, List.of("HR"));
    String nobody = TestOidcProvider.token(later, List.of("default-roles-kuzbass-edu"));

    assertThat(call(get("/api/audit/verify"), auditor).getStatus()).isEqualTo(200);
    assertThat(call(get("/api/mentoring/payroll/2027-09"), auditor).getStatus()).isEqualTo(403);
    assertThat(call(get("/api/audit/verify"), hr).getStatus()).isEqualTo(403);
    assertThat(call(get("/api/mentoring/payroll/2027-09"), hr).getStatus()).isEqualTo(200);
    assertThat(call(get("/api/mentoring/payroll/2027-09"), nobody).getStatus()).isEqualTo(403);
  }

  @Test
  void anExpiredForeignOrForgedTokenIsRefusedWithAProblem() throws Exception {
    PrivateKey forger = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();
    Instant later = Instant.now().plusSeconds(300);
    for (String token : List.of(
        TestOidcProvider.token(Instant.now().minusSeconds(600), List.of("auditor")),
        TestOidcProvider.token("https://sso.elsewhere/realms/other", later, List.of("auditor")),
        TestOidcProvider.sign(forger, TestOidcProvider.ISSUER, later, List.of("auditor")),
        "not-a-token")) {
      MockHttpServletResponse response = call(get("/api/audit/verify"), token);
      assertThat(response.getStatus()).as(token).isEqualTo(401);
      assertThat(response.getContentType()).startsWith("application/problem+json");
      assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("Нужен вход");
    }
  }

  private MockHttpServletResponse call(MockHttpServletRequestBuilder request, String token) throws Exception {
    return mvc.perform(request.header("Authorization", "Bearer " + token)).andReturn().getResponse();
  }
}
