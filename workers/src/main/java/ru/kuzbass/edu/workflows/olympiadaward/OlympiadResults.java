package ru.kuzbass.edu.workflows.olympiadaward;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.kuzbass.edu.workflows.people.PersonNames;
import ru.kuzbass.edu.workflows.platform.CsvImport;
import ru.kuzbass.edu.workflows.platform.UtcDateTime;

/**
 * The official list of winners and prize-winners of the All-Russian School Olympiad's final stage,
 * imported per year and subject. A re-import of a year and subject replaces its list; one bad row
 * imports nothing. The pupils' names and birth dates stay in this table: claims and processes name
 * a pupil by the list's participant code only.
 */
@Service
public class OlympiadResults {

  static final String CSV_HEADER = "year,subject,participant_code,surname,given_name,patronymic,birth_date,grade,place";
  static final String CODE = "^[0-9A-Za-z\\-]{1,32}$";
  private static final int MAX_ROWS = 20_000;

  /** A pupil's result as the list has it, without the pupil's name. */
  public record Result(int year, String subject, String participantCode, OlympiadPlace place, LocalDate publishedOn) {}

  private record Row(int year, String subject, String code, String surname, String givenName, String patronymic, LocalDate birthDate,
      int grade, OlympiadPlace place) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  public OlympiadResults(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Imports the CSV published on the given day; returns how many results it holds. All or nothing. */
  @Transactional
  public int importCsv(String csv, LocalDate publishedOn) {
    List<CsvImport.Row> lines = CsvImport.read(csv, CSV_HEADER, "results", "year", "^\\d{4}$",
        "год, предмет, код участника, фамилия, имя, отчество, дата рождения, класс и место");
    if (lines.size() > MAX_ROWS) {
      throw lines.getLast().bad("year", "не более 20 000 строк в одном файле");
    }
    List<Row> rows = lines.stream().map(OlympiadResults::row).toList();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      if (!seen.add(r.year() + "\n" + r.subject().toLowerCase() + "\n" + r.code())) {
        throw lines.get(i).bad("participant_code", "участник " + r.code() + " уже указан в этом файле по тому же предмету и году");
      }
    }
    Set<List<Object>> replaced = new LinkedHashSet<>();
    rows.forEach(r -> replaced.add(List.of(r.year(), r.subject())));
    for (List<Object> list : replaced) {
      jdbc.sql("DELETE FROM olympiad_result WHERE year = ? AND subject = ?").params(list.get(0), list.get(1)).update();
    }
    var now = UtcDateTime.toDb(clock.instant());
    for (Row r : rows) {
      jdbc.sql("""
              INSERT INTO olympiad_result (year, subject, participant_code, surname, given_name, patronymic, birth_date, grade, place,
                published_on, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(r.year(), r.subject(), r.code(), r.surname(), r.givenName(), r.patronymic(), r.birthDate(), r.grade(), r.place().name(),
              publishedOn, now)
          .update();
    }
    return rows.size();
  }

  /** The pupil's result in that year's list of the subject, if the list has one. */
  public Optional<Result> find(int year, String subject, String participantCode) {
    return jdbc.sql("SELECT year, subject, participant_code, place, published_on FROM olympiad_result"
            + " WHERE year = ? AND subject = ? AND participant_code = ?")
        .params(year, subject, participantCode)
        .query((rs, i) -> new Result(rs.getInt("year"), rs.getString("subject"), rs.getString("participant_code"),
            OlympiadPlace.valueOf(rs.getString("place")), rs.getObject("published_on", LocalDate.class)))
        .optional();
  }

  private static Row row(CsvImport.Row row) {
    int year = value(row, 0, "year", Integer::valueOf, "год — целое число");
    if (year < 2000 || year > 2100) {
      throw row.bad("year", "год олимпиады — от 2000 до 2100");
    }
    String subject = row.field(1);
    if (subject.isEmpty() || subject.length() > 100) {
      throw row.bad("subject", "укажите предмет, не более 100 символов");
    }
    String code = row.field(2);
    if (!code.matches(CODE)) {
      throw row.bad("participant_code", "код участника: до 32 латинских букв, цифр и дефисов");
    }
    String surname = name(row, 3, "surname", "фамилия");
    String givenName = name(row, 4, "given_name", "имя");
    String patronymic = row.field(5).isEmpty() ? null : name(row, 5, "patronymic", "отчество");
    LocalDate birthDate = value(row, 6, "birth_date", LocalDate::parse, "дата рождения как ГГГГ-ММ-ДД");
    int grade = value(row, 7, "grade", Integer::valueOf, "класс — целое число от 1 до 11");
    if (grade < 1 || grade > 11) {
      throw row.bad("grade", "класс — целое число от 1 до 11");
    }
    OlympiadPlace place = value(row, 8, "place", OlympiadPlace::valueOf, "место: " + OlympiadPlace.NAMES);
    return new Row(year, subject, code, surname, givenName, patronymic, birthDate, grade, place);
  }

  private static String name(CsvImport.Row row, int i, String field, String what) {
    if (!row.field(i).matches(PersonNames.PATTERN)) {
      throw row.bad(field, what + ": только буквы, пробел, дефис и апостроф");
    }
    return row.field(i);
  }

  private static <T> T value(CsvImport.Row row, int i, String field, Function<String, T> read, String expected) {
    try {
      return read.apply(row.field(i));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw row.bad(field, "ожидается " + expected);
    }
  }
}
