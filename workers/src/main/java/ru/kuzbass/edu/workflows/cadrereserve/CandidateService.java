package ru.kuzbass.edu.workflows.cadrereserve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.operaton.bpm.engine.RuntimeService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.kuzbass.edu.workflows.cadrereserve.CadreReserveProperties.Programme;
import ru.kuzbass.edu.workflows.engine.EngineIds;
import ru.kuzbass.edu.workflows.letters.LetterService;
import ru.kuzbass.edu.workflows.people.Person;
import ru.kuzbass.edu.workflows.people.PersonDetails;
import ru.kuzbass.edu.workflows.people.PersonService;
import ru.kuzbass.edu.workflows.people.Snils;
import ru.kuzbass.edu.workflows.platform.CaseNotVisibleException;
import ru.kuzbass.edu.workflows.platform.ApiProblem;
import ru.kuzbass.edu.workflows.platform.CaseHistory;
import ru.kuzbass.edu.workflows.platform.CaseTokens;
import ru.kuzbass.edu.workflows.platform.PlainText;
import ru.kuzbass.edu.workflows.platform.UtcDateTime;

/**
 * One candidate's way through the season: registration with the questionnaire, the test results,
 * the project idea, and the fast track. The cohort-wide steps are in {@link SeasonService}.
 */
@Service
public class CandidateService {

  public static final String PROCESS_ID = "cadre-reserve-candidate";

  private final JdbcClient jdbc;
  private final PersonService people;
  private final CadreReserveProperties properties;
  private final SeasonService seasons;
  private final CaseHistory history;
  private final LetterService letters;
  private final RuntimeService runtime;
  private final ObjectMapper json;
  private final Clock clock;

  public CandidateService(JdbcClient jdbc, PersonService people, CadreReserveProperties properties, SeasonService seasons,
      CaseHistory history, LetterService letters, RuntimeService runtime, ObjectMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.people = people;
    this.properties = properties;
    this.seasons = seasons;
    this.history = history;
    this.letters = letters;
    this.runtime = runtime;
    this.json = json;
    this.clock = clock;
  }

  /** {@code accessToken} is shown to the candidate once; only its hash is stored. */
  public record Registered(long id, String caseNumber, String accessToken) {}

  /** Whether the request may act on the candidate's case: staff, or the candidate with the case's token. */
  public boolean admits(jakarta.servlet.http.HttpServletRequest request, int season, long candidateId) {
    return CaseTokens.admits(request, jdbc.sql("SELECT access_token_hash FROM cadre_candidate WHERE id = ? AND season = ?")
        .params(candidateId, season).query(String.class).optional().orElse(null));
  }

  public record TestResults(BigDecimal organising, BigDecimal managerial, BigDecimal leadership, Instant finishedAt) {}

  record Candidate(long id, String caseNumber, int season, long personId, String schoolCode, String municipality,
      String skipToken, String fastTrackEvidence, String status, BigDecimal composite, Integer rank,
      Boolean level1Passed, Integer courseDays, Long teamId, BigDecimal individualScore, String reserve) {}

