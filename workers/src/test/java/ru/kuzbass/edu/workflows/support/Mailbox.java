package ru.kuzbass.edu.workflows.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.util.ArrayList;
import java.util.List;

/** What the SMTP server received, read the way a person reads it: subject, text, attached PDF. */
public final class Mailbox {
  private Mailbox() {}

  public record Letter(String subject, String recipient, String body, String attachmentName, byte[] pdf) {
    public String pdfText() throws Exception {
      return PdfAssertions.text(pdf);
    }
  }

  public static Letter single(List<Letter> letters) {
    assertThat(letters).hasSize(1);
    return letters.getFirst();
  }

  public static List<Letter> letters() throws Exception {
    List<Letter> out = new ArrayList<>();
    for (MimeMessage m : SharedMailServer.received()) {
      String text = null;
      String name = null;
      byte[] pdf = null;
      if (m.getContent() instanceof Multipart multipart) {
        for (int i = 0; i < multipart.getCount(); i++) {
          Part part = multipart.getBodyPart(i);
          if (part.getContent() instanceof Multipart inner) {
            text = String.valueOf(inner.getBodyPart(0).getContent());
          } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            name = MimeUtility.decodeText(part.getFileName());
            pdf = part.getInputStream().readAllBytes();
          } else {
            text = String.valueOf(part.getContent());
          }
        }
      } else {
        text = String.valueOf(m.getContent());
      }
      out.add(new Letter(m.getSubject(), m.getAllRecipients()[0].toString(), text, name, pdf));
    }
    return out;
  }

  public static List<Letter> to(String recipient) throws Exception {
    return letters().stream().filter(l -> l.recipient().equals(recipient)).toList();
  }
}
