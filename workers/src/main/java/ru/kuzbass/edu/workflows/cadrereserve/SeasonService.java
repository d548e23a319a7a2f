package ru.kuzbass.edu.workflows.cadrereserve;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.runtime.EventSubscription;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.kuzbass.edu.workflows.cadrereserve.CadreReserveProperties.Level2Mode;
import ru.kuzbass.edu.workflows.cadrereserve.CadreReserveProperties.PassBase;
import ru.kuzbass.edu.workflows.cadrereserve.CadreReserveProperties.Rules;
import ru.kuzbass.edu.workflows.engine.EngineIds;
import ru.kuzbass.edu.workflows.letters.LetterService;
import ru.kuzbass.edu.workflows.platform.ApiProblem;
import ru.kuzbass.edu.workflows.platform.PlainText;
import ru.kuzbass.edu.workflows.platform.CaseHistory;
import ru.kuzbass.edu.workflows.platform.InvalidInputException;
import ru.kuzbass.edu.workflows.platform.RegionTime;
import ru.kuzbass.edu.workflows.platform.UtcDateTime;

/**
 * The season and its cohort-wide steps: the registration window, the cut after level 1, the
 * schools, the course, the teams and their scores, the cut after level 2 and the final enrolment.
 * Each step reads and writes the season's rows in MariaDB in one transaction and is safe to run
 * again: a retried job recomputes the same result from the same rows.
 */
@Service
public class SeasonService {

  public static final String PROCESS_ID = "cadre-reserve-season";
  static final String LEVEL1_MESSAGE = "cadre-level1-decided";
  static final String LEVEL2_MESSAGE = "cadre-level2-decided";
  static final String LEVEL3_MESSAGE = "cadre-level3-decided";
  static final String PROJECT_MESSAGE = "cadre-project-uploaded";
  /** Tokens are typed by people on a Latin keyboard, so they carry no Cyrillic. */
  private static final String TOKEN_PREFIX = "KR";
  /** How many of the cases that do not wait yet an error message names. */
  private static final int NAMED_IN_ERROR = 10;

  private final JdbcClient jdbc;
  private final Level1Cut level1Cut;
  private final CadreReserveProperties properties;
  private final CaseHistory history;
  private final RuntimeService runtime;
  private final Clock clock;

  public SeasonService(JdbcClient jdbc, Level1Cut level1Cut, CadreReserveProperties properties, CaseHistory history,
      RuntimeService runtime, Clock clock) {
    this.jdbc = jdbc;
    this.level1Cut = level1Cut;
    this.properties = properties;
    this.history = history;
    this.runtime = runtime;
    this.clock = clock;
  }

  public record Started(int season, String caseNumber, OffsetDateTime registrationClosesAt, boolean created) {}

  enum SchoolKind {
    INTERNSHIP, PROJECT
  }

  /**
   * Opens the season's registration and starts the season case, or finds the one already started.
   * The season's row and its process instance commit together: the engine shares this transaction.
   */
  @Transactional
  public Started start(int season) {
    OffsetDateTime closes = RegionTime.endOfDay(properties.registrationCloses(season));
    String number = properties.caseNumberPrefix() + "-" + season;
    int inserted = jdbc.sql("""
            INSERT IGNORE INTO cadre_season (season, case_number, registration_closes, status, started_at)
            VALUES (?, ?, ?, 'REGISTRATION', ?)""")
        .params(season, number, UtcDateTime.toDb(closes.toInstant()), UtcDateTime.toDb(clock.instant())).update();
    if (inserted == 0) {
      return new Started(season, number, closes, false);
    }
    if (!clock.instant().isBefore(closes.toInstant())) {
      throw ApiProblem.badField("season", "Регистрация на сезон " + season + " уже закончилась бы " + closes.toLocalDate());
    }
    long key = EngineIds.key(runtime.startProcessInstanceByKey(PROCESS_ID, number,
        Map.of("season", season, "caseNumber", number, "registrationClosesAt", closes.toString())).getId());
    jdbc.sql("UPDATE cadre_season SET process_instance_key = ? WHERE season = ?").params(key, season).update();
    history.record(number, "STARTED", "REGISTRATION", "Регистрация до " + closes.toLocalDate() + " 23:59", clock.instant());
    return new Started(season, number, closes, true);
  }

