package ru.kuzbass.edu.workflows.cadrereserve;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.kuzbass.edu.workflows.platform.CsvImport;
import ru.kuzbass.edu.workflows.platform.PlainText;
import ru.kuzbass.edu.workflows.platform.UtcDateTime;

/**
 * Imports the administrative teams of schools, school data like their results (JSON, or CSV with
 * the header {@code school_code,full_name,position,rsv_alumnus}): names and positions, the head
 * first, and whether each is a graduate, finalist or winner of a project of the «Россия – страна
 * возможностей» platform. A file replaces the whole team of every school it names; a file with one
 * bad row imports nothing.
 */
@RestController
@RequestMapping("/api/schools/administration")
public class SchoolAdministrationController {

  private final JdbcClient jdbc;
  private final Validator validator;
  private final Clock clock;

  public SchoolAdministrationController(JdbcClient jdbc, Validator validator, Clock clock) {
    this.jdbc = jdbc;
    this.validator = validator;
    this.clock = clock;
  }

  public record Member(
      @NotBlank(message = "Укажите код школы") @Pattern(regexp = SchoolCsv.SCHOOL_CODE, message = "Код школы: до 32 латинских букв, цифр и дефисов") String schoolCode,
      @NotBlank(message = "Укажите фамилию, имя и отчество") @Size(max = 200, message = "Не более 200 символов") @PlainText String fullName,
      @NotBlank(message = "Укажите должность") @Size(max = 200, message = "Не более 200 символов") @PlainText String position,
      @NotNull(message = "Укажите, выпускник ли он, финалист или победитель проекта платформы «Россия – страна возможностей»") Boolean rsvAlumnus) {}

  public record Members(@NotEmpty(message = "Нет ни одной строки") @Size(max = 20000, message = "Не более 20 000 строк")
      List<@NotNull @Valid Member> members) {}

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @Transactional
  public Map<String, Integer> importJson(@Valid @RequestBody Members body) {
    return Map.of("imported", store(body.members()));
  }

  /** The CSV's rows are checked by the same constraints as the JSON's, and the first broken one is reported with its line. */
  @PostMapping(consumes = "text/csv")
  @Transactional
  public Map<String, Integer> importCsv(@RequestBody String csv) {
    List<Member> members = new ArrayList<>();
    for (CsvImport.Row row : SchoolCsv.read(csv, "school_code,full_name,position,rsv_alumnus", "members", "schoolCode",
        "код школы, ФИО, должность и признак выпускника, финалиста или победителя проекта «Россия – страна возможностей» (true или false)")) {
      String flag = row.field(3).toLowerCase();
      if (!flag.equals("true") && !flag.equals("false")) {
        throw row.bad("rsvAlumnus", "признак выпускника, финалиста или победителя — true или false");
      }
      Member member = new Member(row.field(0), row.field(1), row.field(2), Boolean.parseBoolean(flag));
      validator.validate(member).stream().min(Comparator.comparing((ConstraintViolation<Member> v) -> v.getPropertyPath().toString()))
          .ifPresent(v -> {
            throw row.bad(v.getPropertyPath().toString(), v.getMessage());
          });
      members.add(member);
    }
    return Map.of("imported", store(members));
  }

  private int store(List<Member> members) {
    members.stream().map(Member::schoolCode).distinct()
        .forEach(school -> jdbc.sql("DELETE FROM school_administration WHERE school_code = ?").param(school).update());
    for (Member m : members) {
      jdbc.sql("INSERT INTO school_administration (school_code, full_name, position, rsv_alumnus, imported_at) VALUES (?, ?, ?, ?, ?)")
          .params(m.schoolCode(), m.fullName().trim(), m.position().trim(), m.rsvAlumnus(), UtcDateTime.toDb(clock.instant())).update();
    }
    return members.size();
  }
}
