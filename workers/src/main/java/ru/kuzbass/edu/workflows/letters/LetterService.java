package ru.kuzbass.edu.workflows.letters;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import ru.kuzbass.edu.workflows.audit.AuditLog;

/**
 * The letter registry. A letter is issued at most once per case and kind: a retried job gets
 * the stored letter back, byte for byte, instead of a new one.
 */
@Service
public class LetterService {

  private final JdbcClient jdbc;
  private final PdfLetterRenderer renderer;
  private final AuditLog audit;
  private final Clock clock;

  public LetterService(JdbcClient jdbc, PdfLetterRenderer renderer, AuditLog audit, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.renderer = renderer;
    this.clock = clock;
  }

  /**
   * Returns the case's letter of this kind, rendering and storing it first if it does not exist.
   * The content is built only when needed, so a retry does not even read the person again.
   */
  public IssuedLetter issue(String caseNumber, String kind, String fileName, Supplier<LetterContent> content) {
    Optional<IssuedLetter> existing = find(caseNumber, kind);
    if (existing.isPresent()) {
      return existing.get();
    }
    LetterContent letter = content.get();
    byte[] pdf = renderer.render(letter);
    try {
      jdbc.sql("""
              INSERT INTO letter (case_number, kind, number, issued_on, file_name, sha256, pdf, created_at)
              VALUES (:caseNumber, :kind, :number, :issuedOn, :fileName, :sha256, :pdf, :createdAt)""")
          .param("caseNumber", caseNumber)
          .param("kind", kind)
          .param("number", letter.number())
          .param("issuedOn", letter.date())
          .param("fileName", fileName)
          .param("sha256", sha256(pdf))
          .param("pdf", pdf)
          .param("createdAt", LocalDateTime.now(clock.withZone(ZoneOffset.UTC)))
          .update();
    } catch (DuplicateKeyException raced) {
      // Another delivery of the same job stored it first; theirs is the letter of record.
    }
    IssuedLetter issued = find(caseNumber, kind).orElseThrow();
    audit.append(new AuditLog.Event("letter:" + caseNumber + ":" + kind, caseNumber, "LETTER", "letters", null, null, null, kind,
        "Письмо № " + issued.number() + ", " + issued.fileName(), issued.sha256()));
    return issued;
  }

  public Optional<IssuedLetter> find(String caseNumber, String kind) {
    return jdbc.sql("SELECT * FROM letter WHERE case_number = :caseNumber AND kind = :kind")
        .param("caseNumber", caseNumber)
        .param("kind", kind)
        .query((rs, i) -> new IssuedLetter(
            rs.getLong("id"), rs.getString("case_number"), rs.getString("kind"), rs.getString("number"),
            rs.getObject("issued_on", java.time.LocalDate.class), rs.getString("file_name"), rs.getString("sha256"), rs.getBytes("pdf")))
        .optional();
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
