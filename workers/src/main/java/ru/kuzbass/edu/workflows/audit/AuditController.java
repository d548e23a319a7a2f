package ru.kuzbass.edu.workflows.audit;

import java.nio.charset.StandardCharsets;
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

  public AuditController(AuditLog audit) {
    this.audit = audit;
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
