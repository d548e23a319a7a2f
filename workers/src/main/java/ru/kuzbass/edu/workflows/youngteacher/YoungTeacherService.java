package ru.kuzbass.edu.workflows.youngteacher;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.operaton.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.kuzbass.edu.workflows.engine.EngineIds;
import ru.kuzbass.edu.workflows.letters.IssuedLetter;
import ru.kuzbass.edu.workflows.letters.LetterService;
import ru.kuzbass.edu.workflows.letters.SchoolDirectory;
import ru.kuzbass.edu.workflows.mail.MailService;
import ru.kuzbass.edu.workflows.mail.OutgoingMail;
import ru.kuzbass.edu.workflows.mentorbonus.MentorBonusRepository;
import ru.kuzbass.edu.workflows.mentorbonus.Nomination;
import ru.kuzbass.edu.workflows.mentorbonus.NominationStatus;
import ru.kuzbass.edu.workflows.people.Person;
import ru.kuzbass.edu.workflows.people.PersonService;
import ru.kuzbass.edu.workflows.people.Teacher;
import ru.kuzbass.edu.workflows.people.TeacherService;
import ru.kuzbass.edu.workflows.platform.ApiProblem;
import ru.kuzbass.edu.workflows.platform.CaseHistory;
import ru.kuzbass.edu.workflows.platform.CaseNotVisibleException;
import ru.kuzbass.edu.workflows.platform.InvalidInputException;
import ru.kuzbass.edu.workflows.platform.RegionTime;
import ru.kuzbass.edu.workflows.youngteacher.YoungTeacherProperties.Rules;
import ru.kuzbass.edu.workflows.youngteacher.YoungTeacherRepository.AnswerRow;
import ru.kuzbass.edu.workflows.youngteacher.YoungTeacherRepository.DifficultyRow;

/**
 * Young-teacher support: the school's request, the answers of the questionnaire and the check-ins
 * with the difficulties they raise, the mentor, the check-in schedule and the closing letter. The
 * steps of the model call it through {@link YoungTeacherSteps}. Everything a step writes is keyed by
 * the case (and round), so a step run again has its effect once.
 */
@Service
public class YoungTeacherService {

  public static final String PROCESS_ID = "young-teacher-support";
  /** The round of the adaptation questionnaire; check-ins are rounds 1, 2, … */
  static final int QUESTIONNAIRE = 0;

  private final YoungTeacherRepository cases;
  private final YoungTeacherProperties properties;
  private final PersonService people;
  private final TeacherService teachers;
  private final MentorBonusRepository nominations;
  private final LetterService letters;
  private final SchoolDirectory schools;
  private final MailService mail;
  private final CaseHistory history;
  private final RuntimeService runtime;
  private final Clock clock;

  public YoungTeacherService(YoungTeacherRepository cases, YoungTeacherProperties properties, PersonService people, TeacherService teachers,
      MentorBonusRepository nominations, LetterService letters, SchoolDirectory schools, MailService mail, CaseHistory history,
      RuntimeService runtime, Clock clock) {
    this.cases = cases;
    this.properties = properties;
    this.people = people;
    this.teachers = teachers;
    this.nominations = nominations;
    this.letters = letters;
    this.schools = schools;
    this.mail = mail;
    this.history = history;
    this.runtime = runtime;
    this.clock = clock;
  }

  public record Started(String caseNumber) {}

  /** What staff read about a case: no SNILS, no contacts, no free text. */
  public record Status(String caseNumber, String status, String schoolCode, String post, LocalDate startDate, Mentor mentor,
      List<AnswerRow> answers, List<Difficulty> difficulties) {}

  /** @param mode NOMINATION or WITHOUT_BONUS; null until the school assigns one */
  public record Mentor(String mode, String nominationNumber) {}

  public record Difficulty(int round, List<String> areas, OffsetDateTime raisedAt, OffsetDateTime dueAt, Boolean resolved) {}

  // ---------------------------------------------------------------- intake

