package ru.kuzbass.edu.workflows.developmentroute;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.kuzbass.edu.workflows.platform.ApiProblem;
import ru.kuzbass.edu.workflows.platform.Csv;
import ru.kuzbass.edu.workflows.platform.CsvImport;

/**
 * The region's figures of development routes for a year (JSON, or CSV with {@code Accept: text/csv}
 * or {@code ?format=csv}), and the import of the teachers per municipality they are measured against.
 */
@RestController
@RequestMapping("/api/development-routes")
public class RouteSummaryController {

  static final String HEADCOUNT_CSV_HEADER = "municipality_code,year,teachers";
  static final String SUMMARY_CSV_HEADER = "municipality_code,municipality,teachers_diagnosed,teachers,routes_built,routes_share_percent,"
      + "target_share_percent,target_reached,routes_on_pace,routes_behind,routes_finished,events_in_bank,young_teachers_supported,"
      + "questionnaires_answered,difficulties_raised,difficulties_resolved";
  private static final int MAX_HEADCOUNTS = 1_000;

  private final RouteSummary summary;
  private final TeacherHeadcounts headcounts;
  private final Validator validator;

  public RouteSummaryController(RouteSummary summary, TeacherHeadcounts headcounts, Validator validator) {
    this.summary = summary;
    this.headcounts = headcounts;
    this.validator = validator;
  }

  /**
   * The year's figures as JSON; as RFC 4180 CSV (UTF-8 with a byte-order mark for spreadsheet programs,
   * the region's row last) when the client accepts {@code text/csv} but not JSON, or asks {@code ?format=csv}
   * (a browser's link cannot set the header).
   */
  @GetMapping("/summary")
  public ResponseEntity<?> summary(@RequestParam(required = false) String year, @RequestParam(required = false) String format,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    RouteSummary.Summary s = summary.summary(year(year));
    boolean csvAccepted = accept != null && accept.contains("text/csv") && !accept.contains(MediaType.APPLICATION_JSON_VALUE);
    if (!"csv".equalsIgnoreCase(format) && !csvAccepted) {
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(s);
    }
    StringBuilder csv = new StringBuilder(Csv.BOM + SUMMARY_CSV_HEADER + "\r\n");
    Stream.concat(s.municipalities().stream(), Stream.of(s.region())).forEach(r -> csv.append(String.join(",",
        r.municipalityCode() == null ? "" : Csv.field(r.municipalityCode()), Csv.field(r.municipality()), String.valueOf(r.teachersDiagnosed()),
        text(r.teachers()), String.valueOf(r.routesBuilt()), r.routesShare() == null ? "" : r.routesShare().toPlainString(),
        s.targetShare().toPlainString(), text(r.targetReached()), String.valueOf(r.routesOnPace()), String.valueOf(r.routesBehind()),
        String.valueOf(r.routesFinished()), String.valueOf(r.eventsInBank()), String.valueOf(r.youngTeachersSupported()),
        String.valueOf(r.questionnairesAnswered()), String.valueOf(r.difficultiesRaised()), String.valueOf(r.difficultiesResolved())))
        .append("\r\n"));
    return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header("Content-Disposition", "attachment; filename=\"development-routes-" + s.year() + ".csv\"")
        .body(csv.toString().getBytes(StandardCharsets.UTF_8));
  }

  public record Headcounts(
      @NotEmpty(message = "Нет ни одной строки") @Size(max = MAX_HEADCOUNTS, message = "Не более 1 000 строк")
      @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
      List<@NotNull @Valid TeacherHeadcount> headcounts) {}

  @PostMapping(value = "/teacher-headcounts", consumes = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Integer> importHeadcountsJson(@Valid @RequestBody Headcounts body) {
    return Map.of("imported", headcounts.store(body.headcounts(),
        (i, message) -> ApiProblem.badField("headcounts[" + i + "].municipalityCode", message)));
  }

  @PostMapping(value = "/teacher-headcounts", consumes = "text/csv")
  public Map<String, Integer> importHeadcountsCsv(@RequestBody String csv) {
    List<CsvImport.Row> rows = CsvImport.read(csv, HEADCOUNT_CSV_HEADER, "headcounts", "municipalityCode", TeacherHeadcount.MUNICIPALITY,
        "код муниципалитета, год и число педагогов");
    if (rows.size() > MAX_HEADCOUNTS) {
      throw ApiProblem.badField("headcounts", "Не более 1 000 строк");
    }
    List<TeacherHeadcount> figures = new ArrayList<>();
    for (CsvImport.Row row : rows) {
      TeacherHeadcount h = new TeacherHeadcount(row.field(0), EventBankController.value(row, 1, "year", Integer::valueOf, "год — целое число"),
          EventBankController.value(row, 2, "teachers", Integer::valueOf, "число педагогов — целое"));
      validator.validate(h).stream().min(Comparator.comparing((ConstraintViolation<?> v) -> v.getPropertyPath().toString()))
          .ifPresent(v -> {
            throw row.bad(v.getPropertyPath().toString(), v.getMessage());
          });
      figures.add(h);
    }
    return Map.of("imported", headcounts.store(figures, (i, message) -> rows.get(i).bad("municipalityCode", message)));
  }

  private static int year(String year) {
    try {
      int y = Integer.parseInt(year == null ? "" : year.strip());
      if (y >= 2000 && y <= 2100) {
        return y;
      }
    } catch (NumberFormatException ignored) {
      // refused below
    }
    throw ApiProblem.badField("year", "Укажите год — от 2000 до 2100");
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }
}
