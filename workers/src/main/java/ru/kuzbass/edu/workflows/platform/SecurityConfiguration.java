package ru.kuzbass.edu.workflows.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Who may call what. The API is stateless: every request authenticates with HTTP Basic, so there
 * are no cookies and no CSRF tokens to protect.
 * <ul>
 *   <li>{@link Role#APPLICANT}: anyone, without logging in, may apply (rural grant, cadre reserve),
 *       rate-limited per IP ({@link IntakeRateLimit}), and follow their case with its token;
 *   <li>{@link Role#HR} and {@link Role#ADMIN}: every other {@code /api/**} endpoint;
 *   <li>{@link Role#AUDITOR}: the audit log, and nothing else.
 * </ul>
 * Refusals are problem+json in Russian like every other API error.
 *
 * <p>Users come from configuration ({@code workflows.security.users}); passwords carry their
 * encoding as a prefix ({@code {bcrypt}…}, or {@code {noop}…} in demo and test profiles only).
 * Without configured users nobody gets into the protected endpoints.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

  public enum Role { APPLICANT, HR, AUDITOR, ADMIN }

  @ConfigurationProperties("workflows.security")
  public record SecurityProperties(List<UserAccount> users) {
    public SecurityProperties {
      users = users == null ? List.of() : users;
    }
  }

  public record UserAccount(String username, String password, List<Role> roles) {}

  @Bean
  SecurityFilterChain api(HttpSecurity http, ObjectMapper json, IntakeRateLimit.IntakeLimitProperties intakeLimit) throws Exception {
    http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .httpBasic(basic -> basic.realmName("workflows").authenticationEntryPoint((request, response, e) -> {
          response.setHeader("WWW-Authenticate", "Basic realm=\"workflows\"");
          problem(json, response, HttpStatus.UNAUTHORIZED, "Нужен вход", "Войдите с учётной записью, которой разрешён этот раздел");
        }))
        .exceptionHandling(e -> e.accessDeniedHandler((request, response, denied) ->
            problem(json, response, HttpStatus.FORBIDDEN, "Доступ запрещён", "Вашей роли этот раздел недоступен")))
        .authorizeHttpRequests(a -> a
            .requestMatchers("/api/audit/**").hasRole(Role.AUDITOR.name())
            // the public intake; applicants follow their case with its number and token (CaseTokens)
            .requestMatchers(HttpMethod.POST, "/api/rural-grants/applications", "/api/cadre-reserve/*/candidates").permitAll()
            .requestMatchers(HttpMethod.GET, "/api/rural-grants/applications/*").permitAll()
            .requestMatchers(HttpMethod.POST, "/api/rural-grants/applications/*/documents-supplemented",
                "/api/cadre-reserve/*/candidates/*/idea").permitAll()
            .requestMatchers("/api/**").hasAnyRole(Role.HR.name(), Role.ADMIN.name())
            .requestMatchers("/actuator/health/**", "/actuator/health", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error")
            .permitAll()
            .anyRequest().hasRole(Role.ADMIN.name()))
        .addFilterBefore(new IntakeRateLimit(intakeLimit, json), BasicAuthenticationFilter.class);
    return http.build();
  }

  @Bean
  UserDetailsService users(SecurityProperties properties, PasswordEncoder encoder) {
    InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
    for (UserAccount u : properties.users()) {
      users.createUser(User.withUsername(u.username()).password(u.password())
          .roles(u.roles().stream().map(Role::name).toArray(String[]::new)).build());
    }
    return users;
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  static void problem(ObjectMapper json, HttpServletResponse response, HttpStatus status, String title, String detail)
      throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    response.setStatus(status.value());
    response.setContentType("application/problem+json;charset=UTF-8");
    response.getWriter().write(json.writeValueAsString(problem));
  }
}