  /**
   * Checks the school and the teacher's eligibility on today's date (the case's start), registers
   * the teacher and starts the case, all or nothing: the engine shares this transaction.
   */
  @Transactional
  public Started start(StartRequest r) {
    LocalDate today = RegionTime.today(clock);
    Rules rules = properties.rules(today.getYear());
    String municipality = cases.municipalityOf(r.schoolCode())
        .orElseThrow(() -> ApiProblem.badField("schoolCode", "Школа с кодом " + r.schoolCode() + " не найдена в справочнике школ"));
    if (!rules.pilotMunicipalities().contains(municipality)) {
      throw ApiProblem.badField("schoolCode", "Муниципалитет школы не участвует в пилотном проекте сопровождения молодых педагогов");
    }
    if (Period.between(r.birthDate(), today).getYears() >= rules.maxAge()) {
      throw ApiProblem.badField("birthDate", "Сопровождение предусмотрено для педагогов в возрасте до " + rules.maxAge() + " лет");
    }
    if (r.experienceStartDate().isAfter(today)) {
      throw ApiProblem.badField("experienceStartDate", "Дата начала стажа не может быть позже сегодняшнего дня");
    }
    if (r.experienceStartDate().plusYears(rules.maxExperienceYears()).isBefore(today)) {
      throw ApiProblem.badField("experienceStartDate",
          "Сопровождение предусмотрено для педагогов со стажем работы не более " + rules.maxExperienceYears() + " лет");
    }
    long personId = people.register(r.person()).id();
    cases.openCaseOf(personId).ifPresent(open -> {
      throw ApiProblem.badField("snils", "Педагог уже сопровождается по обращению № " + open);
    });
    Instant now = clock.instant();
    long id = cases.insert(new YoungTeacherRepository.NewCase(personId, r.schoolCode(), municipality, r.post().trim(),
        r.experienceStartDate(), today, now));
    String number = "%s-%d-%06d".formatted(properties.caseNumberPrefix(), today.getYear(), id);
    cases.assignNumber(id, number);
    history.record(number, "OPENED", "OPEN", null, now);
    long key = EngineIds.key(runtime.startProcessInstanceByKey(PROCESS_ID, number,
        Map.of("caseId", id, "caseNumber", number, "schoolCode", r.schoolCode())).getId());
    cases.assignProcessInstance(id, key);
    return new Started(number);
  }

  public Status status(String caseNumber) {
    YoungTeacherCase c = cases.findByNumber(caseNumber).orElseThrow(() -> ApiProblem.notFound("Обращение " + caseNumber + " не найдено"));
    List<Difficulty> difficulties = cases.difficulties(c.id()).stream()
        .map(d -> new Difficulty(d.round(), List.of(d.areas().split(",")), local(d.raisedAt()), local(d.dueAt()), d.resolved()))
        .toList();
    return new Status(c.caseNumber(), c.status(), c.schoolCode(), c.post(), c.startDate(), new Mentor(c.mentorMode(), c.mentorNomination()),
        cases.answers(c.id()), difficulties);
  }

  // ---------------------------------------------------------------- steps (YoungTeacherSteps)

  /**
   * Stores a round's answers and its free text, and raises a difficulty when an answer signals one
   * under the case year's rules. Returns what the model routes on: {@code difficultyRaised}, and for
   * a raised one its id and the due date of the methodist's task.
   */
  public Map<String, Object> recordAnswers(long caseId, int round, Answers answers, String comment, String answeredBy) {
    YoungTeacherCase c = get(caseId);
    Rules rules = properties.rules(c.startDate().getYear());
    Instant now = clock.instant();
    cases.saveAnswers(caseId, round, answers, comment == null || comment.isBlank() ? null : comment.strip(), answeredBy, now);
    List<String> areas = answers.difficultAreas(rules);
    Map<String, Object> result = new HashMap<>();
    result.put("difficultyRaised", !areas.isEmpty());
    if (!areas.isEmpty()) {
      OffsetDateTime due = RegionTime.endOfDay(RegionTime.today(clock).plusDays(rules.difficultyResponseDays()));
      long difficultyId = cases.raiseDifficulty(caseId, round, String.join(",", areas), now, due.toInstant());
      history.record(c.caseNumber(), "DIFFICULTY:" + round, "OPEN", "Выявлено затруднение: " + String.join(", ", areas), now);
      result.put("difficultyId", difficultyId);
      result.put("difficultyDueAt", due.toString());
      result.put("difficultyAreasText", String.join(", ", areas.stream().map(Answers.AREA_NAMES::get).toList()));
      result.put("difficultyResponseDays", rules.difficultyResponseDays());
    }
    return result;
  }

