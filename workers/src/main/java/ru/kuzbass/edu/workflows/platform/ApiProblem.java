package ru.kuzbass.edu.workflows.platform;

import org.springframework.http.HttpStatus;

/**
 * A request that cannot be served for a business reason. It becomes an
 * {@code application/problem+json} answer with this status; {@code field} names the offending
 * input where there is one.
 */
public class ApiProblem extends RuntimeException {

  private final HttpStatus status;
  private final String title;
  private final String field;

  public ApiProblem(HttpStatus status, String title, String detail, String field) {
    super(detail);
    this.status = status;
    this.title = title;
    this.field = field;
  }

  public static ApiProblem notFound(String detail) {
    return new ApiProblem(HttpStatus.NOT_FOUND, "Не найдено", detail, null);
  }

  public static ApiProblem conflict(String detail) {
    return new ApiProblem(HttpStatus.CONFLICT, "Конфликт", detail, null);
  }

  public static ApiProblem badField(String field, String detail) {
    return new ApiProblem(HttpStatus.BAD_REQUEST, "Неверные данные запроса", detail, field);
  }

  public HttpStatus status() {
    return status;
  }

  public String title() {
    return title;
  }

  public String field() {
    return field;
  }
}
