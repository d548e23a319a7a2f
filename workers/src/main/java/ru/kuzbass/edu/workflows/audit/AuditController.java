package ru.kuzbass.edu.workflows.audit;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.kuzbass.edu.workflows.platform.ApiProblem;
import ru.kuzbass.edu.workflows.platform.Csv;
import ru.kuzbass.edu.workflows.platform.RegionTime;

/** The audit log for auditors: verification of the chains, and a case's events as JSON or CSV. */
@RestController
@RequestMapping("/api/audit")
public class AuditController {

  private final AuditLog audit;
  private final AuditReport reports;
  private final AuditSearch search;

  public AuditController(AuditLog audit, AuditReport reports, AuditSearch search) {
    this.audit = audit;
    this.reports = reports;
    this.search = search;
  }

  /** The case's trail as a PDF/A report; its content hash and the file's SHA-256 also come as headers. */
  @GetMapping(value = "/cases/{caseNumber}/report.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  public ResponseEntity<byte[]> report(@PathVariable String caseNumber) {
    AuditReport.Report report = reports.of(caseNumber);
    if (report == null) {
      throw ApiProblem.notFound("В журнале аудита нет записей по делу " + caseNumber);
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header("Content-Disposition", "attachment; filename=\"audit-report.pdf\"")
        .header("X-Report-Content-SHA256", report.contentSha256())
        .header("X-Report-SHA256", report.pdfSha256())
        .body(report.pdf());
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

  /** The case's events in order; {@code format=csv} gives RFC 4180 CSV (UTF-8 with BOM), times in the region's zone. */
  @GetMapping("/cases/{caseNumber}")
  public ResponseEntity<?> timeline(@PathVariable String caseNumber, @RequestParam(required = false) String format) {
    List<AuditLog.Stored> events = audit.events(caseNumber);
    if (events.isEmpty()) {
      throw ApiProblem.notFound("В журнале аудита нет записей по делу " + caseNumber);
    }
    if (!"csv".equalsIgnoreCase(format)) {
      return ResponseEntity.ok(events);
    }
    ZoneId zone = RegionTime.ZONE;
    StringBuilder csv = new StringBuilder(
        Csv.BOM + "id,case_number,kind,occurred_at,actor,element_id,process_instance_key,job_key,outcome,details,digest,case_hash\r\n");
    for (AuditLog.Stored e : events) {
      csv.append(String.join(",", String.valueOf(e.id()), Csv.field(e.caseNumber()), Csv.field(e.kind()),
          Csv.field(e.occurredAt().atZone(zone).toOffsetDateTime().toString()), Csv.field(e.actor()), Csv.field(e.elementId()),
          e.processInstanceKey() == null ? "" : e.processInstanceKey().toString(), e.jobKey() == null ? "" : e.jobKey().toString(),
          Csv.field(e.outcome()), Csv.field(e.details()), Csv.field(e.digest()), Csv.field(e.caseHash()))).append("\r\n");
    }
    return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header("Content-Disposition", "attachment; filename=\"audit.csv\"")
        .body(csv.toString().getBytes(StandardCharsets.UTF_8));
  }
}
