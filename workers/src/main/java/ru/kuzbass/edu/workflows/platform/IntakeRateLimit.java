package ru.kuzbass.edu.workflows.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits the public intake (the POSTs anyone may make without logging in), and the public check of a
 * letter's verification code, per client IP, together: at most
 * {@code requests} in a sliding {@code window}; more get 429 with {@code Retry-After}. Staff who log
 * in are not limited. The count lives in memory, per application instance: behind a load balancer
 * with several instances, the limit is per instance. It runs in the security filter chain only
 * (not a bean, so that Spring Boot does not register it a second time as a servlet filter).
 */
public class IntakeRateLimit extends OncePerRequestFilter {

  @ConfigurationProperties("workflows.security.intake-limit")
  public record IntakeLimitProperties(Integer requests, Duration window) {
    public IntakeLimitProperties {
      requests = requests == null ? 20 : requests;
      window = window == null ? Duration.ofMinutes(1) : window;
    }
  }

  private record Window(long startedAt, int count) {}

  private final IntakeLimitProperties limit;
  private final ObjectMapper json;
  private final Clock clock;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  public IntakeRateLimit(IntakeLimitProperties limit, ObjectMapper json) {
    this.limit = limit;
    this.json = json;
    // wall-clock time on purpose: the limit protects the server now, whatever the business clock says
    this.clock = Clock.systemUTC();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return request.getHeader("Authorization") != null || !isPublic(request.getMethod(), request.getRequestURI());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long now = clock.millis();
    long windowMillis = limit.window().toMillis();
    Window w = windows.compute(request.getRemoteAddr(), (ip, old) ->
        old == null || now - old.startedAt() >= windowMillis ? new Window(now, 1) : new Window(old.startedAt(), old.count() + 1));
    if (w.count() > limit.requests()) {
      long retryAfter = Math.max(1, (w.startedAt() + windowMillis - now + 999) / 1000);
      response.setHeader("Retry-After", Long.toString(retryAfter));
      SecurityConfiguration.problem(json, response, HttpStatus.TOO_MANY_REQUESTS, "Слишком много запросов",
          "С этого адреса слишком много заявок или проверок писем; повторите через " + retryAfter + " с");
      return;
    }
    if (windows.size() > 100_000) {
      windows.entrySet().removeIf(e -> now - e.getValue().startedAt() >= windowMillis);
    }
    chain.doFilter(request, response);
  }

  private static boolean isPublic(String method, String uri) {
    return "POST".equals(method) && (uri.equals("/api/rural-grants/applications") || uri.matches("/api/cadre-reserve/[^/]+/candidates")
        || uri.equals("/api/rural-living-costs/enrolments"))
        || "GET".equals(method) && uri.matches("/api/audit/letters/[^/]+");
  }
}
