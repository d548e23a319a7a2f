package ru.kuzbass.edu.workflows.platform;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API is {@code application/problem+json} (RFC 9457). Input errors carry an
 * {@code errors} list with one entry per bad field, in Russian, so that the applicant's client
 * can show each message next to its field.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  public record FieldError(String field, String message) {}

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      @NonNull MethodArgumentNotValidException ex, @NonNull HttpHeaders headers,
      @NonNull HttpStatusCode status, @NonNull WebRequest request) {
    List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
        .map(e -> new FieldError(e.getField(), e.getDefaultMessage()))
        .sorted(Comparator.comparing(FieldError::field))
        .toList();
    String fields = errors.stream().map(FieldError::field).distinct().collect(Collectors.joining(", "));
    return problem(HttpStatus.BAD_REQUEST, "Неверные данные запроса", "Проверьте поля: " + fields, errors);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      @NonNull HttpMessageNotReadableException ex, @NonNull HttpHeaders headers,
      @NonNull HttpStatusCode status, @NonNull WebRequest request) {
    if (ex.getMostSpecificCause() instanceof RequestSizeLimit.BodyTooLargeException) {
      return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Слишком большой запрос", "Тело запроса больше допустимого размера",
          List.of(new FieldError("body", "Слишком большой объём данных")));
    }
    // A syntax error (truncated or broken JSON) may surface inside a mapping error; it is about the body.
    boolean syntax = ex.getMostSpecificCause() instanceof JsonParseException;
    if (!syntax && ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = path(mapping);
      return problem(HttpStatus.BAD_REQUEST, "Неверные данные запроса",
          "Поле " + field + " имеет неверный формат или значение",
          List.of(new FieldError(field, "Неверный формат или недопустимое значение")));
    }
    return problem(HttpStatus.BAD_REQUEST, "Неверные данные запроса",
        "Тело запроса не является корректным JSON", List.of(new FieldError("body", "Некорректный JSON")));
  }

  @ExceptionHandler(ApiProblem.class)
  ResponseEntity<Object> handleApiProblem(ApiProblem ex) {
    List<FieldError> errors = ex.field() == null ? List.of() : List.of(new FieldError(ex.field(), ex.getMessage()));
    return problem(ex.status(), ex.title(), ex.getMessage(), errors);
  }

  /** When a client should try again after the engine was away or too busy: a broker restart takes about this long. */
  private static final String RETRY_AFTER_SECONDS = "10";

  /** The engine did not accept the command: nothing was written, and the client may retry (after {@code Retry-After}). */
  @ExceptionHandler(io.camunda.zeebe.client.api.command.ClientException.class)
  ResponseEntity<Object> handleEngineUnavailable(io.camunda.zeebe.client.api.command.ClientException ex) {
    logger.warn("Zeebe rejected or did not answer a command: " + ex.getMessage());
    return unavailable();
  }

  /**
   * The database, and with it the embedded engine, is away: the request's transaction could not begin
   * or was rolled back, so nothing was written, and the client may retry as when Zeebe was away.
   */
  @ExceptionHandler({org.springframework.transaction.CannotCreateTransactionException.class,
      org.springframework.dao.DataAccessResourceFailureException.class})
  ResponseEntity<Object> handleDatabaseUnavailable(RuntimeException ex) {
    logger.warn("The database did not answer: " + ex.getMessage());
    return unavailable();
  }

  private static ResponseEntity<Object> unavailable() {
    ResponseEntity<Object> unavailable = problem(HttpStatus.SERVICE_UNAVAILABLE, "Сервис временно недоступен",
        "Не удалось передать заявление в работу. Ничего не сохранено, повторите попытку позже.", List.of());
    return ResponseEntity.status(unavailable.getStatusCode()).headers(unavailable.getHeaders()).header("Retry-After", RETRY_AFTER_SECONDS)
        .body(unavailable.getBody());
  }

  private static String path(JsonMappingException mapping) {
    StringBuilder field = new StringBuilder();
    for (JsonMappingException.Reference ref : mapping.getPath()) {
      if (ref.getFieldName() != null) {
        if (!field.isEmpty()) {
          field.append('.');
        }
        field.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        field.append('[').append(ref.getIndex()).append(']');
      }
    }
    return field.toString();
  }

  private static ResponseEntity<Object> problem(HttpStatus status, String title, String detail, List<FieldError> errors) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setTitle(title);
    if (!errors.isEmpty()) {
      body.setProperties(Map.of("errors", errors));
    }
    return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }
}
