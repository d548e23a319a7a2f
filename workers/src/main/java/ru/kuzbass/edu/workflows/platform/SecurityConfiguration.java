package ru.kuzbass.edu.workflows.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Who may call what. The API is stateless: every request authenticates with HTTP Basic, so there
 * are no cookies and no CSRF tokens to protect.
 * <ul>
 *   <li>{@link Role#APPLICANT}: anyone, without logging in, may apply (rural grant, cadre reserve),
 *       rate-limited per IP ({@link IntakeRateLimit}), and follow their case with its token;
 *   <li>{@link Role#HR} and {@link Role#ADMIN}: every other {@code /api/**} endpoint;
 *   <li>{@link Role#AUDITOR}: the audit log, and nothing else;
 *   <li>{@link Role#EXPERT}: the cadre reserve's idea bank (read-only), and nothing else; HR and ADMIN read it too;
 *   <li>{@link Role#ADMIN}: the engine's REST API ({@code /engine-rest}) too.
 * </ul>
 * Tasklist, Cockpit and Admin ({@code /operaton}) are open to this chain: they have their own
 * log-in, against the engine's users, groups and authorizations.
 * Refusals are problem+json in Russian like every other API error.
 *
 * <p>Users come from configuration ({@code workflows.security.users}); passwords carry their
 * encoding as a prefix ({@code {bcrypt}…}, or {@code {noop}…} in demo and test profiles only).
 * Without configured users nobody gets into the protected endpoints.
 *
 * <p>Where an OIDC provider is configured ({@code spring.security.oauth2.resourceserver.jwt.*},
 * for example Keycloak from docker/compose.yaml), its bearer tokens are accepted as well; their
 * roles come from a claim ({@link OidcProperties}).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

  public enum Role { APPLICANT, HR, AUDITOR, EXPERT, ADMIN }

  @ConfigurationProperties("workflows.security")
  public record SecurityProperties(List<UserAccount> users) {
    public SecurityProperties {
      users = users == null ? List.of() : users;
    }
  }

  public record UserAccount(String username, String password, List<Role> roles) {}

  /**
   * @param rolesClaim where a bearer token carries its roles, as a dotted path (Keycloak's realm
   *     roles by default); role names match {@link Role} whatever their case, others are ignored
   */
  @ConfigurationProperties("workflows.security.oidc")
  public record OidcProperties(String rolesClaim) {
    public OidcProperties {
      rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "realm_access.roles" : rolesClaim;
    }
  }

  @Bean
  SecurityFilterChain api(HttpSecurity http, ObjectMapper json, IntakeRateLimit.IntakeLimitProperties intakeLimit,
      ObjectProvider<JwtDecoder> oidc, OidcProperties oidcProperties) throws Exception {
    boolean bearer = oidc.getIfAvailable() != null;
    AuthenticationEntryPoint loginNeeded = (request, response, e) -> {
      response.addHeader("WWW-Authenticate", "Basic realm=\"workflows\"");
      if (bearer) {
        response.addHeader("WWW-Authenticate", "Bearer");
      }
      problem(json, response, HttpStatus.UNAUTHORIZED, "Нужен вход", "Войдите с учётной записью, которой разрешён этот раздел");
    };
    if (bearer) {
      http.oauth2ResourceServer(resource -> resource
          .jwt(jwt -> jwt.jwtAuthenticationConverter(token -> new JwtAuthenticationToken(token, roles(token, oidcProperties.rolesClaim()))))
          .authenticationEntryPoint(loginNeeded));
    }
    http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .httpBasic(basic -> basic.realmName("workflows").authenticationEntryPoint(loginNeeded))
        .exceptionHandling(e -> e.authenticationEntryPoint(loginNeeded).accessDeniedHandler((request, response, denied) ->
            problem(json, response, HttpStatus.FORBIDDEN, "Доступ запрещён", "Вашей роли этот раздел недоступен")))
        .authorizeHttpRequests(a -> a
            // anyone holding a letter checks its verification code (AuditController; rate-limited)
            .requestMatchers(HttpMethod.GET, "/api/audit/letters/*").permitAll()
            .requestMatchers("/api/audit/**").hasRole(Role.AUDITOR.name())
            // the public intake; applicants follow their case with its number and token (CaseTokens)
            .requestMatchers(HttpMethod.POST, "/api/rural-grants/applications", "/api/cadre-reserve/*/candidates").permitAll()
            .requestMatchers(HttpMethod.GET, "/api/rural-grants/applications/*", "/api/cadre-reserve/candidates/*").permitAll()
            .requestMatchers(HttpMethod.GET, "/api/cadre-reserve/ideas").hasAnyRole(Role.HR.name(), Role.ADMIN.name(), Role.EXPERT.name())
            .requestMatchers(HttpMethod.POST, "/api/rural-grants/applications/*/documents-supplemented",
                "/api/cadre-reserve/*/candidates/*/idea").permitAll()
            // living costs: the teacher (or the school) applies, follows the case and claims with the enrolment's token
            .requestMatchers(HttpMethod.POST, "/api/rural-living-costs/enrolments", "/api/rural-living-costs/enrolments/*/claims").permitAll()
            .requestMatchers(HttpMethod.GET, "/api/rural-living-costs/enrolments/*").permitAll()
            .requestMatchers(HttpMethod.PUT, "/api/rural-living-costs/claims/*").permitAll()
            .requestMatchers("/api/**").hasAnyRole(Role.HR.name(), Role.ADMIN.name())
            // the engine's REST API would otherwise answer anyone, with no authorization checks
            .requestMatchers("/engine-rest/**").hasRole(Role.ADMIN.name())
            // Tasklist, Cockpit and Admin log their users in against the engine's identity service themselves;
            // at start they probe /operaton-welcome, and a Basic challenge there would hold their log-in form in a
            // browser that waits for credentials (headless Chromium did), so it gets its plain 404
            .requestMatchers("/operaton/**", "/operaton-welcome").permitAll()
            .requestMatchers("/actuator/health/**", "/actuator/health", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error")
            .permitAll()
            .anyRequest().hasRole(Role.ADMIN.name()))
        .addFilterBefore(new IntakeRateLimit(intakeLimit, json), BasicAuthenticationFilter.class);
    return http.build();
  }

  /** The token's roles that this application knows, as Spring authorities. */
  static List<GrantedAuthority> roles(Jwt token, String claimPath) {
    Object claim = token.getClaims();
    for (String part : claimPath.split("\\.")) {
      claim = claim instanceof Map<?, ?> map ? map.get(part) : null;
    }
    if (!(claim instanceof Collection<?> names)) {
      return List.of();
    }
    Set<String> known = Arrays.stream(Role.values()).map(Role::name).collect(Collectors.toSet());
    return names.stream().map(n -> String.valueOf(n).toUpperCase(Locale.ROOT)).filter(known::contains).distinct()
        .<GrantedAuthority>map(n -> new SimpleGrantedAuthority("ROLE_" + n)).toList();
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

  /** HTTP Basic against the configured users, with a successful check remembered for a minute ({@link RememberedBasicAuthentication}). */
  @Bean
  AuthenticationProvider basicAuthentication(UserDetailsService users, PasswordEncoder encoder) {
    DaoAuthenticationProvider checks = new DaoAuthenticationProvider(users);
    checks.setPasswordEncoder(encoder);
    return new RememberedBasicAuthentication(checks, Duration.ofMinutes(1), Clock.systemUTC());
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
