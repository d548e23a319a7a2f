package ru.kuzbass.edu.workflows.developmentroute;

import static ru.kuzbass.edu.workflows.developmentroute.EventBankController.value;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.kuzbass.edu.workflows.people.Person;
import ru.kuzbass.edu.workflows.people.PersonService;
import ru.kuzbass.edu.workflows.platform.ApiProblem;
import ru.kuzbass.edu.workflows.platform.CsvImport;

/**
 * The staff API of the regional diagnosis: import (JSON, one result or a list, or CSV with the
 * header {@link #CSV_HEADER}; one bad row imports nothing) and a teacher's scores of a year with
 * their deficits.
 */
@RestController
@RequestMapping("/api/development-routes/diagnoses")
public class DiagnosisController {

  static final String CSV_HEADER = "snils,surname,given_name,patronymic,birth_date,email,phone,school_code,year,competence,score";
  private static final int MAX_RESULTS = 50_000;
  private static final String TOO_MANY = "Не более 50 000 результатов";
  /** What a CSV row's first field, SNILS, must look like for the row to be read at all; its checksum is checked after. */
  private static final String SNILS_SHAPE = "^[0-9 \\-]{1,20}$";

  private final Diagnoses diagnoses;
  private final Deficits deficits;
  private final PersonService people;
  private final DevelopmentRouteProperties properties;
  private final Validator validator;

  public DiagnosisController(Diagnoses diagnoses, Deficits deficits, PersonService people, DevelopmentRouteProperties properties,
      Validator validator) {
    this.diagnoses = diagnoses;
    this.deficits = deficits;
    this.people = people;
    this.properties = properties;
    this.validator = validator;
  }

  public record Results(
      @NotEmpty(message = "Нет ни одного результата") @Size(max = MAX_RESULTS, message = TOO_MANY)
      @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
      List<@NotNull @Valid DiagnosisResult> results) {}

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  public Diagnoses.Stored importJson(@Valid @RequestBody Results body) {
    return diagnoses.store(body.results());
  }

  @PostMapping(consumes = "text/csv")
  public Diagnoses.Stored importCsv(@RequestBody String csv) {
    List<CsvImport.Row> rows = CsvImport.read(csv, CSV_HEADER, "results", "snils", SNILS_SHAPE,
        "СНИЛС, фамилия, имя, отчество, дата рождения, почта, телефон, код школы, год, компетенция и результат");
    if (rows.size() > MAX_RESULTS) {
      throw ApiProblem.badField("results", TOO_MANY);
    }
    List<DiagnosisResult> results = new ArrayList<>();
    for (CsvImport.Row row : rows) {
      DiagnosisResult result = new DiagnosisResult(row.field(0), row.field(1), row.field(2),
          row.field(3).isEmpty() ? null : row.field(3),
          value(row, 4, "birthDate", LocalDate::parse, "дата рождения как ГГГГ-ММ-ДД"),
          row.field(5), row.field(6), row.field(7),
          value(row, 8, "year", Integer::valueOf, "год — целое число"),
          value(row, 9, "competence", Competence::valueOf, "компетенция: " + Competence.NAMES),
          value(row, 10, "score", BigDecimal::new, "результат — число от 0 до 100, десятичная точка"));
      validator.validate(result).stream().min(Comparator.comparing((ConstraintViolation<?> v) -> v.getPropertyPath().toString()))
          .ifPresent(v -> {
            throw row.bad(v.getPropertyPath().toString(), v.getMessage());
          });
      results.add(result);
    }
    return diagnoses.store(results);
  }

  public record CompetenceScore(Competence competence, BigDecimal score, boolean deficit) {}

  /** What staff see of a teacher's diagnosis: the name only, no SNILS or contacts. */
  public record Diagnosis(long personId, String name, int year, BigDecimal deficitBelow, List<CompetenceScore> scores,
      List<Competence> deficits) {}

  /** The teacher's scores of the year, lowest first, each marked whether it is a deficit. */
  @GetMapping("/{personId}")
  public Diagnosis diagnosis(@PathVariable long personId, @RequestParam int year) {
    List<Diagnoses.Score> scores = diagnoses.scores(personId, year);
    if (scores.isEmpty()) {
      throw ApiProblem.notFound("Нет результатов диагностики этого педагога за " + year + " год");
    }
    Person person = people.get(personId); // there: the scores' foreign key holds it
    return new Diagnosis(personId, person.fullName(), year, properties.deficitBelow(year),
        scores.stream().map(s -> new CompetenceScore(s.competence(), s.score(), deficits.isDeficit(s, year))).toList(),
        deficits.deficits(personId, year));
  }
}
