package ru.kuzbass.edu.workflows.developmentroute;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.kuzbass.edu.workflows.platform.ApiProblem;
import ru.kuzbass.edu.workflows.platform.CsvImport;

/**
 * The staff API of the bank of educational events: import (JSON, one event or a list, or CSV with
 * the header {@link #CSV_HEADER}; one bad event imports nothing) and search.
 */
@RestController
@RequestMapping("/api/development-routes/events")
public class EventBankController {

  static final String CSV_HEADER = "code,title,competence,kind,format,provider,starts_on,ends_on,hours,capacity,enrolled,municipality_code";
  private static final int MAX_EVENTS = 20_000;

  private final EventBank bank;
  private final Validator validator;

  public EventBankController(EventBank bank, Validator validator) {
    this.bank = bank;
    this.validator = validator;
  }

  public record Events(
      @NotEmpty(message = "Нет ни одного мероприятия") @Size(max = MAX_EVENTS, message = "Не более 20 000 мероприятий")
      @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
      List<@NotNull @Valid EducationEvent> events) {}

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Integer> importJson(@Valid @RequestBody Events body) {
    return Map.of("imported", bank.store(body.events()));
  }

  @PostMapping(consumes = "text/csv")
  public Map<String, Integer> importCsv(@RequestBody String csv) {
    List<CsvImport.Row> rows = CsvImport.read(csv, CSV_HEADER, "events", "code", EducationEvent.CODE,
        "код, название, компетенция, вид, форма, организатор, даты начала и окончания, часы, места, записавшиеся и муниципалитет");
    if (rows.size() > MAX_EVENTS) {
      throw ApiProblem.badField("events", "Не более 20 000 мероприятий");
    }
    List<EducationEvent> events = new ArrayList<>();
    for (CsvImport.Row row : rows) {
      EducationEvent event = new EducationEvent(row.field(0), row.field(1),
          value(row, 2, "competence", Competence::valueOf, "компетенция: " + Competence.NAMES),
          value(row, 3, "kind", EventKind::valueOf, "вид: " + EventKind.NAMES),
          optional(row, 4), row.field(5),
          value(row, 6, "startsOn", LocalDate::parse, "дата начала как ГГГГ-ММ-ДД"),
          value(row, 7, "endsOn", LocalDate::parse, "дата окончания как ГГГГ-ММ-ДД"),
          value(row, 8, "hours", Integer::valueOf, "число часов — целое"),
          value(row, 9, "capacity", Integer::valueOf, "число мест — целое"),
          value(row, 10, "enrolled", Integer::valueOf, "число записавшихся — целое"),
          optional(row, 11));
      validator.validate(event).stream().min(Comparator.comparing((ConstraintViolation<?> v) -> v.getPropertyPath().toString()))
          .ifPresent(v -> {
            throw row.bad(v.getPropertyPath().toString(), v.getMessage());
          });
      EventBank.fault(event).ifPresent(f -> {
        throw row.bad(f.field(), f.message());
      });
      events.add(event);
    }
    return Map.of("imported", bank.store(events));
  }

  /**
   * Searches the bank. {@code from}, {@code to}: the event takes place at least partly within those
   * days; {@code q}: part of the title, the provider or the code; {@code available}: only events
   * with a place left that have not ended.
   */
  @GetMapping
  public EventBank.Page search(@RequestParam(required = false) String competence, @RequestParam(required = false) String kind,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String q, @RequestParam(defaultValue = "false") String available,
      @RequestParam(defaultValue = "0") String page, @RequestParam(defaultValue = "50") String size) {
    EventBank.Search search = new EventBank.Search(
        parameter(competence, "competence", Competence::valueOf, "Компетенция: " + Competence.NAMES),
        parameter(kind, "kind", EventKind::valueOf, "Вид: " + EventKind.NAMES),
        parameter(from, "from", LocalDate::parse, "Дата указывается как ГГГГ-ММ-ДД"),
        parameter(to, "to", LocalDate::parse, "Дата указывается как ГГГГ-ММ-ДД"),
        q,
        Boolean.TRUE.equals(parameter(available, "available", EventBankController::bool, "available: true или false")));
    int pageNumber = parameter(page, "page", Integer::valueOf, "Номер страницы — целое число от 0");
    int pageSize = parameter(size, "size", Integer::valueOf, "Размер страницы — от 1 до " + EventBank.MAX_PAGE_SIZE);
    if (pageNumber < 0 || pageNumber > 1_000_000) {
      throw ApiProblem.badField("page", "Номер страницы — целое число от 0");
    }
    if (pageSize < 1 || pageSize > EventBank.MAX_PAGE_SIZE) {
      throw ApiProblem.badField("size", "Размер страницы — от 1 до " + EventBank.MAX_PAGE_SIZE);
    }
    if (q != null && q.length() > 200) {
      throw ApiProblem.badField("q", "Строка поиска: не более 200 символов");
    }
    return bank.search(search, pageNumber, pageSize);
  }

  private static Boolean bool(String value) {
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(value);
    };
  }

  /** The CSV field read as a value, null when it is empty; a field that does not read is refused with the message. The diagnosis import reads its rows with it too. */
  static <T> T value(CsvImport.Row row, int i, String field, Function<String, T> read, String expected) {
    String text = row.field(i);
    try {
      return text.isEmpty() ? null : read.apply(text);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw row.bad(field, "ожидается " + expected);
    }
  }

  private static String optional(CsvImport.Row row, int i) {
    return row.field(i).isEmpty() ? null : row.field(i);
  }

  private static <T> T parameter(String text, String field, Function<String, T> read, String expected) {
    try {
      return text == null || text.isBlank() ? null : read.apply(text.trim());
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw ApiProblem.badField(field, expected);
    }
  }
}
