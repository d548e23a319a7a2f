package ru.kuzbass.edu.workflows.stack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A real SMTP server (GreenMail) that accepts every letter the system sends, and a small web
 * inbox to read them: the list, each message with its text, and its PDF attachments. It also
 * answers {@code /api/messages} with JSON, for scripts and the browser test. Mail is kept in
 * memory: a restart of the stack starts with an empty inbox.
 */
final class MailInbox implements AutoCloseable {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(ZoneId.of("Asia/Novokuznetsk"));

  private final GreenMail smtp;
  private final HttpServer web;

  MailInbox(int smtpPort, int webPort) throws IOException {
    smtp = new GreenMail(new ServerSetup(smtpPort, "0.0.0.0", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    web = HttpServer.create(new InetSocketAddress(webPort), 0);
    web.createContext("/", this::handle);
    web.start();
  }

  record Attachment(String name, String contentType, byte[] content) {}

  record Message(int id, String to, String subject, String sentAt, String text, List<Attachment> attachments) {}

  List<Message> messages() {
    List<Message> out = new ArrayList<>();
    MimeMessage[] received = smtp.getReceivedMessages();
    for (int i = 0; i < received.length; i++) {
      try {
        out.add(read(i + 1, received[i]));
      } catch (Exception e) {
        out.add(new Message(i + 1, "?", "(не удалось прочитать письмо: " + e.getMessage() + ")", "", "", List.of()));
      }
    }
    return out;
  }

  private static Message read(int id, MimeMessage m) throws Exception {
    StringBuilder text = new StringBuilder();
    List<Attachment> attachments = new ArrayList<>();
    collect(m, text, attachments);
    String sent = m.getSentDate() == null ? "" : TIME.format(m.getSentDate().toInstant());
    return new Message(id, String.valueOf(m.getAllRecipients()[0]), m.getSubject(), sent, text.toString(), attachments);
  }

  private static void collect(Part part, StringBuilder text, List<Attachment> attachments) throws Exception {
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        collect(multipart.getBodyPart(i), text, attachments);
      }
    } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
      String type = part.getContentType().split(";")[0].trim();
      attachments.add(new Attachment(MimeUtility.decodeText(part.getFileName()), type, part.getInputStream().readAllBytes()));
    } else if (part.isMimeType("text/plain")) {
      text.append(part.getContent());
    } else if (part instanceof BodyPart && part.isMimeType("text/*")) {
      text.append(part.getContent());
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String[] path = exchange.getRequestURI().getPath().replaceAll("^/+|/+$", "").split("/");
      List<Message> messages = messages();
      if (path.length == 1 && path[0].isEmpty()) {
        send(exchange, 200, "text/html", page("Почтовый ящик", list(messages)));
      } else if (path.length == 2 && path[0].equals("api") && path[1].equals("messages")) {
        send(exchange, 200, "application/json", json(messages));
      } else if (path.length >= 2 && path[0].equals("messages")) {
        Message message = find(messages, path[1]);
        if (message == null) {
          send(exchange, 404, "text/html", page("Нет такого письма", "<p>Письмо не найдено.</p>"));
        } else if (path.length == 2) {
          send(exchange, 200, "text/html", page(message.subject(), show(message)));
        } else if (path.length == 4 && path[2].equals("attachments")) {
          int index = Integer.parseInt(path[3]) - 1;
          Attachment a = message.attachments().get(index);
          exchange.getResponseHeaders().add("Content-Disposition",
              "inline; filename*=UTF-8''" + java.net.URLEncoder.encode(a.name(), StandardCharsets.UTF_8).replace("+", "%20"));
          send(exchange, 200, a.contentType(), a.content());
        } else {
          send(exchange, 404, "text/html", page("Не найдено", "<p>Страница не найдена.</p>"));
        }
      } else {
        send(exchange, 404, "text/html", page("Не найдено", "<p>Страница не найдена.</p>"));
      }
    } catch (RuntimeException e) {
      send(exchange, 404, "text/html", page("Не найдено", "<p>" + esc(String.valueOf(e.getMessage())) + "</p>"));
    }
  }

  private static Message find(List<Message> messages, String id) {
    return messages.stream().filter(m -> Integer.toString(m.id()).equals(id)).findFirst().orElse(null);
  }

  private static String list(List<Message> messages) {
    if (messages.isEmpty()) {
      return "<p>Писем пока нет.</p>";
    }
    StringBuilder rows = new StringBuilder("<table><tr><th>Получено</th><th>Кому</th><th>Тема</th><th>Вложения</th></tr>");
    for (Message m : messages.reversed()) {
      rows.append("<tr><td>").append(esc(m.sentAt())).append("</td><td>").append(esc(m.to()))
          .append("</td><td><a href=\"/messages/").append(m.id()).append("\">").append(esc(m.subject())).append("</a></td><td>")
          .append(m.attachments().size()).append("</td></tr>");
    }
    return rows.append("</table>").toString();
  }

  private static String show(Message m) {
    StringBuilder html = new StringBuilder("<p><a href=\"/\">← Все письма</a></p>")
        .append("<p><b>Кому:</b> ").append(esc(m.to())).append("<br><b>Получено:</b> ").append(esc(m.sentAt())).append("</p>")
        .append("<pre>").append(esc(m.text())).append("</pre>");
    for (int i = 0; i < m.attachments().size(); i++) {
      Attachment a = m.attachments().get(i);
      html.append("<p class=\"attachment\">Вложение: <a href=\"/messages/").append(m.id()).append("/attachments/").append(i + 1)
          .append("\">").append(esc(a.name())).append("</a> (").append(a.content().length / 1024).append(" КБ)</p>");
    }
    return html.toString();
  }

  private static String page(String title, String body) {
    return "<!doctype html><html lang=\"ru\"><head><meta charset=\"utf-8\"><title>" + esc(title) + "</title>"
        + "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}"
        + "pre{white-space:pre-wrap;background:#f6f6f6;padding:1em}</style></head><body><h1>" + esc(title) + "</h1>" + body + "</body></html>";
  }

  private static String json(List<Message> messages) {
    StringBuilder out = new StringBuilder("[");
    for (Message m : messages) {
      if (out.length() > 1) {
        out.append(',');
      }
      out.append("{\"id\":").append(m.id()).append(",\"to\":").append(quote(m.to())).append(",\"subject\":").append(quote(m.subject()))
          .append(",\"attachments\":[");
      for (int i = 0; i < m.attachments().size(); i++) {
        Attachment a = m.attachments().get(i);
        out.append(i == 0 ? "" : ",").append("{\"name\":").append(quote(a.name())).append(",\"contentType\":").append(quote(a.contentType()))
            .append(",\"size\":").append(a.content().length).append('}');
      }
      out.append("]}");
    }
    return out.append(']').toString();
  }

  static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : String.valueOf(s).toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
    send(exchange, status, type + "; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    web.stop(0);
    smtp.stop();
  }
}
