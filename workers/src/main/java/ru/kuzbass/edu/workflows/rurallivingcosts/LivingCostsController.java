package ru.kuzbass.edu.workflows.rurallivingcosts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;
import ru.kuzbass.edu.workflows.platform.ApiProblem;
import ru.kuzbass.edu.workflows.platform.CaseTokens;
import ru.kuzbass.edu.workflows.platform.PlausibleDate;

/**
 * The compensation of living costs: the teacher's (or the school's) application and monthly
 * claims, opened with the enrolment's token ({@code X-Case-Token}) or by staff; the receipts and
 * the year's summary for staff only.
 */
@RestController
@RequestMapping("/api/rural-living-costs")
public class LivingCostsController {

  private final EnrolmentService enrolments;
  private final ClaimService claims;
  private final LivingCostsSummary summary;

  public LivingCostsController(EnrolmentService enrolments, ClaimService claims, LivingCostsSummary summary) {
    this.enrolments = enrolments;
    this.claims = claims;
    this.summary = summary;
  }

  /** {@code statusToken}: keep it; with the case number it opens the case and sends the monthly claims. */
  public record SubmissionResponse(String caseNumber, URI statusUrl, String statusToken) {}

  public record ClaimResponse(String caseNumber) {}

  public record DepartureRequest(@NotNull(message = "Укажите дату увольнения") @PlausibleDate LocalDate departureDate) {}

  @PostMapping("/enrolments")
  public ResponseEntity<SubmissionResponse> apply(@Valid @RequestBody EnrolmentRequest request) {
    EnrolmentService.Submitted s = enrolments.submit(request);
    URI status = UriComponentsBuilder.fromPath("/api/rural-living-costs/enrolments/{number}").buildAndExpand(s.caseNumber()).encode().toUri();
    return ResponseEntity.created(status).body(new SubmissionResponse(s.caseNumber(), status, s.statusToken()));
  }

  @GetMapping("/enrolments/{caseNumber}")
  public EnrolmentService.Status status(@PathVariable String caseNumber, HttpServletRequest request) {
    admitEnrolment(request, caseNumber);
    return enrolments.status(caseNumber, claims.claims(caseNumber));
  }

  /** Staff: the school reports that the teacher has left, between two re-confirmations. */
  @PostMapping("/enrolments/{caseNumber}/departure")
  public ResponseEntity<Void> departure(@PathVariable String caseNumber, @Valid @RequestBody DepartureRequest request) {
    enrolments.reportDeparture(caseNumber, request.departureDate());
    return ResponseEntity.accepted().build();
  }

  /**
   * A month's claim: {@code month} (ГГГГ-ММ), an amount in roubles per cost kind claimed
   * ({@code housing}, {@code heating}, {@code electricity}) and the receipts as files
   * ({@code receipts}, PDF, JPEG or PNG).
   */
  @PostMapping(value = "/enrolments/{caseNumber}/claims", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<ClaimResponse> claim(@PathVariable String caseNumber, @RequestParam(required = false) String month,
      @RequestParam(required = false) String housing, @RequestParam(required = false) String heating,
      @RequestParam(required = false) String electricity, @RequestParam(required = false) List<MultipartFile> receipts,
      HttpServletRequest request) {
    admitEnrolment(request, caseNumber);
    ClaimService.Submitted s = claims.submit(caseNumber, new ClaimService.ClaimForm(month, amounts(housing, heating, electricity), receipts));
    return ResponseEntity.created(UriComponentsBuilder.fromPath("/api/rural-living-costs/enrolments/{number}")
        .buildAndExpand(caseNumber).encode().toUri()).body(new ClaimResponse(s.caseNumber()));
  }

  /** The corrected claim, when the officer asked for a correction: the same fields; the lines and receipts are replaced. */
  @PutMapping(value = "/claims/{claimNumber}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<Void> correct(@PathVariable String claimNumber, @RequestParam(required = false) String month,
      @RequestParam(required = false) String housing, @RequestParam(required = false) String heating,
      @RequestParam(required = false) String electricity, @RequestParam(required = false) List<MultipartFile> receipts,
      HttpServletRequest request) {
    if (!claims.admits(request, claimNumber)) {
      throw ApiProblem.notFound("Заявка " + claimNumber + " не найдена или ключ доступа (" + CaseTokens.HEADER + ") неверен");
    }
    claims.correct(claimNumber, new ClaimService.ClaimForm(month, amounts(housing, heating, electricity), receipts));
    return ResponseEntity.accepted().build();
  }

  /** A receipt as uploaded, for the officer who checks the claim. */
  @GetMapping("/claims/{claimNumber}/receipts/{receiptId}")
  public ResponseEntity<byte[]> receipt(@PathVariable String claimNumber, @PathVariable long receiptId) {
    LivingCostsRepository.StoredReceipt r = claims.receipt(claimNumber, receiptId);
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(r.contentType()))
        .header("Content-Disposition", ContentDisposition.attachment().filename(r.fileName(), StandardCharsets.UTF_8).build().toString())
        .body(r.content());
  }

  /** The year's figures per municipality; {@code format=csv} gives RFC 4180 CSV for spreadsheet programs. */
  @GetMapping("/summary")
  public ResponseEntity<?> summary(@RequestParam int year, @RequestParam(required = false) String format) {
    if (year < 2000 || year > 2100) {
      throw ApiProblem.badField("year", "Год — четыре цифры, например 2027");
    }
    List<LivingCostsSummary.Municipality> rows = summary.of(year);
    if (!"csv".equalsIgnoreCase(format)) {
      return ResponseEntity.ok(rows);
    }
    return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header("Content-Disposition", "attachment; filename=\"rural-living-costs-" + year + ".csv\"")
        .body(LivingCostsSummary.csv(rows).getBytes(StandardCharsets.UTF_8));
  }

  private static Map<CostKind, String> amounts(String housing, String heating, String electricity) {
    Map<CostKind, String> amounts = new EnumMap<>(CostKind.class);
    amounts.put(CostKind.HOUSING, housing);
    amounts.put(CostKind.HEATING, heating);
    amounts.put(CostKind.ELECTRICITY, electricity);
    return amounts;
  }

  /** An unknown case and a wrong token look the same, so that case numbers cannot be probed. */
  private void admitEnrolment(HttpServletRequest request, String caseNumber) {
    if (!enrolments.admits(request, caseNumber)) {
      throw ApiProblem.notFound("Заявление " + caseNumber + " не найдено или ключ доступа (" + CaseTokens.HEADER + ") неверен");
    }
  }
}
