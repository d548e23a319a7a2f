package ru.kuzbass.edu.workflows.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.kuzbass.edu.workflows.letters.LetterService;
import ru.kuzbass.edu.workflows.platform.ApiProblem;
import ru.kuzbass.edu.workflows.platform.Csv;
import ru.kuzbass.edu.workflows.platform.RegionTime;

/**
 * The audit log for auditors (role AUDITOR): verification of the chains, a paged case search, and a
 * case's timeline as JSON, CSV or a PDF/A report. A timeline masks personal data unless the auditor
 * asks for it with {@code personalData=true} and a {@code reason}; that request is itself appended
 * to the case's chain, with the auditor's name.
 *
 * <p>One endpoint is public: a letter's verification code resolves to its number, kind, date and
 * SHA-256, so that a recipient or a court can check a letter without an account. It tells nothing
 * personal, codes cannot be guessed, and it is rate-limited per address like the intake.
 */
@RestController
@RequestMapping("/api/audit")
public class AuditController {

  private final AuditLog audit;
  private final CaseTimeline timelines;
  private final AuditReport reports;
  private final AuditSearch search;
  private final LetterService letters;
  private final ObjectMapper json;

  public AuditController(AuditLog audit, CaseTimeline timelines, AuditReport reports, AuditSearch search, LetterService letters,
      ObjectMapper json) {
    this.audit = audit;
    this.timelines = timelines;
    this.reports = reports;
    this.search = search;
    this.letters = letters;
    this.json = json;
  }

  /** The letter that printed this code (public; see the class comment). */
  @GetMapping("/letters/{code}")
  public LetterService.Verification letter(@PathVariable String code) {
    return letters.verify(code).orElseThrow(() -> ApiProblem.notFound(
        "Письма с кодом проверки " + (code.length() > 20 ? code.substring(0, 20) + "…" : code) + " в реестре писем нет"));
  }

  /** Cases by process, period (local dates, inclusive) and an outcome any of their events had; newest activity first. */
  @GetMapping("/cases")
  public AuditSearch.Page cases(@RequestParam(required = false) String process, @RequestParam(required = false) LocalDate from,
      @RequestParam(required = false) LocalDate to, @RequestParam(required = false) String outcome,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    if (page < 0) {
      throw ApiProblem.badField("page", "Номер страницы не может быть отрицательным");
    }
    if (size < 1 || size > 200) {
      throw ApiProblem.badField("size", "Размер страницы — от 1 до 200");
    }
    if (from != null && to != null && from.isAfter(to)) {
      throw ApiProblem.badField("from", "Начало периода позже его конца");
    }
    return search.find(process, from, to, outcome, page, size);
  }

  @GetMapping("/verify")
  public AuditLog.Verification verify() {
    return audit.verify();
  }

  /** The case's timeline; {@code format=csv} gives RFC 4180 CSV (UTF-8 with BOM), times in the region's zone. */
  @GetMapping("/cases/{caseNumber}")
  public ResponseEntity<?> timeline(@PathVariable String caseNumber, @RequestParam(required = false) String format,
      @RequestParam(defaultValue = "false") boolean personalData, @RequestParam(required = false) String reason, Principal auditor) {
    if (format != null && !format.equalsIgnoreCase("csv") && !format.equalsIgnoreCase("json")) {
      throw ApiProblem.badField("format", "Формат выгрузки: json или csv");
    }
    boolean csv = "csv".equalsIgnoreCase(format);
    CaseTimeline.Timeline timeline = read(caseNumber, personalData, reason, auditor, csv ? "csv" : "json");
    if (!csv) {
      return ResponseEntity.ok(timeline);
    }
    ZoneId zone = RegionTime.ZONE;
    StringBuilder out = new StringBuilder(Csv.BOM
        + "source,audit_id,occurred_at,kind,actor,element_id,process_instance_key,key,outcome,details,form_data,digest,case_hash\r\n");
    for (CaseTimeline.Entry e : timeline.entries()) {
      out.append(String.join(",", Csv.field(e.source()), e.auditId() == null ? "" : e.auditId().toString(),
          e.at() == null ? "" : Csv.field(e.at().atZone(zone).toOffsetDateTime().toString()), Csv.field(e.kind()), Csv.field(e.actor()),
          Csv.field(e.elementId()), e.processInstanceKey() == null ? "" : e.processInstanceKey().toString(),
          e.key() == null ? "" : e.key().toString(), Csv.field(e.outcome()), Csv.field(e.details()), Csv.field(e.formData()),
          Csv.field(e.digest()), Csv.field(e.caseHash()))).append("\r\n");
    }
    return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header("Content-Disposition", "attachment; filename=\"audit.csv\"")
        .body(out.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The case's timeline as a PDF/A report; its content hash and the file's SHA-256 also come as headers. */
  @GetMapping(value = "/cases/{caseNumber}/report.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  public ResponseEntity<byte[]> report(@PathVariable String caseNumber, @RequestParam(defaultValue = "false") boolean personalData,
      @RequestParam(required = false) String reason, Principal auditor) {
    AuditReport.Report report = reports.of(read(caseNumber, personalData, reason, auditor, "pdf"));
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header("Content-Disposition", "attachment; filename=\"audit-report.pdf\"")
        .header("X-Report-Content-SHA256", report.contentSha256())
        .header("X-Report-SHA256", report.pdfSha256())
        .body(report.pdf());
  }

  private CaseTimeline.Timeline read(String caseNumber, boolean personalData, String reason, Principal auditor, String export) {
    if (personalData && (reason == null || reason.isBlank())) {
      throw ApiProblem.badField("reason", "Укажите основание доступа к персональным данным (например, номер приказа о проверке)");
    }
    if (reason != null && reason.length() > 500) {
      throw ApiProblem.badField("reason", "Основание — не длиннее 500 символов");
    }
    CaseTimeline.Timeline timeline = timelines.of(caseNumber, personalData)
        .orElseThrow(() -> ApiProblem.notFound("В журнале аудита нет записей по делу " + caseNumber));
    if (personalData) {
      audit.append(new AuditLog.Event("pd-access:" + UUID.randomUUID(), caseNumber, "ACCESS", auditor.getName(), null, null, null,
          "PERSONAL_DATA_SHOWN", details(reason.strip(), export), null));
    }
    return timeline;
  }

  /** In a fixed order: the chain hashes this text. */
  private String details(String reason, String export) {
    Map<String, String> values = new java.util.LinkedHashMap<>();
    values.put("reason", reason);
    values.put("export", export);
    try {
      return json.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
