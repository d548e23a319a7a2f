package ru.kuzbass.edu.workflows.mail;

import java.util.List;
import ru.kuzbass.edu.workflows.letters.IssuedLetter;

/**
 * One e-mail to send.
 *
 * @param key        names the effect, for example {@code ЗУ-2027-000001:APPROVAL}; the same key is
 *                   never delivered twice
 * @param attachment the letter to attach, or {@code null} for a plain message
 * @param documents  further PDF documents to attach after the letter, for example a project the letter covers
 */
public record OutgoingMail(String key, String recipient, String subject, String body, IssuedLetter attachment, List<Document> documents) {

  public OutgoingMail(String key, String recipient, String subject, String body, IssuedLetter attachment) {
    this(key, recipient, subject, body, attachment, List.of());
  }

  /** A PDF that is not a letter of ours, attached as it was received. */
  public record Document(String fileName, byte[] pdf) {}
}
