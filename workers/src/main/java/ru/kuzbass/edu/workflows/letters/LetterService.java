package ru.kuzbass.edu.workflows.letters;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
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
 * the stored letter back, byte for byte, with the verification code it printed, instead of a new one.
 */
@Service
public class LetterService {

  private final JdbcClient jdbc;
  private final PdfLetterRenderer renderer;
  private final Letterhead letterhead;
  private final AuditLog audit;
  private final Clock clock;

  public LetterService(JdbcClient jdbc, PdfLetterRenderer renderer, Letterhead letterhead, AuditLog audit, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.renderer = renderer;
    this.letterhead = letterhead;
    this.clock = clock;
  }

  /** What the registry says about a letter, by its verification code: nothing personal, enough to check a copy. */
  public record Verification(String code, String number, String kind, LocalDate issuedOn, String sha256) {}

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
    String code = VerificationCode.next();
    byte[] pdf = renderer.render(letter, letterhead.frame(letter, code));
    try {
      jdbc.sql("""
              INSERT INTO letter (case_number, kind, number, issued_on, file_name, sha256, verification_code, pdf, created_at)
              VALUES (:caseNumber, :kind, :number, :issuedOn, :fileName, :sha256, :code, :pdf, :createdAt)""")
          .param("caseNumber", caseNumber)
          .param("kind", kind)
          .param("number", letter.number())
          .param("issuedOn", letter.date())
          .param("fileName", fileName)
          .param("sha256", sha256(pdf))
          .param("code", code)
          .param("pdf", pdf)
          .param("createdAt", LocalDateTime.now(clock.withZone(ZoneOffset.UTC)))
          .update();
    } catch (DuplicateKeyException raced) {
      // Another delivery of the same job stored it first; theirs is the letter of record. (Should the
      // code instead have met an earlier letter's, one in 2^60, nothing is stored: the job fails and its retry draws a new one.)
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
            rs.getObject("issued_on", LocalDate.class), rs.getString("file_name"), rs.getString("sha256"),
            rs.getString("verification_code"), rs.getBytes("pdf")))
        .optional();
  }

  /** The letter that printed this code, as typed from the letter ({@link VerificationCode#parse}); empty if none did. */
  public Optional<Verification> verify(String typedCode) {
    return VerificationCode.parse(typedCode).flatMap(code -> jdbc.sql(
            "SELECT number, kind, issued_on, sha256 FROM letter WHERE verification_code = ?")
        .param(code)
        .query((rs, i) -> new Verification(VerificationCode.printed(code), rs.getString("number"), rs.getString("kind"),
            rs.getObject("issued_on", LocalDate.class), rs.getString("sha256")))
        .optional());
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
