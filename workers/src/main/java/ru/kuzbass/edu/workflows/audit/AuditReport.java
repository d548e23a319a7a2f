package ru.kuzbass.edu.workflows.audit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import ru.kuzbass.edu.workflows.letters.LetterContent;
import ru.kuzbass.edu.workflows.letters.LetterService;
import ru.kuzbass.edu.workflows.letters.PdfLetterRenderer;
import ru.kuzbass.edu.workflows.platform.RegionTime;

/**
 * A case's audit trail as a PDF/A report. The report carries its own hash: the SHA-256 of the
 * lines it lists, which anyone can recompute from the CSV export of the same case, and the last
 * link of the case's chain, which {@code /api/audit/verify} vouches for.
 */
@Service
public class AuditReport {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");

  private final AuditLog audit;
  private final PdfLetterRenderer renderer;
  private final Clock clock;

  public AuditReport(AuditLog audit, PdfLetterRenderer renderer, Clock clock) {
    this.audit = audit;
    this.renderer = renderer;
    this.clock = clock;
  }

  public record Report(byte[] pdf, String contentSha256, String pdfSha256) {}

  /** The report, or {@code null} when the log has nothing on the case. */
  public Report of(String caseNumber) {
    List<AuditLog.Stored> events = audit.events(caseNumber);
    if (events.isEmpty()) {
      return null;
    }
    List<String> lines = events.stream().map(AuditReport::line).toList();
    String contentHash = contentHash(lines);
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add("Записи журнала аудита по делу " + caseNumber + " в порядке внесения (время — Новокузнецк, UTC+7):");
    paragraphs.addAll(lines);
    paragraphs.add("Последнее звено цепочки дела: " + events.getLast().caseHash() + ".");
    paragraphs.add("Контрольная сумма строк отчёта (SHA-256): " + contentHash + ". Её можно пересчитать по выгрузке CSV "
        + "того же дела; целостность цепочек проверяет GET /api/audit/verify.");
    byte[] pdf = renderer.render(new LetterContent("Отчёт журнала аудита", caseNumber, RegionTime.today(clock),
        List.of("Для контрольно-ревизионного отдела"), paragraphs, "Министерство образования Кузбасса"));
    return new Report(pdf, contentHash, LetterService.sha256(pdf));
  }

  /** One event as the report prints it. */
  static String line(AuditLog.Stored e) {
    return "№ " + e.id() + " · " + TIME.format(e.occurredAt().atZone(RegionTime.ZONE)) + " · " + e.kind() + " · " + e.actor()
        + (e.elementId() == null ? "" : " · " + e.elementId()) + " · " + e.outcome()
        + (e.details() == null ? "" : " · " + e.details()) + (e.digest() == null ? "" : " · SHA-256 " + e.digest());
  }

  static String contentHash(List<String> lines) {
    return LetterService.sha256(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
  }
}
