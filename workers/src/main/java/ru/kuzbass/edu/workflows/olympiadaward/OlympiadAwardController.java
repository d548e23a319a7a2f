package ru.kuzbass.edu.workflows.olympiadaward;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import ru.kuzbass.edu.workflows.letters.IssuedLetter;
import ru.kuzbass.edu.workflows.platform.ApiProblem;
import ru.kuzbass.edu.workflows.platform.Csv;

/**
 * The staff API of the olympiad coach award: the official list's import (CSV, header
 * {@link OlympiadResults#CSV_HEADER}), the schools' claims, the year's list for the commission,
 * its order, and the figures of the awards by subject, place and municipality (JSON or CSV).
 */
@RestController
@RequestMapping("/api/olympiad-awards")
public class OlympiadAwardController {

  private final OlympiadAwardService service;
  private final OlympiadResults results;
  private final OlympiadClaims claims;

  public OlympiadAwardController(OlympiadAwardService service, OlympiadResults results, OlympiadClaims claims) {
    this.service = service;
    this.results = results;
    this.claims = claims;
  }

  public record SubmissionResponse(String caseNumber, URI statusUrl) {}

  public record ListRequest(@NotNull(message = "Укажите год олимпиады") @Min(value = 2000, message = "Год олимпиады — от 2000 до 2100")
      @Max(value = 2100, message = "Год олимпиады — от 2000 до 2100") Integer year) {}

  /** The official list as published on {@code publishedOn}, from which day the claim period runs. */
  @PostMapping(value = "/results", consumes = "text/csv")
  public Map<String, Integer> importResults(@RequestParam(required = false) String publishedOn, @RequestBody String csv) {
    LocalDate published;
    try {
      published = LocalDate.parse(publishedOn == null ? "" : publishedOn.trim());
    } catch (java.time.format.DateTimeParseException e) {
      throw ApiProblem.badField("publishedOn", "Укажите дату публикации списка как ГГГГ-ММ-ДД");
    }
    return Map.of("imported", results.importCsv(csv, published));
  }

  @PostMapping(value = "/claims", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<SubmissionResponse> claim(@Valid @RequestBody ClaimRequest request) {
    OlympiadAwardService.Submitted s = service.submit(request);
    URI status = UriComponentsBuilder.fromPath("/api/olympiad-awards/claims/{number}").buildAndExpand(s.caseNumber()).encode().toUri();
    return ResponseEntity.created(status).body(new SubmissionResponse(s.caseNumber(), status));
  }

  @GetMapping("/claims/{caseNumber}")
  public OlympiadAwardService.Status status(@PathVariable String caseNumber) {
    return service.status(caseNumber);
  }

  /** Starts the year's list: every confirmed claim of the year goes before the commission. */
  @PostMapping(value = "/lists", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, Long>> list(@Valid @RequestBody ListRequest request) {
    return ResponseEntity.accepted().body(Map.of("processInstanceKey", service.startList(request.year())));
  }

  @GetMapping(value = "/lists/{listNumber}/order", produces = MediaType.APPLICATION_PDF_VALUE)
  public ResponseEntity<byte[]> order(@PathVariable String listNumber) {
    IssuedLetter order = service.order(listNumber).orElseThrow(() -> ApiProblem.notFound("Приказ по списку " + listNumber + " не издан"));
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header("Content-Disposition", "attachment; filename=\"" + order.fileName().replaceAll("[^0-9A-Za-z.\\-]", "_") + "\"")
        .body(order.pdf());
  }

  public record Summary(int year, int awards, int teachers, BigDecimal amount, List<OlympiadClaims.SummaryRow> rows) {}

  /** The year's approved and paid awards by subject, place and municipality. */
  @GetMapping(value = "/summary", produces = MediaType.APPLICATION_JSON_VALUE)
  public Summary summary(@RequestParam int year) {
    List<OlympiadClaims.SummaryRow> rows = claims.summary(year);
    return new Summary(year, rows.stream().mapToInt(OlympiadClaims.SummaryRow::awards).sum(),
        rows.stream().mapToInt(OlympiadClaims.SummaryRow::teachers).sum(),
        rows.stream().map(OlympiadClaims.SummaryRow::amount).reduce(BigDecimal.ZERO, BigDecimal::add), rows);
  }

  /** The same figures as RFC 4180 CSV, UTF-8 with a byte-order mark for spreadsheet programs. */
  @GetMapping(value = "/summary", produces = "text/csv")
  public ResponseEntity<byte[]> summaryCsv(@RequestParam int year) {
    StringBuilder csv = new StringBuilder(Csv.BOM + "year,subject,place,municipality,awards,teachers,amount\r\n");
    for (OlympiadClaims.SummaryRow r : claims.summary(year)) {
      csv.append(String.join(",", String.valueOf(year), Csv.field(r.subject()), Csv.field(r.place()), Csv.field(r.municipality()),
          String.valueOf(r.awards()), String.valueOf(r.teachers()), r.amount().toPlainString())).append("\r\n");
    }
    return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header("Content-Disposition", "attachment; filename=\"olympiad-awards-" + year + ".csv\"")
        .body(csv.toString().getBytes(StandardCharsets.UTF_8));
  }
}
