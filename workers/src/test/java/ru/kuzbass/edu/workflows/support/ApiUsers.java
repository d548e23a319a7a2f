package ru.kuzbass.edu.workflows.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The API users of the test profile (application-test.yml), one per role, logging in with HTTP Basic. */
public final class ApiUsers {

  private ApiUsers() {}

  public static RequestPostProcessor hr() {
    return httpBasic("hr", "hr-secret");
  }

  public static RequestPostProcessor admin() {
    return httpBasic("admin", "admin-secret");
  }

  public static RequestPostProcessor auditor() {
    return httpBasic("auditor", "auditor-secret");
  }

  public static RequestPostProcessor expert() {
    return httpBasic("expert", "expert-secret");
  }
}