  void requireRegistrationOpen(int season) {
    OffsetDateTime closes = jdbc.sql("SELECT registration_closes FROM cadre_season WHERE season = ?").param(season)
        .query(LocalDateTime.class).optional()
        .map(d -> UtcDateTime.fromDb(d).atZone(RegionTime.ZONE).toOffsetDateTime())
        .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "Не найдено", "Сезон " + season + " кадрового резерва не открыт", "season"));
    if (!clock.instant().isBefore(closes.toInstant())) {
      throw ApiProblem.conflict("Регистрация на сезон " + season + " закрыта " + closes.toLocalDate());
    }
  }

  // ------------------------------------------------------------------------------- level 1

  /** The cut after level 1 ({@link Level1Cut}), and a skip token for everyone who does not pass. */
  @Transactional
  public Map<String, Object> cutLevel1(int season) {
    Rules rules = properties.rules(season);
    Level1Cut.Outcome cut = level1Cut.run(season, rules.weights(), rules.passShare(), rules.passBase());
    jdbc.sql("""
            INSERT IGNORE INTO cadre_skip_token (code, candidate_id, person_id, issued_season)
            SELECT CONCAT(?, '-', season + 1, '-', UPPER(LEFT(SHA2(CONCAT(id, '/', person_id, '/', case_number), 256), 8))), id, person_id, season
            FROM cadre_candidate WHERE season = ? AND level1_passed = FALSE""")
        .params(TOKEN_PREFIX, season).update();
    jdbc.sql("UPDATE cadre_season SET status = 'LEVEL2' WHERE season = ?").param(season).update();
    history.record(seasonCase(season), "LEVEL1_CUT", "LEVEL2", "Прошли на второй уровень: " + cut.passed() + " из " + cut.candidates()
        + " (прошли тестирование без оснований для прохода без отбора: " + cut.tested() + "; доля прохода " + rules.passShare().toPlainString()
        + (rules.passBase() == PassBase.REGISTERED ? " от всех зарегистрированных" : " от прошедших тестирование без оснований") + ")",
        clock.instant());
    return Map.of("level1Passed", cut.passed(), "level1Failed", cut.candidates() - cut.passed());
  }

  /**
   * Tells every candidate case of the season its level-1 result, with the project idea for the
   * expert's review (an idea is the author's proposal for a school, not personal data).
   */
  public void announceLevel1(int season) {
    publish(season, LEVEL1_MESSAGE, jdbc.sql("""
            SELECT c.case_number, c.level1_passed, i.title, i.text
            FROM cadre_candidate c LEFT JOIN cadre_idea i ON i.candidate_id = c.id
            WHERE c.season = ? AND c.level1_passed IS NOT NULL""").param(season)
        .query((rs, n) -> {
          Map<String, Object> v = new HashMap<>();
          v.put("level1Passed", rs.getBoolean("level1_passed"));
          v.put("hasIdea", rs.getString("title") != null);
          if (rs.getString("title") != null) {
            v.put("ideaTitle", rs.getString("title"));
            v.put("ideaText", rs.getString("text"));
          }
          return Map.entry(rs.getString("case_number"), v);
        })
        .list());
  }

  // ------------------------------------------------------------------------------- schools

  /**
   * The schools the results propose. Internship schools: steadily positive results, and a member of
   * the administration who is a graduate, finalist or winner of a «Россия – страна возможностей»
   * project ({@link SchoolAdministrationController}); those with the results alone are named apart.
   * Project schools: unstable results or low against the school's own figures; with them the
   * level-3 teams those schools would make, in turn ({@link #level3Teams}).
   */
  public Map<String, Object> proposeSchools(int season, SchoolKind kind) {
    Rules rules = properties.rules(season);
    int first = season - rules.resultYears();
    Map<String, List<BigDecimal>> bySchool = new LinkedHashMap<>();
    jdbc.sql("SELECT school_code, year, score FROM school_result WHERE year BETWEEN ? AND ? ORDER BY school_code, year")
        .params(first, season - 1)
        .query((rs, i) -> Map.entry(rs.getString("school_code"), rs.getBigDecimal("score"))).list()
        .forEach(e -> bySchool.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    List<String> byResults = bySchool.entrySet().stream()
        .filter(e -> e.getValue().size() == rules.resultYears())
        .filter(e -> kind == SchoolKind.INTERNSHIP
            ? SchoolDynamics.steadilyPositive(e.getValue(), rules.internshipRule())
            : SchoolDynamics.needsSupport(e.getValue(), rules.lowMargin()))
        .map(Map.Entry::getKey).toList();
    if (kind == SchoolKind.PROJECT) {
      String text = String.join(", ", byResults);
      return Map.of("proposedProjectSchools", text, "projectSchools", text, "level3TeamsProposal", level3Teams(season, byResults));
    }
    Set<String> alumni = Set.copyOf(jdbc.sql("SELECT DISTINCT school_code FROM school_administration WHERE rsv_alumnus").query(String.class).list());
    String text = byResults.stream().filter(alumni::contains).collect(Collectors.joining(", "));
    return Map.of("proposedInternshipSchools", text, "internshipSchools", text,
        "internshipSchoolsWithoutAlumnus", byResults.stream().filter(code -> !alumni.contains(code)).collect(Collectors.joining(", ")));
  }

  /** The schools the coordinator confirmed; every code must be in the school directory. */
  @Transactional
  public List<String> recordSchools(int season, SchoolKind kind, String codes) {
    List<String> list = codes == null ? List.of() : Arrays.stream(codes.split("[,;\\s]+")).filter(s -> !s.isBlank()).distinct().toList();
    if (list.isEmpty()) {
      throw new InvalidInputException(
          "Не выбрано ни одной школы (" + (kind == SchoolKind.INTERNSHIP ? "стажировочные" : "проектные") + " площадки)");
    }
    for (String code : list) {
      if (jdbc.sql("SELECT COUNT(*) FROM school WHERE code = ?").param(code).query(Integer.class).single() == 0) {
        throw new InvalidInputException("Школы с кодом «" + code + "» нет в справочнике школ");
      }
    }
    jdbc.sql("DELETE FROM cadre_school WHERE season = ? AND kind = ?").params(season, kind.name()).update();
    list.forEach(code -> jdbc.sql("INSERT INTO cadre_school (season, kind, school_code) VALUES (?, ?, ?)")
        .params(season, kind.name(), code).update());
    history.record(seasonCase(season), "SCHOOLS:" + kind, kind == SchoolKind.INTERNSHIP ? "LEVEL2" : "LEVEL3",
        (kind == SchoolKind.INTERNSHIP ? "Стажировочные площадки: " : "Проектные школы: ") + String.join(", ", list), clock.instant());
    return list;
  }

  // ------------------------------------------------------------------------------- level 2

  /**
   * Closes the theory course. Attendance comes from the API; the coordinator's form adds absentees
   * (case numbers) and says whether everyone else without a record attended in full.
   */
  @Transactional
  public Map<String, Object> closeCourse(int season, String absentees, boolean othersAttended) {
    Rules rules = properties.rules(season);
    List<String> absent = absentees == null ? List.of() : Arrays.stream(absentees.split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
    for (String number : absent) {
      if (jdbc.sql("UPDATE cadre_candidate SET course_days = 0 WHERE case_number = ? AND season = ? AND status = 'LEVEL2'")
          .params(number, season).update() == 0) {
        throw new InvalidInputException("Участника «" + number + "» нет среди участников второго уровня сезона " + season);
      }
    }
    jdbc.sql("UPDATE cadre_candidate SET course_days = ? WHERE season = ? AND status = 'LEVEL2' AND course_days IS NULL")
        .params(othersAttended ? rules.courseDays() : 0, season).update();
    int missed = jdbc.sql("UPDATE cadre_candidate SET status = 'COURSE_MISSED' WHERE season = ? AND status = 'LEVEL2' AND course_days < ?")
        .params(season, rules.courseDays()).update();
    history.record(seasonCase(season), "COURSE_CLOSED", "LEVEL2", "Курс завершён; не прошли курс полностью: " + missed, clock.instant());
    return Map.of("courseMissed", missed);
  }

  /** Attendance from the API: the days of the course the candidate attended. */
  @Transactional
  public void recordAttendance(int season, String caseNumber, int days) {
    Rules rules = properties.rules(season);
    if (days < 0 || days > rules.courseDays()) {
      throw ApiProblem.badField("days", "Число дней курса — от 0 до " + rules.courseDays());
    }
    if (jdbc.sql("UPDATE cadre_candidate SET course_days = ? WHERE case_number = ? AND season = ? AND status = 'LEVEL2'")
        .params(days, caseNumber, season).update() == 0) {
      throw ApiProblem.badField("caseNumber", "Участника «" + caseNumber + "» нет среди участников второго уровня сезона " + season);
    }
  }

  /** Proposes teams at the internship schools, balanced by municipality; a second run finds the teams already proposed. */
  @Transactional
  public Map<String, Object> proposeTeams(int season) {
    Rules rules = properties.rules(season);
    if (jdbc.sql("SELECT COUNT(*) FROM cadre_team WHERE season = ?").param(season).query(Integer.class).single() == 0) {
      List<String> schools = jdbc.sql("SELECT school_code FROM cadre_school WHERE season = ? AND kind = 'INTERNSHIP' ORDER BY school_code")
          .param(season).query(String.class).list();
      List<TeamFormation.Member> members = jdbc.sql("""
              SELECT id, municipality, level1_rank FROM cadre_candidate WHERE season = ? AND status = 'LEVEL2'""").param(season)
          .query((rs, i) -> new TeamFormation.Member(rs.getLong("id"), rs.getString("municipality"), rs.getInt("level1_rank"))).list();
      List<List<Long>> teams = TeamFormation.propose(members, rules.teamSize());
      for (int t = 0; t < teams.size(); t++) {
        int number = t + 1;
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO cadre_team (season, number, team_key, internship_school) VALUES (?, ?, ?, ?)")
            .params(season, number, teamKey(season, number), schools.get(t % schools.size())).update(keys);
        long teamId = keys.getKeyAs(Number.class).longValue();
        for (Long candidate : teams.get(t)) {
          jdbc.sql("UPDATE cadre_candidate SET team_id = ? WHERE id = ?").params(teamId, candidate).update();
        }
      }
    }
    return Map.of("teamsProposal", teamsText(season), "teamMoves", "");
  }

  private String teamsText(int season) {
    StringBuilder text = new StringBuilder();
    for (Map<String, Object> t : jdbc.sql("SELECT id, number, internship_school FROM cadre_team WHERE season = ? ORDER BY number")
        .param(season).query().listOfRows()) {
      List<String> members = jdbc.sql("SELECT CONCAT(case_number, ' (', municipality, ')') FROM cadre_candidate WHERE team_id = ? ORDER BY id")
          .param(t.get("id")).query(String.class).list();
      text.append("Команда ").append(t.get("number")).append(", школа ").append(t.get("internship_school")).append(": ")
          .append(String.join(", ", members)).append('\n');
    }
    return text.toString().trim();
  }

  /**
   * Applies the coordinator's moves, one per line («КР-2027-000005 3»: the candidate goes to team
   * 3), and assigns the experts: each team gets {@code expertsPerTeam} of the configured experts, in turn.
   * Returns how many reviews (team and expert) the multi-instance scoring then holds ({@link #teamReviews}).
   */
  @Transactional
  public Map<String, Object> finalizeTeams(int season, String moves) {
    if (moves != null) {
      for (String line : moves.split("\\R")) {
        if (line.isBlank()) {
          continue;
        }
        String[] parts = line.trim().split("[\\s→>-]+(?=\\d+$)|\\s+");
        String number = parts[0];
        int team;
        try {
          team = Integer.parseInt(parts[parts.length - 1]);
        } catch (NumberFormatException e) {
          throw new InvalidInputException("Строка перемещения «" + line.trim() + "»: укажите номер участника и номер команды");
        }
        Long teamId = jdbc.sql("SELECT id FROM cadre_team WHERE season = ? AND number = ?").params(season, team).query(Long.class).optional()
            .orElseThrow(() -> new InvalidInputException("Команды № " + team + " нет"));
        if (jdbc.sql("UPDATE cadre_candidate SET team_id = ? WHERE case_number = ? AND season = ? AND status = 'LEVEL2'")
            .params(teamId, number, season).update() == 0) {
          throw new InvalidInputException("Участника «" + number + "» нет среди участников второго уровня");
        }
      }
    }
    history.record(seasonCase(season), "TEAMS", "LEVEL2", teamsText(season), clock.instant());
    return Map.of("level2ReviewCount", teamReviews(season).size());
  }

  /**
   * One review per team and expert, as {@code <team id>:<expert>}: the elements of the multi-instance
   * scoring of team projects ({@link CadreTeams}). Computed from the season's rows, so the same rows give the same reviews.
   */
  List<String> teamReviews(int season) {
    List<String> reviews = new ArrayList<>();
    for (Map<String, Object> t : teams(season)) {
      for (String expert : expertsFor(season, ((Number) t.get("teamNumber")).intValue())) {
        reviews.add(t.get("teamId") + ":" + expert);
      }
    }
    return reviews;
  }

  /** The season's teams that still have level-2 members: ids and keys only. */
  private List<Map<String, Object>> teams(int season) {
    return jdbc.sql("""
            SELECT t.id, t.number, t.team_key, t.internship_school FROM cadre_team t
            WHERE t.season = ? AND EXISTS (SELECT 1 FROM cadre_candidate c WHERE c.team_id = t.id AND c.status IN ('LEVEL2', 'LEVEL3'))
            ORDER BY t.number""")
        .param(season).query((rs, i) -> {
          Map<String, Object> t = new HashMap<>();
          t.put("teamId", rs.getLong("id"));
          t.put("teamNumber", rs.getInt("number"));
          t.put("teamKey", rs.getString("team_key"));
          t.put("school", rs.getString("internship_school"));
          return t;
        }).list();
  }

  List<String> expertsFor(int season, int teamNumber) {
    List<String> experts = properties.experts();
    if (experts.isEmpty()) {
      throw new IllegalStateException("cadre.experts is empty: no one can score the projects");
    }
    int n = Math.min(properties.rules(season).expertsPerTeam(), experts.size());
    List<String> chosen = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      chosen.add(experts.get(((teamNumber - 1) * n + i) % experts.size()));
    }
    return chosen;
  }

  /** One expert's score of a team project (subject: the team key) or of a member (subject: the case number). */
  @Transactional
  public void recordScore(String caseNumber, String subject, String expert, Number score, String comment) {
    if (score == null || score.doubleValue() < 0 || score.doubleValue() > 10) {
      throw new InvalidInputException("Оценка эксперта " + expert + " за «" + subject + "» должна быть от 0 до 10");
    }
    jdbc.sql("""
            INSERT INTO cadre_expert_score (subject, expert, score, comment, scored_at) VALUES (?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE score = VALUES(score), comment = VALUES(comment)""")
        .params(subject, expert, BigDecimal.valueOf(score.doubleValue()), comment, UtcDateTime.toDb(clock.instant())).update();
    history.record(caseNumber, "SCORE:" + subject + ":" + expert, "SCORED", "Эксперт " + expert + ": " + score + " за «" + subject + "»",
        clock.instant());
  }

  /** The cut after level 2: teams by the mean of their experts' scores, by threshold or the top K. */
  @Transactional
  public Map<String, Object> cutLevel2(int season) {
    Rules rules = properties.rules(season);
    List<Map<String, Object>> teams = teams(season);
    record Scored(long teamId, int number, BigDecimal score) {}
    List<Scored> scored = new ArrayList<>();
    for (Map<String, Object> t : teams) {
      scored.add(new Scored(((Number) t.get("teamId")).longValue(), (Integer) t.get("teamNumber"), mean((String) t.get("teamKey"))));
    }
    scored.sort(Comparator.comparing(Scored::score, Comparator.reverseOrder()).thenComparingInt(Scored::number));
    int passedTeams = 0;
    for (int i = 0; i < scored.size(); i++) {
      Scored s = scored.get(i);
      boolean passed = rules.level2Mode() == Level2Mode.TOP_K ? i < rules.level2TopK() : s.score().compareTo(rules.level2Threshold()) >= 0;
      passedTeams += passed ? 1 : 0;
      jdbc.sql("UPDATE cadre_team SET score = ?, passed_level2 = ? WHERE id = ?").params(s.score(), passed, s.teamId()).update();
      // not passed: recommended to the municipal reserve, which only the municipality's confirmation enrols (MunicipalReserve)
      jdbc.sql("UPDATE cadre_candidate SET status = ? WHERE team_id = ? AND status = 'LEVEL2'")
          .params(passed ? "LEVEL3" : "MUNICIPAL_RECOMMENDED", s.teamId()).update();
    }
    jdbc.sql("UPDATE cadre_season SET status = 'LEVEL3' WHERE season = ?").param(season).update();
    history.record(seasonCase(season), "LEVEL2_CUT", "LEVEL3", "Прошли на третий уровень команд: " + passedTeams + " из " + scored.size()
        + (rules.level2Mode() == Level2Mode.TOP_K ? "; лучшие " + rules.level2TopK() : "; порог " + rules.level2Threshold().toPlainString()),
        clock.instant());
    return Map.of("level3TeamCount", passedTeams);
  }

  BigDecimal mean(String subject) {
    BigDecimal mean = jdbc.sql("SELECT AVG(score) FROM cadre_expert_score WHERE subject = ?").param(subject).query(BigDecimal.class).single();
    return mean == null ? BigDecimal.ZERO.setScale(2) : mean.setScale(2, RoundingMode.HALF_UP);
  }

  /** Tells every level-2 participant their outcome: course missed, recommended to the municipal reserve, or level 3. */
  public void announceLevel2(int season) {
    publish(season, LEVEL2_MESSAGE, jdbc.sql("""
            SELECT case_number, status FROM cadre_candidate
            WHERE season = ? AND status IN ('COURSE_MISSED', 'MUNICIPAL_RECOMMENDED', 'LEVEL3')""").param(season)
        .query((rs, n) -> Map.entry(rs.getString("case_number"), Map.<String, Object>of("level2Outcome", switch (rs.getString("status")) {
          case "COURSE_MISSED" -> "MISSED_COURSE";
          case "LEVEL3" -> "PASSED";
          default -> "NOT_PASSED";
        }))).list());
  }

  // ------------------------------------------------------------------------------- level 3

  /**
   * Records the project schools and assigns each level-3 team to one of them, in turn. The teams
   * that then wait for their projects ({@link #projectTeams}) and the assessments of the defence
   * ({@link #memberAssessments}) follow from these rows.
   */
  @Transactional
  public Map<String, Object> assignProjectSchools(int season, String codes) {
    List<String> schools = recordSchools(season, SchoolKind.PROJECT, codes);
    List<Long> passed = projectTeams(season);
    for (int i = 0; i < passed.size(); i++) {
      jdbc.sql("UPDATE cadre_team SET project_school = ? WHERE id = ?").params(schools.get(i % schools.size()), passed.get(i)).update();
    }
    String teams = level3Teams(season, schools);
    history.record(seasonCase(season), "LEVEL3_TEAMS", "LEVEL3", teams, clock.instant());
    return Map.of("projectTeamCount", passed.size(), "memberAssessmentCount", memberAssessments(season).size(), "level3Teams", teams);
  }

  /**
   * The level-3 teams, one a line, with each team given the project schools in turn: «административная
   * команда + команда участников», the school's administrative team (names and positions, as imported)
   * and the reservists (by case number: their personal data stays in MariaDB). The experts score
   * the reservists, each one on their own; the administration is scored by no one.
   */
  String level3Teams(int season, List<String> schools) {
    List<Map<String, Object>> teams = jdbc.sql("SELECT id, number FROM cadre_team WHERE season = ? AND passed_level2 = TRUE ORDER BY number")
        .param(season).query().listOfRows();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < teams.size(); i++) {
      List<String> reservists = jdbc.sql("SELECT case_number FROM cadre_candidate WHERE team_id = ? AND status = 'LEVEL3' ORDER BY id")
          .param(teams.get(i).get("id")).query(String.class).list();
      text.append("Команда ").append(teams.get(i).get("number"));
      if (!schools.isEmpty()) {
        String school = schools.get(i % schools.size());
        List<String> administration = jdbc.sql("SELECT CONCAT(full_name, ' (', position, ')') FROM school_administration WHERE school_code = ? ORDER BY id")
            .param(school).query(String.class).list();
        text.append(", проектная школа ").append(school).append(": административная команда — ")
            .append(administration.isEmpty() ? "не загружена" : String.join(", ", administration)).append(';');
      } else {
        text.append(':');
      }
      text.append(" участники резерва — ").append(String.join(", ", reservists)).append('\n');
    }
    return text.toString().trim();
  }

  /** The teams that passed level 2, by number: each waits for its project. */
  List<Long> projectTeams(int season) {
    return jdbc.sql("SELECT id FROM cadre_team WHERE season = ? AND passed_level2 = TRUE ORDER BY number").param(season)
        .query(Long.class).list();
  }

  /**
   * One assessment per level-3 member and expert, as {@code <candidate id>:<expert>}: the elements
   * of the multi-instance scoring at the defence ({@link CadreTeams}), team by team.
   */
  List<String> memberAssessments(int season) {
    List<String> assessments = new ArrayList<>();
    for (Map<String, Object> t : jdbc.sql("SELECT id, number FROM cadre_team WHERE season = ? AND passed_level2 = TRUE ORDER BY number")
        .param(season).query().listOfRows()) {
      List<Long> members = jdbc.sql("SELECT id FROM cadre_candidate WHERE team_id = ? AND status = 'LEVEL3' ORDER BY id")
          .param(t.get("id")).query(Long.class).list();
      for (String expert : expertsFor(season, ((Number) t.get("number")).intValue())) {
        for (Long m : members) {
          assessments.add(m + ":" + expert);
        }
      }
    }
    return assessments;
  }

  /**
   * The team's project: stored once it is a real PDF, then the team's wait in the season's case ends.
   * A team is assigned its project school in the transaction that starts its wait, so a team the API
   * admits is waiting, unless its project came before: a later upload replaces the stored file (the
   * one the school head receives) and the case, already past that wait, is not told again.
   */
  @Transactional
  public String uploadProject(int season, int teamNumber, String title, byte[] pdf) {
    Map<String, Object> team = jdbc.sql("SELECT team_key, passed_level2, project_school FROM cadre_team WHERE season = ? AND number = ?")
        .params(season, teamNumber).query().singleRow();
    if (team.isEmpty()) {
      throw ApiProblem.notFound("Команды № " + teamNumber + " в сезоне " + season + " нет");
    }
    if (!Boolean.TRUE.equals(team.get("passed_level2")) || team.get("project_school") == null) {
      throw ApiProblem.conflict("Команда № " + teamNumber + " не закреплена за проектной школой");
    }
    if (title == null || title.isBlank() || title.length() > 300 || !PlainText.Validator.isPlain(title)) {
      throw ApiProblem.badField("title", "Укажите название проекта: не более 300 символов, без эмодзи, невидимых символов и угловых скобок");
    }
    byte[] file = PdfUpload.require("file", pdf);
    String key = (String) team.get("team_key");
    jdbc.sql("UPDATE cadre_team SET project_title = ?, project_pdf = ?, project_sha256 = ? WHERE season = ? AND number = ?")
        .params(title.trim(), file, LetterService.sha256(file), season, teamNumber).update();
    history.record(key, "PROJECT:" + clock.millis(), "LEVEL3", "Проект «" + title.trim() + "»", clock.instant());
    // the team's wait in the season's case: the message subscription whose instance of the multi-instance
    // body has this team (its teamKey input parameter, read through the execution's scopes)
    String seasonInstance = jdbc.sql("SELECT process_instance_key FROM cadre_season WHERE season = ?").param(season).query(String.class).single();
    runtime.createEventSubscriptionQuery().processInstanceId(seasonInstance).eventType("message").eventName(PROJECT_MESSAGE).list().stream()
        .filter(s -> key.equals(runtime.getVariable(s.getExecutionId(), "teamKey"))).findFirst()
        .ifPresent(s -> runtime.messageEventReceived(PROJECT_MESSAGE, s.getExecutionId()));
    return key;
  }

  /** The final enrolment: each level-3 member by the mean of the experts' scores. */
  @Transactional
  public Map<String, Object> enrol(int season) {
    BigDecimal threshold = properties.rules(season).level3Threshold();
    int regional = 0;
    List<Map<String, Object>> members = jdbc.sql("SELECT id, case_number FROM cadre_candidate WHERE season = ? AND status IN ('LEVEL3', 'REGIONAL_RESERVE', 'MUNICIPAL_RESERVE') AND team_id IN (SELECT id FROM cadre_team WHERE passed_level2 = TRUE)")
        .param(season).query().listOfRows();
    for (Map<String, Object> m : members) {
      BigDecimal score = mean((String) m.get("case_number"));
      boolean isRegional = score.compareTo(threshold) >= 0;
      regional += isRegional ? 1 : 0;
      jdbc.sql("UPDATE cadre_candidate SET individual_score = ?, reserve = ?, status = ? WHERE id = ?")
          .params(score, isRegional ? "REGIONAL" : "MUNICIPAL", isRegional ? "REGIONAL_RESERVE" : "MUNICIPAL_RESERVE", m.get("id")).update();
    }
    jdbc.sql("UPDATE cadre_season SET status = 'CLOSED' WHERE season = ?").param(season).update();
    history.record(seasonCase(season), "ENROLLED", "CLOSED", "Региональный резерв: " + regional + ", муниципальный: " + (members.size() - regional)
        + " (порог " + threshold.toPlainString() + ")", clock.instant());
    return Map.of("regionalReserve", regional);
  }

  public void announceLevel3(int season) {
    publish(season, LEVEL3_MESSAGE, jdbc.sql("""
            SELECT case_number, reserve FROM cadre_candidate WHERE season = ? AND individual_score IS NOT NULL""").param(season)
        .query((rs, n) -> Map.entry(rs.getString("case_number"), Map.<String, Object>of("reserve", rs.getString("reserve")))).list());
  }

  // ------------------------------------------------------------------------------- helpers

  /**
   * Tells each candidate case its message, in the step's transaction: the engine moves every case on
   * with the season's step, or none of them. Operaton keeps no message for a case that does not wait
   * for it yet (Zeebe buffered one), so every case must be at its catch event first. A case that is
   * not (its previous step still running, or being retried) fails the step before anything is
   * correlated; the job executor tries the step again after its back-off, and after the last try
   * raises an incident that names those cases.
   */
  private void publish(int season, String message, List<Map.Entry<String, Map<String, Object>>> byCase) {
    Map<String, Long> instances = new HashMap<>();
    jdbc.sql("SELECT case_number, process_instance_key FROM cadre_candidate WHERE season = ?").param(season)
        .query((rs, i) -> instances.put(rs.getString("case_number"), (Long) rs.getObject("process_instance_key", Long.class))).list();
    Set<Long> waiting = runtime.createEventSubscriptionQuery().eventType("message").eventName(message).list().stream()
        .map(EventSubscription::getProcessInstanceId).map(EngineIds::key).collect(Collectors.toSet());
    List<String> notWaiting = byCase.stream().map(Map.Entry::getKey).filter(n -> !waiting.contains(instances.get(n))).sorted().toList();
    if (!notWaiting.isEmpty()) {
      throw new IllegalStateException(notWaiting.size() + " candidate case(s) of season " + season + " do not wait for " + message + " yet: "
          + String.join(", ", notWaiting.subList(0, Math.min(NAMED_IN_ERROR, notWaiting.size())))
          + (notWaiting.size() > NAMED_IN_ERROR ? ", ..." : "") + "; the step is tried again once they do");
    }
    for (Map.Entry<String, Map<String, Object>> e : byCase) {
      runtime.createMessageCorrelation(message).processInstanceBusinessKey(e.getKey()).setVariables(e.getValue()).correlateWithResult();
    }
  }

  String seasonCase(int season) {
    return properties.caseNumberPrefix() + "-" + season;
  }

  /** The team's own case number, for example КР-2027-К03: its letters and history are filed under it. */
  String teamKey(int season, int number) {
    return "%s-%d-К%02d".formatted(properties.caseNumberPrefix(), season, number);
  }
}
