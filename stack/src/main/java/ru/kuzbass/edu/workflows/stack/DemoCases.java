package ru.kuzbass.edu.workflows.stack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Submits the demo cases (three rural grants, one mentor nomination, three class openings, a
 * cadre-reserve season with three candidates) through the public API, as applicants and schools
 * would, so that Tasklist has work in it. The application deployed its models and forms before it
 * reported healthy, so the cases go in at once. A second run meets 409 (the same SNILS in the same
 * year) and adds nothing.
 */
final class DemoCases {
  private DemoCases() {}

  private static final int APPLICATIONS = 3;
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

  static List<String> submit(StackLayout layout) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    List<String> outcomes = new ArrayList<>();
    for (int i = 1; i <= APPLICATIONS; i++) {
      outcomes.add(post(http, "/api/rural-grants/applications", resource("demo/application-" + i + ".json")));
    }
    // A mentor nomination for the coming half-year, once: the marker is written only when the
    // application accepted it, so a run in which it was refused sends it again.
    Path sent = layout.data().resolve("demo-nomination.sent");
    if (!Files.exists(sent)) {
      LocalDate start = LocalDate.now().withDayOfMonth(1).plusMonths(1);
      String body = resource("demo/nomination-1.json")
          .replace("${START}", start.toString()).replace("${END}", start.plusMonths(6).minusDays(1).toString());
      HttpResponse<String> nominated = send(http, "/api/mentoring/nominations", body);
      outcomes.add(describe(nominated));
      if (nominated.statusCode() == 201) {
        Files.writeString(sent, start.toString());
      }
    }
    // Class openings for the next academic year in three schools; the campaign call is idempotent.
    LocalDate today = LocalDate.now();
    int academicYear = today.getMonthValue() >= 6 ? today.getYear() + 1 : today.getYear();
    outcomes.add("class openings " + academicYear + ": " + post(http, "/api/pedagogical-classes/campaigns/" + academicYear,
        resource("demo/class-campaign.json")));
    // The open cadre-reserve season with three candidates and their test results; a second run meets 409.
    int season = today.isAfter(LocalDate.of(today.getYear(), 4, 30)) ? today.getYear() + 1 : today.getYear();
    post(http, "/api/cadre-reserve/seasons", "{\"season\": " + season + "}");
    int[] scores = {74, 88, 61};
    for (int i = 1; i <= scores.length; i++) {
      HttpResponse<String> registered = send(http, "/api/cadre-reserve/" + season + "/candidates", resource("demo/cadre-candidate-" + i + ".json"));
      outcomes.add(describe(registered));
      Matcher id = ID.matcher(registered.body());
      if (registered.statusCode() == 201 && id.find()) {
        post(http, "/api/cadre-reserve/" + season + "/candidates/" + id.group(1) + "/test-results",
            "{\"organising\": " + scores[i - 1] + ", \"managerial\": " + scores[i - 1] + ", \"leadership\": " + scores[i - 1] + "}");
      }
    }
    return outcomes;
  }

  private static String post(HttpClient http, String path, String body) throws IOException, InterruptedException {
    return describe(send(http, path, body));
  }

  private static HttpResponse<String> send(HttpClient http, String path, String body) throws IOException, InterruptedException {
    // the demo's HR officer (application-demo.yml) loads the demo cases
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + StackLayout.WORKERS_HTTP + path))
            .header("Content-Type", "application/json")
            .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("hr:hr".getBytes(StandardCharsets.UTF_8)))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String describe(HttpResponse<String> response) {
    return switch (response.statusCode()) {
      case 201 -> "submitted " + response.body().replaceAll(".*\"caseNumber\"\\s*:\\s*\"([^\"]+)\".*", "$1");
      case 204 -> "recorded";
      case 409 -> "already there";
      case 200 -> response.body().replaceAll(".*\"started\"\\s*:\\s*(\\d+).*", "$1 started");
      default -> "refused with " + response.statusCode() + ": " + response.body();
    };
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = DemoCases.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("Missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
