package ru.kuzbass.edu.workflows.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** A letter sent over real SMTP shows up in the web inbox, with its PDF attachment. */
class MailInboxTest {

  @Test
  void aLetterCanBeReadAndItsAttachmentDownloaded() throws Exception {
    int smtp = freePort();
    int web = freePort();
    try (MailInbox inbox = new MailInbox(smtp, web)) {
      Properties props = new Properties();
      props.put("mail.smtp.host", "127.0.0.1");
      props.put("mail.smtp.port", Integer.toString(smtp));
      MimeMessage message = new MimeMessage(Session.getInstance(props));
      message.setFrom(new InternetAddress("noreply@edu.kuzbass.example"));
      message.setRecipient(Message.RecipientType.TO, new InternetAddress("anna@example.ru"));
      message.setSubject("Земский учитель: решение <по заявлению>", "UTF-8");
      MimeBodyPart text = new MimeBodyPart();
      text.setText("Здравствуйте, Анна!", "UTF-8");
      MimeBodyPart pdf = new MimeBodyPart();
      pdf.setContent("%PDF-1.7 test".getBytes(StandardCharsets.US_ASCII), "application/pdf");
      pdf.setFileName(jakarta.mail.internet.MimeUtility.encodeText("ЗУ-2027-000001-Р.pdf", "UTF-8", null));
      pdf.setDisposition(jakarta.mail.Part.ATTACHMENT);
      message.setContent(new MimeMultipart(text, pdf));
      Transport.send(message);

      HttpClient http = HttpClient.newHttpClient();
      String json = get(http, "http://localhost:" + web + "/api/messages").body();
      assertTrue(json.contains("\"subject\":\"Земский учитель: решение <по заявлению>\""), json);
      assertTrue(json.contains("\"name\":\"ЗУ-2027-000001-Р.pdf\",\"contentType\":\"application/pdf\""), json);

      String list = get(http, "http://localhost:" + web + "/").body();
      assertTrue(list.contains("решение &lt;по заявлению&gt;"), list); // escaped, not injected

      HttpResponse<String> attachment = get(http, "http://localhost:" + web + "/messages/1/attachments/1");
      assertEquals("application/pdf", attachment.headers().firstValue("Content-Type").orElseThrow());
      assertTrue(attachment.body().startsWith("%PDF"));
      assertEquals(404, get(http, "http://localhost:" + web + "/messages/7").statusCode());
    }
  }

  private static HttpResponse<String> get(HttpClient http, String url) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