  /**
   * Registers the candidate for the season and starts their case. Everything is written in one
   * transaction with the check of the skip token, so a refused registration leaves no trace; the
   * case's process instance commits with it (the engine shares the transaction).
   */
  @Transactional
  public Registered register(int season, CandidateRequest r) {
    seasons.requireRegistrationOpen(season);
    Person person = people.register(new PersonDetails(Snils.normalise(r.snils()), r.surname().trim(), r.name().trim(),
        r.patronymic() == null || r.patronymic().isBlank() ? null : r.patronymic().trim(), r.birthDate(), r.email().trim(),
        r.phone().trim()));
    String token = r.skipToken();
    if (token != null) {
      useToken(token, person.id(), season);
    }
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    CandidateRequest.Questionnaire q = r.questionnaire();
    try {
      jdbc.sql("""
              INSERT INTO cadre_candidate (season, person_id, school_code, municipality, position, experience_years, education,
                motivation, achievements, skip_token, status, registered_at)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'REGISTERED', ?)""")
          .params(season, person.id(), q.schoolCode().trim(), q.municipality().trim(), q.position().trim(), q.experienceYears(),
              q.education().trim(), q.motivation().trim(), toJson(r.achievements() == null ? List.of() : r.achievements()), token,
              now())
          .update(keys);
    } catch (DuplicateKeyException e) {
      throw ApiProblem.conflict("Кандидат с этим СНИЛС уже зарегистрирован в сезоне " + season);
    }
    long id = keys.getKeyAs(Number.class).longValue();
    String number = "%s-%d-%06d".formatted(properties.caseNumberPrefix(), season, id);
    // The fast track follows from what the registration says, so it is settled here: a cut that
    // runs right after a late registration still sees it.
    String accessToken = CaseTokens.issue();
    jdbc.sql("UPDATE cadre_candidate SET case_number = ?, fast_track_evidence = ?, access_token_hash = ? WHERE id = ?")
        .params(number, fastTrackEvidence(r.achievements() == null ? List.of() : r.achievements(), token, season),
            CaseTokens.hash(accessToken), id).update();
    history.record(number, "REGISTERED", "REGISTERED", "Сезон " + season + ", школа " + q.schoolCode().trim(), clock.instant());
    long key = EngineIds.key(runtime.startProcessInstanceByKey(PROCESS_ID, number,
        Map.of("candidateId", id, "caseNumber", number, "season", season)).getId());
    jdbc.sql("UPDATE cadre_candidate SET process_instance_key = ? WHERE id = ?").params(key, id).update();
    return new Registered(id, number, accessToken);
  }

  /** A token of last season, of this person, not used before; it is used up by this registration. */
  private void useToken(String code, long personId, int season) {
    Map<String, Object> t = jdbc.sql("SELECT person_id, issued_season, used_season FROM cadre_skip_token WHERE code = ? FOR UPDATE")
        .param(code).query().singleRow();
    if (t.isEmpty()) {
      throw ApiProblem.badField("skipToken", "Код права прохода не найден");
    }
    if (((Number) t.get("person_id")).longValue() != personId) {
      throw ApiProblem.badField("skipToken", "Код права прохода выдан другому участнику");
    }
    if (((Number) t.get("issued_season")).intValue() != season - 1) {
      throw ApiProblem.badField("skipToken", "Код права прохода действует только в сезоне " + (((Number) t.get("issued_season")).intValue() + 1));
    }
    if (t.get("used_season") != null) {
      throw ApiProblem.badField("skipToken", "Код права прохода уже использован");
    }
    jdbc.sql("UPDATE cadre_skip_token SET used_season = ? WHERE code = ?").params(season, code).update();
  }

  /** The testing platform's results; accepted until registration closes, the latest counts. */
  @Transactional
  public void recordTestResults(int season, long candidateId, TestResults r) {
    Candidate c = inSeason(season, candidateId);
    seasons.requireRegistrationOpen(season);
    jdbc.sql("""
            UPDATE cadre_candidate SET organising_score = ?, managerial_score = ?, leadership_score = ?, test_finished_at = ?
            WHERE id = ?""")
        .params(r.organising(), r.managerial(), r.leadership(), UtcDateTime.toDb(r.finishedAt() == null ? clock.instant() : r.finishedAt()),
            candidateId)
        .update();
    history.record(c.caseNumber(), "TEST_RESULTS:" + clock.millis(), c.status(), "Тест пройден: организаторские способности " + r.organising()
        + ", управленческий потенциал " + r.managerial() + ", лидерство " + r.leadership(), clock.instant());
  }

