package ru.kuzbass.edu.workflows.cadrereserve;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import ru.kuzbass.edu.workflows.cadrereserve.CadreLetters.Addressee;
import ru.kuzbass.edu.workflows.cadrereserve.CadreReserveProperties.Level2Mode;
import ru.kuzbass.edu.workflows.cadrereserve.CadreReserveProperties.PassBase;
import ru.kuzbass.edu.workflows.cadrereserve.CadreReserveProperties.Rules;
import ru.kuzbass.edu.workflows.cadrereserve.CandidateService.Candidate;
import ru.kuzbass.edu.workflows.letters.IssuedLetter;
import ru.kuzbass.edu.workflows.letters.LetterService;
import ru.kuzbass.edu.workflows.letters.RussianFormat;
import ru.kuzbass.edu.workflows.letters.Salutation;
import ru.kuzbass.edu.workflows.mail.MailService;
import ru.kuzbass.edu.workflows.mail.OutgoingMail;
import ru.kuzbass.edu.workflows.people.Person;
import ru.kuzbass.edu.workflows.people.PersonService;
import ru.kuzbass.edu.workflows.platform.CaseHistory;
import ru.kuzbass.edu.workflows.platform.InvalidInputException;
import ru.kuzbass.edu.workflows.platform.RegionTime;

/**
 * Issues and mails the cadre-reserve letters: to candidates, and to the heads of project schools.
 * Each letter is issued once per case and kind and each e-mail is keyed by them, so a retried job
 * sends nothing twice.
 */
@Service
public class CadreLetterService {

  /** The further-training programme (ДПП ПК) offered to those who do not go on. */
  static final String COURSE = "Управленческие навыки, лидерство и командная работа руководителя образовательной организации";

  private final JdbcClient jdbc;
  private final CandidateService candidates;
  private final PersonService people;
  private final LetterService letters;
  private final MailService mail;
  private final CaseHistory history;
  private final CadreReserveProperties properties;
  private final CadreProgrammeProperties programme;
  private final Clock clock;

  public CadreLetterService(JdbcClient jdbc, CandidateService candidates, PersonService people, LetterService letters,
      MailService mail, CaseHistory history, CadreReserveProperties properties, CadreProgrammeProperties programme, Clock clock) {
    this.jdbc = jdbc;
    this.candidates = candidates;
    this.people = people;
    this.letters = letters;
    this.mail = mail;
    this.history = history;
    this.properties = properties;
    this.programme = programme;
    this.clock = clock;
  }

  /** The candidate's letter of this kind; {@code ideaRecommendation} is the expert's text for {@link CadreLetterKind#IDEA}. */
  public void sendToCandidate(CadreLetterKind kind, long candidateId, String ideaRecommendation) {
    Candidate c = candidates.get(candidateId);
    Person person = people.get(c.personId());
    Rules rules = properties.rules(c.season());
    Addressee a = new Addressee(c.caseNumber(), person.fullName(), Salutation.of(person.givenName(), person.patronymic()), c.season(),
        c.composite(), c.rank(), rules.source());
    LocalDate today = RegionTime.today(clock);
    if (kind == CadreLetterKind.IDEA) {
      if (ideaRecommendation == null || ideaRecommendation.isBlank()) {
        throw new InvalidInputException("Эксперт не дал рекомендацию по идее кандидата " + c.caseNumber());
      }
      jdbc.sql("UPDATE cadre_idea SET recommendation = ? WHERE candidate_id = ?").params(ideaRecommendation.trim(), candidateId).update();
    }
    IssuedLetter letter = letters.issue(c.caseNumber(), kind.name(), kind.fileName(c.caseNumber()), () -> switch (kind) {
      case LEVEL1_REFUSAL -> CadreLetters.level1Refusal(a, today, refusalReason(c, rules), token(candidateId), COURSE);
      case LEVEL1_PASS -> CadreLetters.level1Pass(a, today, c.fastTrackEvidence() != null
          ? "Основание: " + c.fastTrackEvidence() + " (проход без отбора)."
          : "Ваш итоговый балл теста " + c.composite().toPlainString() + ", место в рейтинге сезона — " + c.rank() + ".", rules.courseDays());
      case IDEA -> CadreLetters.idea(a, today, ideaTitle(candidateId), authorConsented(candidateId), programme.communityName(),
          ideaRecommendation.trim());
      case COURSE_MISSED -> CadreLetters.courseMissed(a, today, rules.courseDays(), c.courseDays() == null ? 0 : c.courseDays());
      case LEVEL2_RESULT -> CadreLetters.level2Result(a, today, team(c).number(), team(c).score(), level2Rule(rules), COURSE,
          c.municipality());
      case LEVEL2_PASS -> CadreLetters.level2Pass(a, today, team(c).number(), team(c).score());
      case LEVEL3_RESULT -> CadreLetters.level3Result(a, today, "REGIONAL".equals(c.reserve()), c.individualScore(), rules.level3Threshold(),
          programme.reservistTraining());
      case MUNICIPAL_DECISION -> CadreLetters.municipalDecision(a, today, c.municipality(),
          "MUNICIPAL_RESERVE".equals(c.status()) ? null : declineReason(candidateId), programme.reservistTraining());
      case PROJECT_COVER -> throw new IllegalArgumentException("A project cover letter goes to the school, not to a candidate");
    });
    mail.send(new OutgoingMail(c.caseNumber() + ":" + kind, person.email(),
        "Кадровый резерв «КУЗБАСС. БУДУЩЕЕ.РФ»: " + Character.toLowerCase(kind.title().charAt(0)) + kind.title().substring(1),
        "Здравствуйте, " + person.givenName() + "!\n\nВо вложении — " + kind.title().toLowerCase() + " № " + letter.number()
            + ".\n\nПисьмо отправлено автоматически, отвечать на него не нужно.\n\n" + CadreLetters.ISSUER,
        letter));
    history.record(c.caseNumber(), "LETTER:" + kind, c.status(), "Письмо № " + letter.number(), clock.instant());
  }

