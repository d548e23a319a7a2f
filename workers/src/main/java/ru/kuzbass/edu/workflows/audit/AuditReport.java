package ru.kuzbass.edu.workflows.audit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import ru.kuzbass.edu.workflows.letters.LetterContent;
import ru.kuzbass.edu.workflows.letters.LetterService;
import ru.kuzbass.edu.workflows.letters.Letterhead;
import ru.kuzbass.edu.workflows.letters.PdfLetterRenderer;
import ru.kuzbass.edu.workflows.platform.RegionTime;

/**
 * A case's timeline as a PDF/A report. The report carries its own hash: the SHA-256 of the lines
 * it lists, which anyone can recompute from the CSV export of the same case, and the last link of
 * the case's chain, which {@code /api/audit/verify} vouches for.
 */
@Service
public class AuditReport {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");

  private final PdfLetterRenderer renderer;
  private final Letterhead letterhead;
  private final Clock clock;

  public AuditReport(PdfLetterRenderer renderer, Letterhead letterhead, Clock clock) {
    this.renderer = renderer;
    this.letterhead = letterhead;
    this.clock = clock;
  }

  public record Report(byte[] pdf, String contentSha256, String pdfSha256) {}

  public Report of(CaseTimeline.Timeline timeline) {
    List<String> lines = timeline.entries().stream().map(AuditReport::line).toList();
    String contentHash = contentHash(lines);
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add("События дела " + timeline.caseNumber() + " в порядке времени (Новокузнецк, UTC+7). «Журнал» — запись журнала аудита, "
        + "«Движок» — история исполнения из встроенного движка процессов Operaton."
        + (timeline.personalDataShown() ? " Персональные данные показаны по запросу аудитора; запрос записан в журнал."
            : " Персональные данные скрыты."));
    for (CaseTimeline.SubjectView s : timeline.subjects()) {
      paragraphs.add("Субъект: " + s.name() + ", " + (s.snils() == null ? "СНИЛС удалён" : s.snils()) + (s.anonymised() ? " (обезличен)" : ""));
    }
    if (!timeline.engineHistoryShown()) {
      paragraphs.add(timeline.engineHistoryProblem() + ".");
    }
    paragraphs.addAll(lines);
    timeline.entries().stream().filter(e -> e.caseHash() != null).reduce((a, b) -> b)
        .ifPresent(last -> paragraphs.add("Последнее звено цепочки дела: " + last.caseHash() + "."));
    paragraphs.add("Контрольная сумма строк отчёта (SHA-256): " + contentHash + ". Её можно пересчитать по выгрузке CSV "
        + "того же дела; целостность цепочек проверяет GET /api/audit/verify.");
    byte[] pdf = renderer.render(new LetterContent("Отчёт журнала аудита", timeline.caseNumber(), RegionTime.today(clock),
        List.of("Для контрольно-ревизионного отдела"), paragraphs), letterhead.unsigned());
    return new Report(pdf, contentHash, LetterService.sha256(pdf));
  }

  /** One entry as the report prints it. */
  static String line(CaseTimeline.Entry e) {
    StringBuilder line = new StringBuilder(e.source().equals("AUDIT") ? "Журнал № " + e.auditId() : "Движок");
    line.append(" · ").append(e.at() == null ? "—" : TIME.format(e.at().atZone(RegionTime.ZONE))).append(" · ").append(e.kind());
    for (String part : new String[] {e.actor(), e.elementId(), e.outcome(), e.details(), e.formData()}) {
      if (part != null) {
        line.append(" · ").append(part);
      }
    }
    return e.digest() == null ? line.toString() : line.append(" · SHA-256 ").append(e.digest()).toString();
  }

  static String contentHash(List<String> lines) {
    return LetterService.sha256(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
  }
}
