package ru.kuzbass.edu.workflows.cadrereserve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.kuzbass.edu.workflows.cadrereserve.CadreReserveFixtures.achievement;
import static ru.kuzbass.edu.workflows.cadrereserve.CadreReserveFixtures.candidate;
import static ru.kuzbass.edu.workflows.cadrereserve.CadreReserveFixtures.email;
import static ru.kuzbass.edu.workflows.cadrereserve.CadreReserveFixtures.pdf;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import ru.kuzbass.edu.workflows.support.ApiUsers;
import ru.kuzbass.edu.workflows.audit.AuditLog;
import ru.kuzbass.edu.workflows.support.Mailbox;
import ru.kuzbass.edu.workflows.support.PdfAssertions;
import ru.kuzbass.edu.workflows.support.ProcessTest;
import ru.kuzbass.edu.workflows.support.SharedMailServer;

/**
 * A season of six candidates through all three levels on the embedded Operaton engine, with the
 * letters read back and the registry checked against the scores. Season 2027: registration to 30 April.
 */
class CadreReserveProcessTest extends ProcessTest {

  static final String KEMEROVO = "Кемеровский муниципальный округ";
  static final String NOVOKUZNETSK = "Новокузнецкий городской округ";
  static final String PROJECT_SCHOOL_EMAIL = "s3-head@example.ru";

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired ReservistRoute reservistRoute;

  /** {@code token}: the case's access token the registration returned (header X-Case-Token). */
  record Candidate(long id, String caseNumber, long instanceKey, String email, String token) {}

  @BeforeEach
  void schools() {
    jdbc.sql("INSERT INTO municipality (code, name) VALUES ('KEM', ?)").param(KEMEROVO).update();
    for (String code : List.of("S1", "S2", "S3", "S4")) {
      jdbc.sql("""
              INSERT INTO school (code, name, municipality_code, settlement_name, settlement_type, settlement_population, email)
              VALUES (?, ?, 'KEM', 'Кемерово', 'CITY', 550000, ?)""")
          .params(code, "Школа " + code, code.equals("S3") ? PROJECT_SCHOOL_EMAIL : null).update();
    }
  }