  /**
   * The project idea into the idea bank; accepted until registration closes, the latest counts.
   * {@code authorConsent}: the author agrees that the bank shows their name ({@link IdeaBank}).
   */
  @Transactional
  public void uploadIdea(int season, long candidateId, String title, String text, byte[] pdf, boolean authorConsent) {
    Candidate c = inSeason(season, candidateId);
    seasons.requireRegistrationOpen(season);
    if (title == null || title.isBlank() || title.length() > 300 || !PlainText.Validator.isPlain(title)) {
      throw ApiProblem.badField("title", "Укажите название идеи: не более 300 символов, без эмодзи, невидимых символов и угловых скобок");
    }
    if (text == null || text.isBlank() || text.length() > 20_000 || !PlainText.Validator.isPlain(text)) {
      throw ApiProblem.badField("text", "Опишите идею: не более 20 000 символов, без эмодзи, невидимых символов и угловых скобок");
    }
    byte[] file = pdf == null ? null : PdfUpload.require("file", pdf);
    jdbc.sql("""
            INSERT INTO cadre_idea (candidate_id, title, text, pdf, pdf_sha256, uploaded_at, author_consent) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE title = VALUES(title), text = VALUES(text), pdf = VALUES(pdf), pdf_sha256 = VALUES(pdf_sha256),
              uploaded_at = VALUES(uploaded_at), author_consent = VALUES(author_consent)""")
        .params(candidateId, title.trim(), text.trim(), file, file == null ? null : LetterService.sha256(file), now(), authorConsent).update();
    history.record(c.caseNumber(), "IDEA:" + clock.millis(), c.status(), "Проектная идея «" + title.trim() + "»" + (file == null ? "" : " с файлом PDF")
        + (authorConsent ? "; автор согласен на указание имени в банке идей" : "; без указания имени автора в банке идей"), clock.instant());
  }

  /** Why the candidate passes level 1 whatever the score, or {@code null}: listed programme results, or last season's skip token. */
  private String fastTrackEvidence(List<CandidateRequest.Achievement> achievements, String token, int season) {
    List<String> evidence = new ArrayList<>();
    for (CandidateRequest.Achievement a : achievements) {
      Programme p = properties.fastTrackProgrammes().get(a.programme());
      if (p != null && p.qualifyingResults().contains(a.result())) {
        evidence.add(p.name() + ", " + resultName(a.result()) + " " + a.year() + " (" + a.document().trim() + ")");
      }
    }
    if (token != null) {
      evidence.add("право прохода без отбора № " + token + " по итогам сезона " + (season - 1));
    }
    return evidence.isEmpty() ? null : String.join("; ", evidence);
  }

  /** Records in the case's history whether the candidate is on the fast track, and tells the process. */
  public Map<String, Object> checkFastTrack(long candidateId) {
    Candidate c = get(candidateId);
    history.record(c.caseNumber(), "FAST_TRACK", c.status(), c.fastTrackEvidence() == null
        ? "Оснований для прохода на второй уровень без отбора нет"
        : "Проходит на второй уровень без отбора: " + c.fastTrackEvidence(), clock.instant());
    return Map.of("fastTrack", c.fastTrackEvidence() != null);
  }

  private static String resultName(String code) {
    return switch (code) {
      case "WINNER" -> "победитель";
      case "FINALIST" -> "финалист";
      case "SEMIFINALIST" -> "полуфиналист";
      case "GRADUATE" -> "выпускник";
      default -> code;
    };
  }

  Candidate get(long id) {
    return jdbc.sql("SELECT * FROM cadre_candidate WHERE id = ?").param(id).query((rs, i) -> new Candidate(
            rs.getLong("id"), rs.getString("case_number"), rs.getInt("season"), rs.getLong("person_id"), rs.getString("school_code"),
            rs.getString("municipality"), rs.getString("skip_token"), rs.getString("fast_track_evidence"),
            rs.getString("status"), rs.getBigDecimal("composite_score"), (Integer) rs.getObject("level1_rank", Integer.class),
            (Boolean) rs.getObject("level1_passed", Boolean.class), (Integer) rs.getObject("course_days", Integer.class),
            (Long) rs.getObject("team_id", Long.class), rs.getBigDecimal("individual_score"), rs.getString("reserve")))
        .optional().orElseThrow(() -> new CaseNotVisibleException("Cadre-reserve candidate", id));
  }

  private Candidate inSeason(int season, long candidateId) {
    Long found = jdbc.sql("SELECT id FROM cadre_candidate WHERE id = ? AND season = ?").params(candidateId, season)
        .query(Long.class).optional().orElse(null);
    if (found == null) {
      throw new ApiProblem(HttpStatus.NOT_FOUND, "Не найдено", "Кандидат " + candidateId + " в сезоне " + season + " не зарегистрирован", null);
    }
    return get(found);
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private LocalDateTime now() {
    return UtcDateTime.toDb(clock.instant());
  }
}
