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
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Submits the demo cases (three rural grants, one mentor nomination, three class openings, a
 * cadre-reserve season with three candidates, a young teacher's support, a living-cost enrolment
 * and an olympiad coach award claim) through the public API, as applicants and schools
 * would, so that Tasklist has work in it. The application deployed its models and forms before it
 * reported healthy, so the cases go in at once. A second run meets 409 (the same SNILS in the same
 * year) and adds nothing; the cases a second submission would not meet with 409 (a refusal inside
 * the process, or a 400) go in once, behind a marker file in the stack's data.
 */
final class DemoCases {
  private DemoCases() {}

  private static final int APPLICATIONS = 3;
  private static final ZoneId REGION = ZoneId.of("Asia/Novokuznetsk");
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

  /**
   * @param firstStart whether this start created the stack's data, so that the application loaded
   *     the demo olympiad list today and its claim period is open
   */
  static List<String> submit(StackLayout layout, boolean firstStart) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    List<String> outcomes = new ArrayList<>();
    for (int i = 1; i <= APPLICATIONS; i++) {
      outcomes.add(post(http, "/api/rural-grants/applications", resource("demo/application-" + i + ".json")));
    }
    // A mentor nomination for the coming half-year, once: a second one for the same mentee is no 409.
    LocalDate start = LocalDate.now().withDayOfMonth(1).plusMonths(1);
    outcomes.add(once(http, layout.data().resolve("demo-nomination.sent"), "/api/mentoring/nominations", resource("demo/nomination-1.json")
        .replace("${START}", start.toString()).replace("${END}", start.plusMonths(6).minusDays(1).toString())));
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
    // A young teacher at a school of a pilot municipality, aged 26 with a year of experience as of
    // today, so that the case stays eligible whenever the demo runs. A second request for the same
    // teacher is a 400 (an open case), hence the marker.
    LocalDate regionToday = LocalDate.now(REGION);
    outcomes.add("young teacher: " + once(http, layout.data().resolve("demo-young-teacher.sent"), "/api/young-teachers",
        resource("demo/young-teacher-1.json").replace("${BIRTH}", regionToday.minusYears(26).minusMonths(2).toString())
            .replace("${EXPERIENCE_START}", regionToday.minusYears(1).toString())));
    // A teacher at the village school in Kolyon who lives there (42-IZH-S2): HR confirms the
    // employment in Tasklist. A second enrolment would be refused by the process with a letter.
    outcomes.add("living costs: " + once(http, layout.data().resolve("demo-living-costs.sent"), "/api/rural-living-costs/enrolments",
        resource("demo/living-costs-enrolment-1.json")));
    // A school's claim for this year's demo winner, two coaches 60/40: the municipal office confirms
    // the coaching in Tasklist. The claim period runs from the list's publication, the day the
    // application loaded it: the first start of the data. Data kept from before this demo case has
    // a list of an unknown day, so no claim is sent that the process would refuse as late.
    Path claimed = layout.data().resolve("demo-olympiad-claim.sent");
    if (firstStart || Files.exists(claimed)) {
      outcomes.add("olympiad award: " + once(http, claimed, "/api/olympiad-awards/claims",
          resource("demo/olympiad-claim-1.json").replace("${YEAR}", String.valueOf(regionToday.getYear()))));
    } else {
      outcomes.add("olympiad award: not claimed (the demo list's claim period may be over; ./run --fresh publishes it today)");
    }
    return outcomes;
  }

  /** Submits a case unless its marker says it went in; the marker is written only when it was accepted. */
  private static String once(HttpClient http, Path marker, String path, String body) throws IOException, InterruptedException {
    if (Files.exists(marker)) {
      return "already there";
    }
    HttpResponse<String> response = send(http, path, body);
    if (response.statusCode() == 201) {
      Files.writeString(marker, LocalDate.now(REGION).toString());
    }
    return describe(response);
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