  @Test
  void aSeasonRunsThroughAllThreeLevelsToTheReserve() throws Exception {
    long season = startSeason(2027);
    importSchoolResults("""
        school_code,year,score
        S1,2024,60
        S1,2025,62
        S1,2026,65
        S2,2024,70
        S2,2025,70
        S2,2026,70
        S3,2024,50
        S3,2025,60
        S3,2026,55
        S4,2024,45
        S4,2025,40
        S4,2026,35
        S5,2025,90
        S5,2026,95
        S6,2024,71
        S6,2025,72
        S6,2026,73
        """);
    // S1's deputy head was a finalist of a «Россия – страна возможностей» project; S6's administration has no one such
    importSchoolAdministration("""
        school_code,full_name,position,rsv_alumnus
        S1,Иванова Мария Петровна,директор,false
        S1,Петров Пётр Ильич,заместитель директора по УВР,true
        S2,Сидорова Анна Львовна,директор,true
        S3,Орлова Ольга Олеговна,директор,false
        S3,Орлов Олег Олегович,заместитель директора по ВР,false
        S6,Кузнецова Ольга Ивановна,директор,false
        """);
    Candidate a = register(2027, 1, KEMEROVO, List.of());
    Candidate b = register(2027, 2, NOVOKUZNETSK, List.of());
    Candidate c = register(2027, 3, KEMEROVO, List.of());
    Candidate d = register(2027, 4, KEMEROVO, List.of(achievement("LEADERS_OF_RUSSIA", "PARTICIPANT")));
    Candidate e = register(2027, 5, KEMEROVO, List.of(achievement("LEADERS_OF_RUSSIA", "FINALIST")));
    Candidate f = register(2027, 6, NOVOKUZNETSK, List.of());
    test(2027, a, 90);
    test(2027, b, 80);
    test(2027, c, 40);
    test(2027, e, 10);
    test(2027, f, 70);
    mvc.perform(multipart("/api/cadre-reserve/2027/candidates/{id}/idea", a.id())
            .file(new MockMultipartFile("file", "idea.pdf", "application/pdf", pdf()))
            .param("title", "Школа как центр притяжения посёлка").param("text", "Открыть школу для жителей по вечерам")
            .param("authorConsent", "true").with(ApiUsers.hr()))
        .andExpect(status().isNoContent());
    // C uploads with the case's token and does not agree to be named in the idea bank
    mvc.perform(multipart("/api/cadre-reserve/2027/candidates/{id}/idea", c.id()).param("title", "Родительский университет")
            .param("text", "Встречи родителей с учителями раз в месяц").header("X-Case-Token", c.token()))
        .andExpect(status().isNoContent());
    for (Candidate each : List.of(a, b, c, d, e, f)) {
      operaton.awaitPassed(each.instanceKey(), "Task_CheckFastTrack");
    }
    assertThat(jdbc.sql("SELECT fast_track_evidence FROM cadre_candidate WHERE id = ?").param(e.id()).query(String.class).single())
        .isEqualTo("конкурс «Лидеры России», финалист 2026 (Диплом № 17)");
    assertThat(jdbc.sql("SELECT fast_track_evidence FROM cadre_candidate WHERE id = ?").param(d.id()).query(String.class).optional())
        .as("a participant of a listed programme is no finalist").isEmpty();
    // the candidate follows the case with its token: the stage, and the last day of registration (cadre.defaults.registration-closes)
    mvc.perform(get("/api/cadre-reserve/candidates/{number}", a.caseNumber()).header("X-Case-Token", a.token()))
        .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REGISTERED"))
        .andExpect(jsonPath("$.statusText").value(org.hamcrest.Matchers.startsWith("Отборочный уровень")))
        .andExpect(jsonPath("$.nextStepDue").value("2027-04-30"));

    // Registration closes at the end of 30 April, local time: the cut runs, not a second earlier.
    operaton.awaitEntered(season, "Timer_RegistrationClosed", 1);
    clock.advanceTo(OffsetDateTime.parse("2027-04-30T23:59:00+07:00"));
    // C retakes the test on the last evening and ties with F at 70; F's higher leadership score decides.
    mvc.perform(post("/api/cadre-reserve/2027/candidates/{id}/test-results", c.id()).contentType(MediaType.APPLICATION_JSON)
        .content("{\"organising\": 75, \"managerial\": 75, \"leadership\": 62.5}").with(ApiUsers.hr())).andExpect(status().isNoContent());
    clock.advanceTo(OffsetDateTime.parse("2027-05-01T00:00:01+07:00"));
    operaton.awaitPassed(season, "Task_AnnounceLevel1");
    mvc.perform(post("/api/cadre-reserve/2027/candidates/{id}/test-results", c.id()).contentType(MediaType.APPLICATION_JSON)
        .content("{\"organising\": 99, \"managerial\": 99, \"leadership\": 99}").with(ApiUsers.hr())).andExpect(status().isConflict());

    // Level 1: half of the six registered (3) pass by score, of the four tested without the fast track; E by the fast track besides.
    // (Half of the four ranked, the rule before issue 16, would have passed two.)
    assertThat(passedLevel1()).containsExactlyInAnyOrder(a.caseNumber(), b.caseNumber(), e.caseNumber(), f.caseNumber());
    for (Candidate failed : List.of(c, d)) {
      operaton.awaitPassed(failed.instanceKey(), "EndEvent_NotSelected");
    }
    String refusal = letter(c, "LEVEL1_REFUSAL");
    String token = jdbc.sql("SELECT code FROM cadre_skip_token WHERE candidate_id = ?").param(c.id()).query(String.class).single();
    assertThat(jdbc.sql("SELECT composite_score FROM cadre_candidate WHERE id IN (?, ?)").params(c.id(), f.id()).query(BigDecimal.class).list())
        .allMatch(score -> score.compareTo(BigDecimal.valueOf(70)) == 0);
    assertThat(refusal.replaceAll("\\s+", " ")).contains("балл теста 70.000 (место 4 в рейтинге сезона)")
        .contains("проходят 50% от общего количества участников сезона — в этом сезоне 3 места").contains(token)
        .contains("конкурсе 2028 года").contains("Управленческие навыки, лидерство и командная работа");
    // the frame of a refusal: salutation by the patronymic, the season's act as basis, the appeal route and its term
    assertThat(refusal).contains("Уважаемая Анна Сергеевна!", "Основание: региональная программа формирования кадрового резерва",
        "Решение может быть обжаловано", "в течение 3 месяцев", "Министр образования Кузбасса", "Код проверки подлинности:");
    assertThat(letter(a, "LEVEL1_PASS")).as("a pass decides nothing against the candidate").doesNotContain("обжаловано");
    assertThat(letter(d, "LEVEL1_REFUSAL")).contains("Тестирование не было завершено");
    assertThat(letter(e, "LEVEL1_PASS")).contains("Лидеры России").contains("без отбора");
    // the course's length is cadre.defaults.course-days
    assertThat(letter(a, "LEVEL1_PASS")).contains("балл теста 90").contains("место в рейтинге сезона — 1")
        .contains("продолжительностью 3 дн.").doesNotContain("трёхдневный");
    mvc.perform(get("/api/cadre-reserve/candidates/{number}", c.caseNumber()).header("X-Case-Token", c.token()))
        .andExpect(jsonPath("$.status").value("LEVEL1_FAILED")).andExpect(jsonPath("$.nextStepDue").doesNotExist());

    // The idea author gets the expert's recommendation, whatever the level-1 result.
    Task review = operaton.awaitTask(a.instanceKey(), "Task_ReviewIdea");
    assertThat(operaton.taskVariables(review)).containsEntry("ideaTitle", "Школа как центр притяжения посёлка");
    operaton.completeTask(a.instanceKey(), "Task_ReviewIdea", "expert1", Map.of("ideaRecommendation", "Начните с опроса жителей посёлка"));
    operaton.completeTask(c.instanceKey(), "Task_ReviewIdea", "expert2", Map.of("ideaRecommendation", "Пригласите родителей к планированию"));
    operaton.awaitPassed(a.instanceKey(), "EndEvent_IdeaAnswered");
    operaton.awaitPassed(c.instanceKey(), "EndEvent_IdeaAnswered");
    // the letter promises what the idea bank shows: the community by its configured name, the author's name only with consent
    assertThat(letter(a, "IDEA")).contains("банк проектных идей").contains("Начните с опроса жителей посёлка")
        .contains("«Кузбасс – это каждый из нас»").contains("а также Ваше имя").doesNotContain("видна участникам");
    assertThat(letter(c, "IDEA")).contains("Ваше имя в банке не указано");
    // the idea bank: read-only, for HR and the reserve's experts; the author only where they consented
    List<Object> bank = json.readValue(mvc.perform(get("/api/cadre-reserve/ideas").param("season", "2027").with(ApiUsers.expert()))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8),
        new com.fasterxml.jackson.core.type.TypeReference<List<Object>>() {});
    assertThat(bank).containsExactlyInAnyOrder(
        Map.<String, Object>of("season", 2027, "title", "Школа как центр притяжения посёлка", "author", "Кандидатова Анна Сергеевна"),
        Map.<String, Object>of("season", 2027, "title", "Родительский университет"));
    mvc.perform(get("/api/cadre-reserve/ideas").with(ApiUsers.hr())).andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(2));
    mvc.perform(get("/api/cadre-reserve/ideas").with(ApiUsers.auditor())).andExpect(status().isForbidden());
    mvc.perform(get("/api/cadre-reserve/ideas")).andExpect(status().isUnauthorized());

    // Level 2: internship schools rise every year and have an alumnus of the platform in their administration
    // (S2 is flat, S5 lacks a year, S6 rises without such an alumnus); the coordinator adds S2 all the same.
    Task schools = operaton.awaitTask(season, "Task_ConfirmInternshipSchools");
    assertThat(operaton.taskVariables(schools)).containsEntry("proposedInternshipSchools", "S1").containsEntry("internshipSchoolsWithoutAlumnus", "S6");
    operaton.completeTask(season, "Task_ConfirmInternshipSchools", "coordinator", Map.of("internshipSchools", "S1, S2"));
    // F attended two days of three: F does not go on.
    mvc.perform(post("/api/cadre-reserve/2027/course-attendance").contentType(MediaType.APPLICATION_JSON)
        .content("{\"caseNumber\": \"" + f.caseNumber() + "\", \"days\": 2}").with(ApiUsers.hr())).andExpect(status().isNoContent());
    operaton.completeTask(season, "Task_CloseCourse", "coordinator", Map.of("courseAbsentees", "", "othersAttended", true));
    Task teams = operaton.awaitTask(season, "Task_ConfirmTeams");
    // balanced by municipality: the two from Kemerovo are dealt to different teams
    assertThat((String) operaton.taskVariables(teams).get("teamsProposal"))
        .isEqualTo("Команда 1, школа S1: " + b.caseNumber() + " (" + NOVOKUZNETSK + "), " + e.caseNumber() + " (" + KEMEROVO + ")\n"
            + "Команда 2, школа S2: " + a.caseNumber() + " (" + KEMEROVO + ")");
    operaton.completeTask(season, "Task_ConfirmTeams", "coordinator", Map.of("teamMoves", ""));
    // every expert scores every team; team 1 reaches the threshold 7.0 exactly, team 2 does not
    score(season, "Task_ScoreTeamProject", 4, r -> {
      boolean first = "expert1".equals(r.get("expert"));
      return Map.of("teamScore", (Integer) r.get("teamNumber") == 1 ? 7 : (first ? 6 : 7), "scoreComment", "Проект проработан");
    });
    operaton.awaitPassed(season, "Task_AnnounceLevel2");
    operaton.awaitPassed(f.instanceKey(), "EndEvent_CourseMissed");
    assertThat(letter(f, "COURSE_MISSED")).contains("посетили 2");
    // A's team did not pass: A is recommended to the municipal reserve, not in it, until the municipality confirms
    assertThat(letter(a, "LEVEL2_RESULT")).contains("6.50 балла").contains("рекомендованы для включения в кадровый резерв муниципального уровня")
        .contains(KEMEROVO).doesNotContain("МУНИЦИПАЛЬНЫЙ");
    Task municipal = operaton.awaitTask(a.instanceKey(), "Task_DecideMunicipalReserve");
    assertThat(operaton.taskVariables(municipal)).containsEntry("caseNumber", a.caseNumber()).containsEntry("schoolCode", "SCH-101")
        .containsEntry("municipality", KEMEROVO);
    mvc.perform(get("/api/cadre-reserve/registry").param("level", "municipal").param("season", "2027").with(ApiUsers.hr()))
        .andExpect(jsonPath("$.length()").value(0));
    mvc.perform(get("/api/cadre-reserve/registry").param("level", "recommended").param("season", "2027").with(ApiUsers.hr()))
        .andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].caseNumber").value(a.caseNumber()))
        .andExpect(jsonPath("$[0].level").value("MUNICIPAL_RECOMMENDED")).andExpect(jsonPath("$[0].planStatus").doesNotExist());
    mvc.perform(get("/api/cadre-reserve/candidates/{number}", a.caseNumber()).header("X-Case-Token", a.token()))
        .andExpect(jsonPath("$.status").value("MUNICIPAL_RECOMMENDED"))
        .andExpect(jsonPath("$.statusText").value(org.hamcrest.Matchers.containsString("ожидается решение органа управления образованием ("
            + KEMEROVO + ")")));
    mvc.perform(get("/api/cadre-reserve/candidates/{number}", a.caseNumber()).header("X-Case-Token", c.token())).andExpect(status().isNotFound());
    mvc.perform(get("/api/cadre-reserve/candidates/{number}", a.caseNumber())).andExpect(status().isNotFound());
    operaton.completeTask(municipal, "kem-officer", Map.of("municipalDecision", "CONFIRMED"));
    operaton.awaitPassed(a.instanceKey(), "EndEvent_MunicipalReserve");
    assertThat(letter(a, "MUNICIPAL_DECISION")).contains("подтвердил Ваше включение в МУНИЦИПАЛЬНЫЙ кадровый резерв")
        .contains("«Трансформация системы образования в условиях турбулентности»").contains("«Менеджмент»")
        .contains("индивидуальный план развития резервиста");
    mvc.perform(get("/api/cadre-reserve/registry").param("level", "municipal").param("season", "2027").with(ApiUsers.hr()))
        .andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].caseNumber").value(a.caseNumber()))
        .andExpect(jsonPath("$[0].municipalConfirmedBy").value("kem-officer"))
        .andExpect(jsonPath("$[0].municipalConfirmedAt").exists()).andExpect(jsonPath("$[0].planStatus").value("NOT_STARTED"));
    mvc.perform(get("/api/cadre-reserve/registry").param("level", "recommended").param("season", "2027").with(ApiUsers.hr()))
        .andExpect(jsonPath("$.length()").value(0));
    mvc.perform(get("/api/cadre-reserve/candidates/{number}", a.caseNumber()).with(ApiUsers.hr()))
        .andExpect(jsonPath("$.status").value("MUNICIPAL_RESERVE")).andExpect(jsonPath("$.planStatus").value("NOT_STARTED"));
    assertThat(letter(b, "LEVEL2_PASS")).contains("команды № 1").contains("7.00 балла");

    // Level 3: project schools with unstable results (S3) or results below their own earlier figures (S4); the coordinator
    // takes S3, and team 1 is S3's administrative team with the reservists B and E.
    Task projectSchools = operaton.awaitTask(season, "Task_ConfirmProjectSchools");
    String level3Team = "Команда 1, проектная школа S3: административная команда — Орлова Ольга Олеговна (директор), Орлов Олег Олегович "
        + "(заместитель директора по ВР); участники резерва — " + b.caseNumber() + ", " + e.caseNumber();
    assertThat(operaton.taskVariables(projectSchools)).containsEntry("proposedProjectSchools", "S3, S4")
        .containsEntry("level3TeamsProposal", level3Team);
    operaton.completeTask(season, "Task_ConfirmProjectSchools", "coordinator", Map.of("projectSchools", "S3"));
    operaton.awaitEntered(season, "Event_ProjectUploaded", 1);
    assertThat(operaton.engine().getRuntimeService().getVariable(Long.toString(season), "level3Teams")).isEqualTo(level3Team);
    mvc.perform(multipart("/api/cadre-reserve/2027/teams/1/project").file(new MockMultipartFile("file", "p.pdf", "application/pdf",
        "not a pdf".getBytes(StandardCharsets.UTF_8))).param("title", "Программа развития").with(ApiUsers.hr()))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
    mvc.perform(multipart("/api/cadre-reserve/2027/teams/2/project").file(new MockMultipartFile("file", "p.pdf", "application/pdf", pdf()))
        .param("title", "Программа развития").with(ApiUsers.hr())).andExpect(status().isConflict());
    mvc.perform(multipart("/api/cadre-reserve/2027/teams/1/project").file(new MockMultipartFile("file", "p.pdf", "application/pdf", pdf()))
        .param("title", "Программа развития школы S3 (черновик)").with(ApiUsers.hr())).andExpect(status().isAccepted());
    operaton.awaitPassed(season, "Event_ProjectUploaded");
    // The team sends a corrected file while the defence is on: it replaces the stored one, and the
    // season's case, already past the team's wait, is not told again (Operaton keeps no message for nobody).
    operaton.awaitTasks(season, "Task_ScoreMember", 4);
    byte[] project = pdf();
    mvc.perform(multipart("/api/cadre-reserve/2027/teams/1/project").file(new MockMultipartFile("file", "p.pdf", "application/pdf", project))
        .param("title", "Программа развития школы S3").with(ApiUsers.hr())).andExpect(status().isAccepted());
    assertThat(operaton.engine().getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(Long.toString(season))
        .activityId("Event_ProjectUploaded").count()).isEqualTo(1);
    // E reaches the regional threshold exactly (7.0); B stays below it (6.75)
    score(season, "Task_ScoreMember", 4, m -> {
      boolean isE = e.caseNumber().equals(m.get("memberCaseNumber"));
      return Map.of("memberScore", isE ? 7 : ("expert1".equals(m.get("expert")) ? 7 : 6.5));
    });
    operaton.awaitEnded(season);
    for (Candidate each : List.of(a, b, c, d, e, f)) {
      operaton.awaitEnded(each.instanceKey());
    }

    assertThat(letter(e, "LEVEL3_RESULT")).contains("РЕГИОНАЛЬНЫЙ").contains("7.00 балла")
        .contains("«Трансформация системы образования в условиях турбулентности»").contains("«Менеджмент»");
    assertThat(letter(b, "LEVEL3_RESULT")).contains("МУНИЦИПАЛЬНЫЙ").contains("6.75 балла");
    PdfAssertions.assertPdfA2b(jdbc.sql("SELECT pdf FROM letter WHERE case_number = ? AND kind = 'LEVEL3_RESULT'").param(e.caseNumber())
        .query(byte[].class).single());
    // the school head gets the cover letter and the project itself
    MimeMessage toSchool = java.util.Arrays.stream(SharedMailServer.received()).filter(m -> recipient(m).equals(PROJECT_SCHOOL_EMAIL)).findFirst().orElseThrow();
    Multipart parts = (Multipart) toSchool.getContent();
    assertThat(parts.getCount()).isEqualTo(3);
    assertThat(parts.getBodyPart(2).getInputStream().readAllBytes()).isEqualTo(project);
    assertThat(Mailbox.to(PROJECT_SCHOOL_EMAIL).getFirst().subject()).contains("КР-2027-К01");
    assertThat(PdfAssertions.text(parts.getBodyPart(1).getInputStream().readAllBytes()))
        .contains("Программа развития школы S3").contains("Руководителю Школа S3");

    // Every reservist got a development route on enrolment, for the season's year and their school; the registry's plan
    // status follows it (designed: not started; agreed: in progress; finished: completed), and HR cannot set it by hand.
    for (Candidate reservist : List.of(a, b, e)) {
      assertThat(jdbc.sql("""
              SELECT CONCAT(r.origin, ' ', r.origin_case, ' ', r.year, ' ', r.school_code = c.school_code, ' ', r.person_id = c.person_id)
              FROM cadre_candidate c JOIN development_route r ON r.case_number = c.development_route_case WHERE c.case_number = ?""")
          .param(reservist.caseNumber()).query(String.class).single()).isEqualTo("CADRE_RESERVE " + reservist.caseNumber() + " 2027 1 1");
    }
    assertThat(jdbc.sql("SELECT COUNT(*) FROM development_route").query(Integer.class).single()).as("no route for who is not a reservist")
        .isEqualTo(3);
    long eId = jdbc.sql("SELECT id FROM cadre_candidate WHERE case_number = ?").param(e.caseNumber()).query(Long.class).single();
    String eRoute = reservistRoute.start(eId);
    assertThat(reservistRoute.start(eId)).as("a retried step finds the route and starts nothing").isEqualTo(eRoute);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM development_route").query(Integer.class).single()).isEqualTo(3);
    mvc.perform(put("/api/cadre-reserve/registry/{number}/plan-status", e.caseNumber()).contentType(MediaType.APPLICATION_JSON)
        .content("{\"planStatus\": \"COMPLETED\"}").with(ApiUsers.hr())).andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("маршрутом № " + eRoute)));
    mvc.perform(get("/api/cadre-reserve/candidates/{number}", e.caseNumber()).header("X-Case-Token", e.token()))
        .andExpect(jsonPath("$.planStatus").value("NOT_STARTED"));
    // the route's realisation is another step's work: its statuses are set here as it will set them
    jdbc.sql("UPDATE development_route SET status = 'AGREED' WHERE case_number = ?").param(eRoute).update();
    mvc.perform(get("/api/cadre-reserve/candidates/{number}", e.caseNumber()).header("X-Case-Token", e.token()))
        .andExpect(jsonPath("$.status").value("REGIONAL_RESERVE")).andExpect(jsonPath("$.planStatus").value("IN_PROGRESS"));
    jdbc.sql("""
            UPDATE development_route SET status = 'FINISHED', open_person_id = NULL
            WHERE case_number = (SELECT development_route_case FROM cadre_candidate WHERE case_number = ?)""").param(b.caseNumber()).update();
    // a reservist without a route (enrolled before routes were started) keeps the status HR sets; who is no reservist has none
    jdbc.sql("UPDATE cadre_candidate SET development_route_case = NULL WHERE case_number = ?").param(a.caseNumber()).update();
    mvc.perform(put("/api/cadre-reserve/registry/{number}/plan-status", a.caseNumber()).contentType(MediaType.APPLICATION_JSON)
        .content("{\"planStatus\": \"IN_PROGRESS\"}").with(ApiUsers.hr())).andExpect(status().isNoContent());
    mvc.perform(put("/api/cadre-reserve/registry/{number}/plan-status", c.caseNumber()).contentType(MediaType.APPLICATION_JSON)
        .content("{\"planStatus\": \"IN_PROGRESS\"}").with(ApiUsers.hr())).andExpect(status().isNotFound());
    mvc.perform(put("/api/cadre-reserve/registry/{number}/plan-status", a.caseNumber()).contentType(MediaType.APPLICATION_JSON)
        .content("{}").with(ApiUsers.hr())).andExpect(status().isBadRequest());

    // The registry matches the scores.
    mvc.perform(get("/api/cadre-reserve/registry").param("level", "regional").param("season", "2027").with(ApiUsers.hr()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(1))
        .andExpect(jsonPath("$[0].caseNumber").value(e.caseNumber()))
        .andExpect(jsonPath("$[0].individualScore").value(7.0))
        .andExpect(jsonPath("$[0].teamScore").value(7.0))
        .andExpect(jsonPath("$[0].planStatus").value("IN_PROGRESS"));
    mvc.perform(get("/api/cadre-reserve/registry").param("level", "municipal").param("season", "2027").with(ApiUsers.hr()))
        .andExpect(jsonPath("$.length()").value(2))
        .andExpect(jsonPath("$[0].caseNumber").value(b.caseNumber()))
        .andExpect(jsonPath("$[0].individualScore").value(6.75))
        .andExpect(jsonPath("$[0].planStatus").value("COMPLETED"))
        .andExpect(jsonPath("$[1].caseNumber").value(a.caseNumber()))
        .andExpect(jsonPath("$[1].teamScore").value(6.5))
        .andExpect(jsonPath("$[1].planStatus").value("IN_PROGRESS"));
    String csv = mvc.perform(get("/api/cadre-reserve/registry").param("level", "regional").param("format", "csv").with(ApiUsers.hr()))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(csv.lines().toList()).hasSize(2);
    assertThat(csv.lines().toList().get(1)).startsWith("\"" + e.caseNumber() + "\",\"Кандидатова Анна Сергеевна\",\"SCH-105\"")
        .endsWith(",REGIONAL,2027,10.000,7.00,7.00,IN_PROGRESS,,");
    // The audit log holds every automated step of E's case and each of its letters, and its chains verify;
    // the season's and A's too, with every user task and the Tasklist user who completed it.
    assertOperatonAuditTrail(e.instanceKey(), e.caseNumber());
    assertOperatonAuditTrail(a.instanceKey(), a.caseNumber());
    assertOperatonAuditTrail(season, "КР-2027");
    assertThat(jdbc.sql("SELECT actor FROM audit_event WHERE kind = 'USER_TASK' AND element_id = 'Task_ScoreMember'").query(String.class).list())
        .containsExactlyInAnyOrder("expert1", "expert1", "expert2", "expert2");
    assertThat(audit.events(e.caseNumber())).extracting(AuditLog.Stored::elementId)
        .contains("Task_CheckFastTrack", "Task_SendLevel1Pass", "Task_SendLevel2Pass", "Task_SendLevel3Result");
    // each letter once: 6 level-1 letters, 2 ideas, 1 course, 1 level-2 result, 1 municipal decision, 2 level-2 passes,
    // 2 level-3 results, 1 cover
    assertThat(jdbc.sql("SELECT COUNT(*) FROM letter").query(Integer.class).single()).isEqualTo(16);
    assertThat(SharedMailServer.received()).hasSize(16);
    assertThat(jdbc.sql("SELECT actor FROM audit_event WHERE kind = 'USER_TASK' AND element_id = 'Task_DecideMunicipalReserve'")
        .query(String.class).list()).containsExactly("kem-officer");
  }

  /**
   * The municipality declines its recommendation: the candidate never enters the registry, and the
   * status and the letter say why. The case is moved on the engine to where the level-2 result leaves
   * it (the season through level 2 is the test above).
   */
  @Test
  void aMunicipalityThatDeclinesKeepsTheRecommendedCandidateOutOfTheReserve() throws Exception {
    startSeason(2027);
    Candidate x = register(2027, 1, KEMEROVO, List.of());
    operaton.awaitEntered(x.instanceKey(), "Event_Level1Decided", 1);
    jdbc.sql("UPDATE cadre_candidate SET status = 'MUNICIPAL_RECOMMENDED' WHERE id = ?").param(x.id()).update();
    operaton.engine().getRuntimeService().createProcessInstanceModification(Long.toString(x.instanceKey()))
        .cancelAllForActivity("Event_Level1Decided").startBeforeActivity("Task_RecommendToMunicipality").execute();
    Task municipal = operaton.awaitTask(x.instanceKey(), "Task_DecideMunicipalReserve");
    mvc.perform(get("/api/cadre-reserve/registry").param("level", "recommended").with(ApiUsers.hr()))
        .andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].caseNumber").value(x.caseNumber()));

    operaton.completeTask(municipal, "kem-officer", Map.of("municipalDecision", "DECLINED",
        "municipalDeclineReason", "Вакансий резерва по профилю участника в округе нет"));
    operaton.awaitPassed(x.instanceKey(), "EndEvent_MunicipalDeclined");
    assertThat(operaton.passed(x.instanceKey(), "EndEvent_MunicipalReserve")).isFalse();
    for (String level : List.of("municipal", "recommended", "regional")) {
      mvc.perform(get("/api/cadre-reserve/registry").param("level", level).with(ApiUsers.hr())).andExpect(jsonPath("$.length()").value(0));
    }
    mvc.perform(get("/api/cadre-reserve/candidates/{number}", x.caseNumber()).header("X-Case-Token", x.token()))
        .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("MUNICIPAL_DECLINED"))
        .andExpect(jsonPath("$.statusText").value("Орган управления образованием (" + KEMEROVO + ") не подтвердил включение в "
            + "муниципальный кадровый резерв. Причина: Вакансий резерва по профилю участника в округе нет"))
        .andExpect(jsonPath("$.planStatus").doesNotExist());
    assertThat(letter(x, "MUNICIPAL_DECISION")).contains("не подтвердил").contains("Вакансий резерва по профилю участника в округе нет")
        .doesNotContain("Менеджмент");
    assertThat(jdbc.sql("SELECT CONCAT(municipal_decision, ' ', municipal_decided_by) FROM cadre_candidate WHERE id = ?").param(x.id())
        .query(String.class).single()).isEqualTo("DECLINED kem-officer");
    operaton.assertAuditTrailComplete(jdbc, x.instanceKey());
  }

  @Test
  void aSkipTokenOfLastSeasonLetsItsHolderSkipSelectionOnce() throws Exception {
    startSeason(2027);
    Candidate strong = register(2027, 1, KEMEROVO, List.of());
    Candidate weak = register(2027, 2, KEMEROVO, List.of());
    test(2027, strong, 90);
    test(2027, weak, 20);
    clock.advanceTo(OffsetDateTime.parse("2027-05-01T00:00:01+07:00"));
    operaton.awaitPassed(weak.instanceKey(), "EndEvent_NotSelected");
    String token = jdbc.sql("SELECT code FROM cadre_skip_token WHERE candidate_id = ?").param(weak.id()).query(String.class).single();
    assertThat(token).matches("KR-2028-[0-9A-F]{8}");

    startSeason(2028);
    Map<String, Object> someoneElse = candidate(3, KEMEROVO, List.of());
    someoneElse.put("skipToken", token);
    mvc.perform(post("/api/cadre-reserve/2028/candidates").contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(someoneElse)).with(ApiUsers.hr()))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("skipToken"))
        .andExpect(jsonPath("$.detail").value("Код права прохода выдан другому участнику"));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM cadre_candidate WHERE season = 2028").query(Integer.class).single()).isZero();

    Map<String, Object> again = candidate(2, KEMEROVO, List.of());
    again.put("skipToken", token);
    Candidate returning = registered(2, mvc.perform(post("/api/cadre-reserve/2028/candidates").contentType(MediaType.APPLICATION_JSON)
        .content(json.writeValueAsString(again)).with(ApiUsers.hr())).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
    operaton.awaitPassed(returning.instanceKey(), "Task_CheckFastTrack");
    assertThat(jdbc.sql("SELECT fast_track_evidence FROM cadre_candidate WHERE id = ?").param(returning.id()).query(String.class).single())
        .isEqualTo("право прохода без отбора № " + token + " по итогам сезона 2027");
    assertThat(jdbc.sql("SELECT used_season FROM cadre_skip_token WHERE code = ?").param(token).query(Integer.class).single()).isEqualTo(2028);

    // a second use is refused (a new person record would need a new SNILS; the same person cannot register twice)
    Map<String, Object> twice = candidate(2, KEMEROVO, List.of());
    twice.put("skipToken", token);
    mvc.perform(post("/api/cadre-reserve/2028/candidates").contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(twice)).with(ApiUsers.hr()))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value("Код права прохода уже использован"));

    // no test, no fast track: 2028's cut passes the returning candidate alone
    clock.advanceTo(OffsetDateTime.parse("2028-05-01T00:00:01+07:00"));
    operaton.awaitPassed(returning.instanceKey(), "Task_SendLevel1Pass");
    assertThat(passedLevel1()).contains(returning.caseNumber());
  }

  /**
   * Operaton keeps no message for a case that does not wait for it (Zeebe buffered one for 30 days):
   * when a candidate case has not reached its wait for the level-1 result yet, the announcement fails
   * whole, names the case, and is tried again after its back-off; then every case gets its result, once.
   */
  @Test
  void theLevelOneResultWaitsForACandidateCaseThatIsNotWaitingYet() throws Exception {
    long season = startSeason(2027);
    Candidate early = register(2027, 1, KEMEROVO, List.of());
    test(2027, early, 90);
    operaton.awaitPassed(early.instanceKey(), "Task_CheckFastTrack");
    var management = operaton.engine().getManagementService();
    String checkFastTrack = management.createJobDefinitionQuery().processDefinitionKey(CandidateService.PROCESS_ID)
        .activityIdIn("Task_CheckFastTrack").list().stream()
        .filter(d -> d.getProcessDefinitionId().equals(operaton.engine().getRepositoryService().createProcessDefinitionQuery()
            .processDefinitionKey(CandidateService.PROCESS_ID).latestVersion().singleResult().getId()))
        .findFirst().orElseThrow().getId();
    management.suspendJobDefinitionById(checkFastTrack, true);
    try {
      Candidate late = register(2027, 2, KEMEROVO, List.of()); // its first step is held back
      test(2027, late, 20);
      operaton.awaitEntered(season, "Timer_RegistrationClosed", 1);
      clock.advanceTo(OffsetDateTime.parse("2027-05-01T00:00:01+07:00"));
      String failure = awaitValue(() -> management.createJobQuery().processInstanceId(Long.toString(season)).activityId("Task_AnnounceLevel1")
          .withException().list().stream().map(j -> management.getJobExceptionStacktrace(j.getId())).findFirst().orElse(null));
      assertThat(failure).contains("1 candidate case(s) of season 2027 do not wait for cadre-level1-decided yet: " + late.caseNumber());
      // nothing was told: the early case still waits, and no letter left
      assertThat(operaton.passed(early.instanceKey(), "Event_Level1Decided")).isFalse();
      assertThat(jdbc.sql("SELECT COUNT(*) FROM letter").query(Integer.class).single()).isZero();

      management.activateJobDefinitionById(checkFastTrack, true);
      operaton.awaitPassed(late.instanceKey(), "Task_CheckFastTrack");
      operaton.awaitPassed(season, "Task_AnnounceLevel1");
      operaton.awaitPassed(early.instanceKey(), "EndEvent_NoIdea");
      operaton.awaitPassed(late.instanceKey(), "EndEvent_NotSelected");
      assertThat(letter(early, "LEVEL1_PASS")).contains("место в рейтинге сезона — 1");
      assertThat(letter(late, "LEVEL1_REFUSAL").replaceAll("\\s+", " ")).contains("проходят 50% от общего количества участников сезона — в этом сезоне 1 место");
      assertThat(operaton.engine().getRuntimeService().createIncidentQuery().processInstanceId(Long.toString(season)).count()).isZero();
      for (Candidate each : List.of(early, late)) {
        assertThat(operaton.engine().getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(Long.toString(each.instanceKey()))
            .activityId("Event_Level1Decided").count()).isEqualTo(1);
      }
    } finally {
      management.activateJobDefinitionById(checkFastTrack, true);
    }
  }

  @Test
  void registrationRefusesBadInputAndWritesNothing() throws Exception {
    mvc.perform(post("/api/cadre-reserve/2027/candidates").contentType(MediaType.APPLICATION_JSON)
        .content(json.writeValueAsString(candidate(1, KEMEROVO, List.of()))).with(ApiUsers.hr())).andExpect(status().isNotFound())
        .andExpect(jsonPath("$.errors[0].field").value("season"));
    startSeason(2027);
    Map<String, Object> bad = candidate(1, KEMEROVO, List.of(Map.of("programme", "LEADERS_OF_RUSSIA", "result", "FINALIST", "year", 1900,
        "document", "Диплом")));
    bad.put("snils", "123-456-789 00");
    @SuppressWarnings("unchecked") Map<String, Object> q = (Map<String, Object>) bad.get("questionnaire");
    q.remove("motivation");
    mvc.perform(post("/api/cadre-reserve/2027/candidates").contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(bad)).with(ApiUsers.hr()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("achievements[0].year",
            "questionnaire.motivation", "snils")));
    Candidate ok = register(2027, 1, KEMEROVO, List.of());
    mvc.perform(post("/api/cadre-reserve/2027/candidates").contentType(MediaType.APPLICATION_JSON)
        .content(json.writeValueAsString(candidate(1, KEMEROVO, List.of()))).with(ApiUsers.hr())).andExpect(status().isConflict());
    mvc.perform(post("/api/cadre-reserve/2027/candidates/{id}/test-results", ok.id()).contentType(MediaType.APPLICATION_JSON)
        .content("{\"organising\": 101, \"managerial\": 50}").with(ApiUsers.hr())).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("leadership", "organising")));
    mvc.perform(multipart("/api/cadre-reserve/2027/candidates/{id}/idea", ok.id())
            .file(new MockMultipartFile("file", "idea.pdf", "application/pdf", "%PDF-1.7 broken".getBytes(StandardCharsets.US_ASCII)))
            .param("title", "Идея").param("text", "Текст").with(ApiUsers.hr()))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
    mvc.perform(multipart("/api/cadre-reserve/2027/candidates/{id}/idea", ok.id())
            .file(new MockMultipartFile("file", "idea.pdf", "application/pdf", new byte[PdfUpload.MAX_BYTES + 1]))
            .param("title", "Идея").param("text", "Текст").with(ApiUsers.hr()))
        .andExpect(status().is4xxClientError());
    assertThat(jdbc.sql("SELECT COUNT(*) FROM cadre_candidate").query(Integer.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM person").query(Integer.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM cadre_idea").query(Integer.class).single()).isZero();
  }

  // ---------------------------------------------------------------- helpers

  private long startSeason(int year) throws Exception {
    mvc.perform(post("/api/cadre-reserve/seasons").contentType(MediaType.APPLICATION_JSON).content("{\"season\": " + year + "}").with(ApiUsers.hr()))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.registrationClosesAt").value(year + "-04-30T23:59:59+07:00"));
    mvc.perform(post("/api/cadre-reserve/seasons").contentType(MediaType.APPLICATION_JSON).content("{\"season\": " + year + "}").with(ApiUsers.hr()))
        .andExpect(status().isOk());
    return jdbc.sql("SELECT process_instance_key FROM cadre_season WHERE season = ?").param(year).query(Long.class).single();
  }

  private void importSchoolResults(String csv) throws Exception {
    mvc.perform(post("/api/schools/results").contentType("text/csv").content(csv).with(ApiUsers.hr())).andExpect(status().isOk());
  }

  private void importSchoolAdministration(String csv) throws Exception {
    mvc.perform(post("/api/schools/administration").contentType("text/csv").content(csv).with(ApiUsers.hr())).andExpect(status().isOk());
  }

  private Candidate register(int season, int n, String municipality, List<Map<String, Object>> achievements) throws Exception {
    return registered(n, mvc.perform(post("/api/cadre-reserve/{season}/candidates", season).contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(candidate(n, municipality, achievements))).with(ApiUsers.hr()))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
  }

  private Candidate registered(int n, String response) throws Exception {
    Map<?, ?> body = json.readValue(response, Map.class);
    long id = ((Number) body.get("id")).longValue();
    long key = jdbc.sql("SELECT process_instance_key FROM cadre_candidate WHERE id = ?").param(id).query(Long.class).single();
    return new Candidate(id, (String) body.get("caseNumber"), key, email(n), (String) body.get("accessToken"));
  }

  private void test(int season, Candidate c, int score) throws Exception {
    mvc.perform(post("/api/cadre-reserve/{season}/candidates/{id}/test-results", season, c.id()).contentType(MediaType.APPLICATION_JSON)
        .content("{\"organising\": " + score + ", \"managerial\": " + score + ", \"leadership\": " + score + "}").with(ApiUsers.hr()))
        .andExpect(status().isNoContent());
  }

  private List<String> passedLevel1() {
    return jdbc.sql("SELECT case_number FROM cadre_candidate WHERE level1_passed = TRUE").query(String.class).list();
  }

  /** The candidate's letter of this kind, once it is mailed, as text. */
  private String letter(Candidate c, String kind) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      var mail = Mailbox.to(c.email()).stream()
          .filter(l -> l.attachmentName() != null && l.attachmentName().startsWith(c.caseNumber() + "-"))
          .filter(l -> l.subject().contains(CadreLetterKind.valueOf(kind).title().substring(1))).toList();
      if (!mail.isEmpty()) {
        return mail.getFirst().pdfText();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("No " + kind + " letter to " + c.caseNumber());
  }

  /**
   * Completes the {@code count} open instances of a multi-instance scoring task, each as its assigned
   * expert in Tasklist; {@code scores} gets the variables the instance's form sees.
   */
  private void score(long instanceKey, String elementId, int count, Function<Map<String, Object>, Map<String, Object>> scores) {
    List<Task> tasks = operaton.awaitTasks(instanceKey, elementId, count);
    assertThat(tasks).hasSize(count);
    for (Task task : tasks) {
      String expert = task.getAssignee();
      assertThat(expert).isIn("expert1", "expert2");
      Map<String, Object> seen = operaton.taskVariables(task);
      assertThat(seen).containsEntry("expert", expert);
      operaton.completeTask(task, expert, scores.apply(seen));
    }
  }

  /**
   * The engine's view of the instance is in the audit log, step by step ({@code Operaton.assertAuditTrailComplete}),
   * every letter of the case with its digest, every ledger entry, and the chains verify.
   */
  private void assertOperatonAuditTrail(long instanceKey, String caseNumber) {
    operaton.assertAuditTrailComplete(jdbc, instanceKey);
    assertThat(jdbc.sql("SELECT digest FROM audit_event WHERE kind = 'LETTER' AND case_number = ?").param(caseNumber).query(String.class).list())
        .containsExactlyInAnyOrderElementsOf(jdbc.sql("SELECT sha256 FROM letter WHERE case_number = ?").param(caseNumber).query(String.class).list());
    assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE kind = 'LEDGER' AND case_number = ?").param(caseNumber).query(Integer.class).single())
        .isEqualTo(jdbc.sql("SELECT COUNT(*) FROM payment_ledger WHERE case_number = ?").param(caseNumber).query(Integer.class).single());
    assertThat(audit.verify().valid()).isTrue();
  }

  private static String recipient(MimeMessage m) {
    try {
      return m.getAllRecipients()[0].toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
