package ru.kuzbass.edu.workflows.cadrereserve;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.kuzbass.edu.workflows.platform.CsvImport;
import ru.kuzbass.edu.workflows.platform.UtcDateTime;

/**
 * Imports school results by year (JSON, or CSV with the header {@code school_code,year,score}),
 * from which the cadre reserve proposes internship and project schools (with the schools'
 * administrative teams, {@link SchoolAdministrationController}). A row for a school and year
 * replaces the earlier one; a file with one bad row imports nothing.
 */
@RestController
@RequestMapping("/api/schools/results")
public class SchoolResultsController {

  private final JdbcClient jdbc;
  private final Clock clock;

  public SchoolResultsController(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public record SchoolResult(
      @NotBlank(message = "Укажите код школы") @Pattern(regexp = SchoolCsv.SCHOOL_CODE, message = "Код школы: до 32 латинских букв, цифр и дефисов") String schoolCode,
      @NotNull(message = "Укажите год") @Min(value = 2000, message = "Год указан неверно") @Max(value = 2100, message = "Год указан неверно") Integer year,
      @NotNull(message = "Укажите результат") @DecimalMin(value = "0", message = "Результат от 0 до 100")
      @DecimalMax(value = "100", message = "Результат от 0 до 100") BigDecimal score) {}

  public record Results(@NotEmpty(message = "Нет ни одной строки результатов") @Size(max = 20000, message = "Не более 20 000 строк")
      List<@NotNull @Valid SchoolResult> results) {}

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @Transactional
  public Map<String, Integer> importJson(@Valid @RequestBody Results body) {
    return Map.of("imported", store(body.results()));
  }

  @PostMapping(consumes = "text/csv")
  @Transactional
  public Map<String, Integer> importCsv(@RequestBody String csv) {
    List<SchoolResult> rows = new ArrayList<>();
    for (CsvImport.Row row : SchoolCsv.read(csv, "school_code,year,score", "results", "schoolCode", "код школы, год и результат")) {
      int year;
      BigDecimal score;
      try {
        year = Integer.parseInt(row.field(1));
      } catch (NumberFormatException e) {
        throw row.bad("year", "год указан неверно");
      }
      try {
        score = new BigDecimal(row.field(2));
      } catch (NumberFormatException e) {
        throw row.bad("score", "результат указан неверно");
      }
      if (year < 2000 || year > 2100) {
        throw row.bad("year", "год указан неверно");
      }
      if (score.signum() < 0 || score.compareTo(BigDecimal.valueOf(100)) > 0) {
        throw row.bad("score", "результат от 0 до 100");
      }
      rows.add(new SchoolResult(row.field(0), year, score));
    }
    return Map.of("imported", store(rows));
  }

  private int store(List<SchoolResult> rows) {
    for (SchoolResult r : rows) {
      jdbc.sql("""
              INSERT INTO school_result (school_code, year, score, imported_at) VALUES (?, ?, ?, ?)
              ON DUPLICATE KEY UPDATE score = VALUES(score), imported_at = VALUES(imported_at)""")
          .params(r.schoolCode(), r.year(), r.score(), UtcDateTime.toDb(clock.instant())).update();
    }
    return rows.size();
  }
}
