package ru.kuzbass.edu.workflows.mentorbonus;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import ru.kuzbass.edu.workflows.platform.ApiProblem;
import ru.kuzbass.edu.workflows.platform.Csv;
import ru.kuzbass.edu.workflows.platform.PlainText;

@RestController
@RequestMapping("/api/mentoring")
public class MentorBonusController {

  private final MentorBonusService service;
  private final MentorBonusRepository nominations;

  public MentorBonusController(MentorBonusService service, MentorBonusRepository nominations) {
    this.service = service;
    this.nominations = nominations;
  }

  public record SubmissionResponse(String caseNumber, URI statusUrl) {}

  public record TerminationRequest(
      @NotNull(message = "Укажите дату прекращения наставничества") LocalDate endDate,
      @NotBlank(message = "Укажите причину") @Size(max = 500, message = "Не более 500 символов") @PlainText String reason) {}

  @PostMapping("/nominations")
  public ResponseEntity<SubmissionResponse> nominate(@Valid @RequestBody NominationRequest request) {
    MentorBonusService.Submitted s = service.nominate(request);
    URI status = UriComponentsBuilder.fromPath("/api/mentoring/nominations/{number}").buildAndExpand(s.caseNumber()).encode().toUri();
    return ResponseEntity.created(status).body(new SubmissionResponse(s.caseNumber(), status));
  }

  @GetMapping("/nominations/{caseNumber}")
  public MentorBonusService.Status status(@PathVariable String caseNumber) {
    return service.status(caseNumber);
  }

  @PostMapping("/nominations/{caseNumber}/termination")
  public ResponseEntity<Void> terminate(@PathVariable String caseNumber, @Valid @RequestBody TerminationRequest request) {
    service.endMentoring(caseNumber, request.endDate(), request.reason().trim());
    return ResponseEntity.accepted().build();
  }

  /**
   * The month's accruals for the accounting system: RFC 4180 CSV, UTF-8 with a byte-order mark
   * so that spreadsheet programs read the Cyrillic names right.
   */
  @GetMapping(value = "/payroll/{month}", produces = "text/csv")
  public ResponseEntity<byte[]> payroll(@PathVariable String month) {
    YearMonth ym;
    try {
      ym = YearMonth.parse(month);
    } catch (DateTimeParseException e) {
      throw ApiProblem.badField("month", "Месяц указывается как ГГГГ-ММ, например 2027-09");
    }
    StringBuilder csv = new StringBuilder(Csv.BOM + "case_number,mentor_snils,mentor_name,school_code,month,amount,funding_source\r\n");
    BigDecimal total = BigDecimal.ZERO;
    for (MentorBonusRepository.PayrollRow r : nominations.payroll(ym)) {
      csv.append(String.join(",", Csv.field(r.caseNumber()), Csv.field(r.mentorSnils()), Csv.field(r.mentorName()), Csv.field(r.schoolCode()),
          Csv.field(r.month()), r.amount().toPlainString(), Csv.field(r.fundingSource()))).append("\r\n");
      total = total.add(r.amount());
    }
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header("Content-Disposition", "attachment; filename=\"mentor-bonus-payroll-" + ym + ".csv\"")
        .header("X-Payroll-Total", total.toPlainString())
        .body(csv.toString().getBytes(StandardCharsets.UTF_8));
  }
}