  /** Each project school's head gets the team's project with a cover letter. */
  public void sendProjectsToSchools(int season) {
    for (Map<String, Object> t : jdbc.sql("""
            SELECT t.id, t.team_key, t.project_school, t.project_title, t.project_pdf, s.name, s.email FROM cadre_team t
            LEFT JOIN school s ON s.code = t.project_school
            WHERE t.season = ? AND t.passed_level2 = TRUE AND t.project_pdf IS NOT NULL ORDER BY t.number""").param(season).query().listOfRows()) {
      String key = (String) t.get("team_key");
      String school = (String) t.get("project_school");
      if (t.get("email") == null) {
        throw new InvalidInputException("У школы " + school + " нет адреса электронной почты в справочнике школ: внесите его и повторите шаг");
      }
      List<String> members = jdbc.sql("SELECT person_id FROM cadre_candidate WHERE team_id = ? AND individual_score IS NOT NULL ORDER BY id")
          .param(t.get("id")).query(Long.class).list().stream().map(id -> people.get(id).fullName()).toList();
      IssuedLetter letter = letters.issue(key, CadreLetterKind.PROJECT_COVER.name(), CadreLetterKind.PROJECT_COVER.fileName(key),
          () -> CadreLetters.projectCover(key, season, (String) t.get("name"), (String) t.get("project_title"), members,
              properties.rules(season).source(), RegionTime.today(clock)));
      mail.send(new OutgoingMail(key + ":" + CadreLetterKind.PROJECT_COVER, (String) t.get("email"),
          "Управленческий проект команды " + key + ": " + t.get("name"),
          "Здравствуйте!\n\nВо вложении — сопроводительное письмо № " + letter.number() + " и управленческий проект «" + t.get("project_title")
              + "».\n\nПисьмо отправлено автоматически, отвечать на него не нужно.\n\n" + CadreLetters.ISSUER,
          letter, List.of(new OutgoingMail.Document(key + "-проект.pdf", (byte[]) t.get("project_pdf")))));
      history.record(key, "LETTER:" + CadreLetterKind.PROJECT_COVER, "CLOSED", "Письмо № " + letter.number() + " школе " + school, clock.instant());
    }
  }

  private String refusalReason(Candidate c, Rules rules) {
    return c.rank() == null
        ? "Тестирование не было завершено до окончания регистрации, поэтому Вы не участвовали в рейтинге сезона."
        : "Ваш итоговый балл теста " + c.composite().toPlainString() + " (место " + c.rank() + " в рейтинге сезона). На второй уровень "
            + "по баллам теста проходят " + rules.passShare().movePointRight(2).stripTrailingZeros().toPlainString() + "% "
            + (rules.passBase() == PassBase.REGISTERED ? "от общего количества участников сезона" : "участников, прошедших тестирование")
            + " — в этом сезоне " + RussianFormat.count(placesByScore(c.season()), "место", "места", "мест") + "; участники с основаниями для прохода без отбора проходят сверх них.";
  }

  /** How many passed level 1 by their place in the ranking (the fast track aside): the line the refusal explains. */
  private int placesByScore(int season) {
    return jdbc.sql("SELECT COUNT(*) FROM cadre_candidate WHERE season = ? AND level1_rank IS NOT NULL AND level1_passed")
        .param(season).query(Integer.class).single();
  }

  private String token(long candidateId) {
    return jdbc.sql("SELECT code FROM cadre_skip_token WHERE candidate_id = ?").param(candidateId).query(String.class).single();
  }

  private boolean authorConsented(long candidateId) {
    return jdbc.sql("SELECT author_consent FROM cadre_idea WHERE candidate_id = ?").param(candidateId).query(Boolean.class).single();
  }

  private String declineReason(long candidateId) {
    return jdbc.sql("SELECT municipal_decline_reason FROM cadre_candidate WHERE id = ?").param(candidateId).query(String.class).single();
  }

  private String ideaTitle(long candidateId) {
    return jdbc.sql("SELECT title FROM cadre_idea WHERE candidate_id = ?").param(candidateId).query(String.class).single();
  }

  private record Team(int number, BigDecimal score) {}

  private Team team(Candidate c) {
    return jdbc.sql("SELECT number, score FROM cadre_team WHERE id = ?").param(c.teamId())
        .query((rs, i) -> new Team(rs.getInt("number"), rs.getBigDecimal("score"))).single();
  }

  private static String level2Rule(Rules rules) {
    return rules.level2Mode() == Level2Mode.TOP_K
        ? "на третий уровень проходят " + rules.level2TopK() + " лучших команд"
        : "на третий уровень проходят команды с оценкой не ниже " + rules.level2Threshold().toPlainString();
  }
}
