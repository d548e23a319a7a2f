package ru.kuzbass.edu.workflows.audit;

import org.junit.jupiter.api.Tag;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ru.kuzbass.edu.workflows.support.ProcessTest;

/** Only the AUDITOR role reads the audit log: no one anonymous, and neither HR nor an administrator. */
@Tag("reliability")
class AuditAccessTest extends ProcessTest {

  private static final String CASE = "ЗУ-2027-000001";

  @Autowired MockMvc mvc;

  @ParameterizedTest
  @ValueSource(strings = {"/api/audit/verify", "/api/audit/cases", "/api/audit/cases/" + CASE, "/api/audit/cases/" + CASE + "?format=csv",
      "/api/audit/cases/" + CASE + "?personalData=true&reason=check", "/api/audit/cases/" + CASE + "/report.pdf"})
  void onlyAuditorsGetIn(String endpoint) throws Exception {
    audit.append(new AuditLog.Event("a1", CASE, "JOB", "rural-grant.send-letter", "Task_SendDecisionLetter", 1L, 2L, "COMPLETED", null, null));

    mvc.perform(get(endpoint)).andExpect(status().isUnauthorized())
        .andExpect(header().string("WWW-Authenticate", "Basic realm=\"workflows\""))
        .andExpect(header().string("Content-Type", "application/problem+json;charset=UTF-8"))
        .andExpect(jsonPath("$.title").value("Нужен вход"));
    mvc.perform(get(endpoint).with(httpBasic("auditor", "wrong"))).andExpect(status().isUnauthorized());
    mvc.perform(get(endpoint).with(httpBasic("hr", "hr-secret"))).andExpect(status().isForbidden())
        .andExpect(jsonPath("$.title").value("Доступ запрещён"));
    mvc.perform(get(endpoint).with(httpBasic("admin", "admin-secret"))).andExpect(status().isForbidden());
    mvc.perform(get(endpoint).with(httpBasic("auditor", "auditor-secret"))).andExpect(status().isOk());
  }
}
