package ru.kuzbass.edu.workflows.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import ru.kuzbass.edu.workflows.letters.LetterService;

/**
 * Sends mail through an outbox table. Each message is recorded under its key before it is sent
 * and marked SENT after the SMTP server accepted it; a retried job that finds it SENT does
 * nothing. A failure leaves the row PENDING with the error, and the job's retry sends it again.
 */
@Service
public class MailService {

  private static final Logger log = LoggerFactory.getLogger(MailService.class);
  private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

  static {
    // Jakarta Mail finds its stream provider with a ServiceLoader scan of the whole class path for
    // every message part it builds (jakarta.mail.util.FactoryFinder). In the packaged jar that was
    // the largest cost of sending a letter in the P1 profile (docs/benchmarks.md); naming the
    // provider, as FactoryFinder reads the system property first, skips the scan.
    if (System.getProperty(STREAM_PROVIDER) == null) {
      System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
    }
  }

  private final JdbcClient jdbc;
  private final JavaMailSender sender;
  private final MailProperties properties;
  private final Clock clock;

  public MailService(JdbcClient jdbc, JavaMailSender sender, MailProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.sender = sender;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * @param from the sender's address
   * @param markSentPatience how long to keep trying to record a delivered message as sent (default 2 min)
   */
  @ConfigurationProperties("workflows.mail")
  public record MailProperties(String from) {
    public MailProperties {
      if (from == null || from.isBlank()) {
        from = "noreply@edu.kuzbass.example";
      }
    }
  }

  /** Sends the message unless a message with the same key was already sent. */
  public void send(OutgoingMail mail) {
    jdbc.sql("""
            INSERT IGNORE INTO mail_outbox (message_key, recipient, subject, body, letter_id, status, created_at)
            VALUES (:key, :recipient, :subject, :body, :letterId, 'PENDING', :now)""")
        .param("key", mail.key())
        .param("recipient", mail.recipient())
        .param("subject", mail.subject())
        .param("body", mail.body())
        .param("letterId", mail.attachment() == null ? null : mail.attachment().id())
        .param("now", now())
        .update();
    String status = jdbc.sql("SELECT status FROM mail_outbox WHERE message_key = :key")
        .param("key", mail.key()).query(String.class).single();
    if ("SENT".equals(status)) {
      log.info("Mail {} was already sent; not sending it again", mail.key());
      return;
    }
    try {
      sender.send(toMime(mail));
    } catch (MailException | MessagingException e) {
      jdbc.sql("UPDATE mail_outbox SET attempts = attempts + 1, last_error = :error WHERE message_key = :key")
          .param("error", truncate(String.valueOf(e.getMessage()), 1000))
          .param("key", mail.key())
          .update();
      throw new MailDeliveryException("Could not deliver mail " + mail.key() + ": " + e.getMessage(), e);
    }
    markSent(mail.key());
  }

  /**
   * The SMTP server has the message; the record of that commits with the step that sent it. When the
   * step's transaction is lost after the SMTP server accepted the message (the process killed, the
   * database gone), the step's retry sends it again under the same Message-ID, which mail clients
   * show as one letter: at most once per step in flight.
   */
  private void markSent(String key) {
    jdbc.sql("UPDATE mail_outbox SET status = 'SENT', attempts = attempts + 1, sent_at = :now, last_error = NULL WHERE message_key = :key")
        .param("now", now())
        .param("key", key)
        .update();
  }

  private MimeMessage toMime(OutgoingMail mail) throws MessagingException {
    MimeMessage message = sender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, mail.attachment() != null || !mail.documents().isEmpty(),
        StandardCharsets.UTF_8.name());
    helper.setFrom(properties.from());
    // the same letter always has the same Message-ID, so a copy sent again after a crash shows up as one
    message.setHeader("Message-ID", "<" + LetterService.sha256(mail.key().getBytes(StandardCharsets.UTF_8)).substring(0, 40) + "@"
        + properties.from().substring(properties.from().indexOf('@') + 1) + ">");
    helper.setTo(mail.recipient());
    helper.setSubject(mail.subject());
    helper.setText(mail.body(), false);
    if (mail.attachment() != null) {
      helper.addAttachment(mail.attachment().fileName(), new ByteArrayResource(mail.attachment().pdf()), "application/pdf");
    }
    for (OutgoingMail.Document d : mail.documents()) {
      helper.addAttachment(d.fileName(), new ByteArrayResource(d.pdf()), "application/pdf");
    }
    return message;
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  /** A technical failure: the step fails and the engine retries it with back-off. */
  public static class MailDeliveryException extends RuntimeException {
    public MailDeliveryException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