  /**
   * Links the mentor: a mentor-bonus nomination of the same school, not refused, whose mentees
   * include this teacher, or a mentor without a bonus nomination, named here only. A readable refusal otherwise.
   */
  public void assignMentor(long caseId, String mode, String nominationNumber, String mentorName) {
    YoungTeacherCase c = get(caseId);
    if ("NOMINATION".equals(mode)) {
      String number = nominationNumber == null ? "" : nominationNumber.strip();
      Nomination n = nominations.findByNumber(number)
          .orElseThrow(() -> new InvalidInputException("Заявка на доплату за наставничество № " + number + " не найдена"));
      if (n.status() == NominationStatus.REJECTED) {
        throw new InvalidInputException("По заявке № " + number + " в доплате отказано; укажите действующую заявку");
      }
      if (!n.schoolCode().equals(c.schoolCode())) {
        throw new InvalidInputException("Заявка № " + number + " подана другой школой");
      }
      List<Long> mentees = nominations.mentees(n.id());
      boolean menteeIsThisTeacher = mentees.stream().map(this::teacherOf).anyMatch(t -> t.personId() == c.personId());
      if (!mentees.isEmpty() && !menteeIsThisTeacher) {
        throw new InvalidInputException("В заявке № " + number + " этот педагог не указан наставляемым");
      }
      cases.recordMentor(caseId, mode, number, null, clock.instant());
      history.record(c.caseNumber(), "MENTOR", "OPEN", "Наставник по заявке № " + number, clock.instant());
    } else if ("WITHOUT_BONUS".equals(mode)) {
      if (mentorName == null || mentorName.isBlank()) {
        throw new InvalidInputException("Укажите ФИО наставника");
      }
      cases.recordMentor(caseId, mode, null, mentorName.strip(), clock.instant());
      history.record(c.caseNumber(), "MENTOR", "OPEN", "Наставник назначен без заявки на доплату", clock.instant());
    } else {
      throw new InvalidInputException("Выберите, как назначен наставник");
    }
  }

  public void closeDifficulty(long difficultyId, boolean resolved, String actions) {
    cases.closeDifficulty(difficultyId, resolved, actions == null || actions.isBlank() ? null : actions.strip(), clock.instant());
  }

  /**
   * The next check-in after {@code previous} (0 before the first): its number, the month after the
   * start it falls in, when it is due (the start of that day, local time) and whether it is the last.
   */
  public Map<String, Object> scheduleCheckIn(long caseId, int previous) {
    YoungTeacherCase c = get(caseId);
    List<Integer> months = properties.rules(c.startDate().getYear()).checkIns();
    int number = previous + 1;
    int month = months.get(number - 1);
    return Map.of("checkInNumber", number, "checkInMonth", month, "checkInCount", months.size(),
        "checkInDueAt", RegionTime.startOfDay(c.startDate().plusMonths(month)).toString(), "lastCheckIn", number == months.size());
  }

  /** The letter to the teacher that the support year is over, once; the case closes. */
  public void completeSupport(long caseId) {
    YoungTeacherCase c = get(caseId);
    Person teacher = people.get(c.personId());
    Rules rules = properties.rules(c.startDate().getYear());
    IssuedLetter letter = letters.issue(c.caseNumber(), YoungTeacherLetters.COMPLETED, YoungTeacherLetters.number(c.caseNumber()).replace('/', '-') + ".pdf",
        () -> YoungTeacherLetters.completed(c, teacher, schools.name(c.schoolCode()), rules.checkIns().size(), RegionTime.today(clock),
            rules.basis()));
    mail.send(new OutgoingMail(c.caseNumber() + ":" + YoungTeacherLetters.COMPLETED, teacher.email(),
        "Сопровождение молодого педагога: год завершён (обращение " + c.caseNumber() + ")",
        "Здравствуйте, " + teacher.givenName() + "!\n\nВо вложении — уведомление № " + letter.number()
            + " о завершении года сопровождения.\n\nПисьмо отправлено автоматически, отвечать на него не нужно.\n\n" + YoungTeacherLetters.ISSUER,
        letter));
    cases.close(caseId, clock.instant());
    history.record(c.caseNumber(), "CLOSED", "CLOSED", "Письмо № " + letter.number(), clock.instant());
  }

  // ---------------------------------------------------------------- helpers

  private Teacher teacherOf(long teacherId) {
    return teachers.find(teacherId).orElseThrow(() -> new IllegalStateException("Teacher " + teacherId + " does not exist"));
  }

  private YoungTeacherCase get(long caseId) {
    return cases.findById(caseId).orElseThrow(() -> new CaseNotVisibleException("Young-teacher case", caseId));
  }

  private static OffsetDateTime local(Instant at) {
    return at == null ? null : at.atZone(RegionTime.ZONE).toOffsetDateTime();
  }
}
