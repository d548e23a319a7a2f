package ru.kuzbass.edu.workflows.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body larger than {@code workflows.api.max-body} (default 256 KB) with 413, before
 * anything reads it: by its declared length, or, for a body sent in chunks, as soon as reading passes
 * the limit. Uploads (multipart) have their own, larger limit (spring.servlet.multipart).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestSizeLimit extends OncePerRequestFilter {

  @ConfigurationProperties("workflows.api")
  public record ApiLimits(DataSize maxBody) {
    public ApiLimits {
      maxBody = maxBody == null ? DataSize.ofKilobytes(256) : maxBody;
    }
  }

  /** What the wrapped stream throws when the body runs past the limit; the handler turns it into 413. */
  public static class BodyTooLargeException extends IOException {
    public BodyTooLargeException(long limit) {
      super("The request body is larger than " + limit + " bytes");
    }
  }

  private final long limit;
  private final ObjectMapper json;

  public RequestSizeLimit(ApiLimits limits, ObjectMapper json) {
    this.limit = limits.maxBody().toBytes();
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.toLowerCase().startsWith("multipart/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > limit) {
      tooLarge(response, json, limit);
      return;
    }
    chain.doFilter(new HttpServletRequestWrapper(request) {
      @Override
      public ServletInputStream getInputStream() throws IOException {
        return new Limited(super.getInputStream(), limit);
      }
    }, response);
  }

  static void tooLarge(HttpServletResponse response, ObjectMapper json, long limit) throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
        "Тело запроса больше допустимых " + limit / 1024 + " КБ");
    problem.setTitle("Слишком большой запрос");
    problem.setProperty("errors", List.of(Map.of("field", "body", "message", "Не более " + limit / 1024 + " КБ")));
    response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
    response.setContentType("application/problem+json;charset=UTF-8");
    response.getWriter().write(json.writeValueAsString(problem));
  }

  private static final class Limited extends ServletInputStream {
    private final ServletInputStream in;
    private final long limit;
    private long read;

    Limited(ServletInputStream in, long limit) {
      this.in = in;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0 && ++read > limit) {
        throw new BodyTooLargeException(limit);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
      int n = in.read(buffer, off, len);
      if (n > 0 && (read += n) > limit) {
        throw new BodyTooLargeException(limit);
      }
      return n;
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
