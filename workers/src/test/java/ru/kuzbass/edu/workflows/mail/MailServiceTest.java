package ru.kuzbass.edu.workflows.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.kuzbass.edu.workflows.letters.IssuedLetter;
import ru.kuzbass.edu.workflows.letters.LetterContent;
import ru.kuzbass.edu.workflows.letters.LetterService;
import ru.kuzbass.edu.workflows.support.ProcessTest;
import ru.kuzbass.edu.workflows.support.SharedMailServer;

/** Mail through the outbox to a real SMTP server, with Cyrillic headers and a PDF attachment. */
class MailServiceTest extends ProcessTest {

  @Autowired MailService mail;
  @Autowired LetterService letters;

  @Test
  void letterIsMailedOnceWithCyrillicSubjectAndPdfAttachment() throws Exception {
    IssuedLetter letter = letters.issue("ЗУ-2027-000007", "APPROVAL", "ЗУ-2027-000007-Р.pdf", () -> new LetterContent(
        "Уведомление", "ЗУ-2027-000007/Р", LocalDate.of(2027, 3, 1), List.of("Кому: Петров Пётр"), List.of("Текст")));
    OutgoingMail message = new OutgoingMail("ЗУ-2027-000007:APPROVAL", "petrov@example.ru",
        "Земский учитель: решение по заявлению ЗУ-2027-000007", "Здравствуйте, Пётр!", letter);

    mail.send(message);
    mail.send(message); // a retried job

    MimeMessage[] received = SharedMailServer.received();
    assertThat(received).hasSize(1);
    assertThat(received[0].getSubject()).isEqualTo("Земский учитель: решение по заявлению ЗУ-2027-000007");
    Multipart parts = (Multipart) received[0].getContent();
    var attachment = parts.getBodyPart(1);
    assertThat(MimeUtility.decodeText(attachment.getFileName())).isEqualTo("ЗУ-2027-000007-Р.pdf");
    assertThat(attachment.getContentType()).startsWith("application/pdf");
    assertThat(attachment.getInputStream().readAllBytes()).isEqualTo(letter.pdf());
    assertThat(jdbc.sql("SELECT status FROM mail_outbox").query(String.class).single()).isEqualTo("SENT");
  }

  @Test
  void aCopySentAgainAfterACrashCarriesTheSameMessageId() throws Exception {
    OutgoingMail message = new OutgoingMail("ЗУ-2027-000009:APPROVAL", "ivanova@example.ru", "Земский учитель: решение", "Текст", null);
    mail.send(message);
    // the process died after the SMTP server took the message and before the outbox said so
    jdbc.sql("UPDATE mail_outbox SET status = 'PENDING'").update();
    mail.send(message);
    mail.send(new OutgoingMail("ЗУ-2027-000010:APPROVAL", "ivanova@example.ru", "Земский учитель: решение", "Текст", null));

    MimeMessage[] received = SharedMailServer.received();
    assertThat(received).hasSize(3);
    assertThat(received[1].getMessageID()).isEqualTo(received[0].getMessageID()).endsWith("@edu.kuzbass.example>");
    assertThat(received[2].getMessageID()).isNotEqualTo(received[0].getMessageID());
  }

  @Test
  void theSameLetterIsIssuedOnceAndKeepsItsHash() {
    IssuedLetter first = letters.issue("ЗУ-2027-000008", "REJECTION", "a.pdf", () -> new LetterContent(
        "Отказ", "ЗУ-2027-000008/О", LocalDate.of(2027, 3, 1), List.of("Кому: Иванов"), List.of("Причина")));
    IssuedLetter second = letters.issue("ЗУ-2027-000008", "REJECTION", "a.pdf", () -> {
      throw new AssertionError("a stored letter must not be rendered again");
    });
    assertThat(second.id()).isEqualTo(first.id());
    assertThat(second.sha256()).isEqualTo(LetterService.sha256(first.pdf())).hasSize(64);
    assertThat(second.verificationCode()).as("the retried letter keeps the code it printed").isEqualTo(first.verificationCode()).hasSize(12);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM letter").query(Integer.class).single()).isEqualTo(1);
  }
}
