package ru.kuzbass.edu.workflows.cadrereserve;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import ru.kuzbass.edu.workflows.people.PersonFields;
import ru.kuzbass.edu.workflows.people.PlausibleBirthDate;
import ru.kuzbass.edu.workflows.people.ValidSnils;
import ru.kuzbass.edu.workflows.platform.PlainText;

/** The body of {@code POST /api/cadre-reserve/{season}/candidates}: the person and the questionnaire. Messages are shown to the candidate. */
public record CandidateRequest(
    @PersonFields.Surname String surname,
    @PersonFields.GivenName String name,
    @PersonFields.Patronymic String patronymic,
    @NotNull(message = "Укажите дату рождения") @PlausibleBirthDate LocalDate birthDate,
    @NotBlank(message = "Укажите СНИЛС") @ValidSnils String snils,
    @PersonFields.ContactEmail String email,
    @PersonFields.ContactPhone String phone,
    @NotNull(message = "Заполните анкету") @Valid Questionnaire questionnaire,
    @Size(max = 10, message = "Не более 10 достижений") List<@NotNull(message = "Укажите достижение") @Valid Achievement> achievements,
    @Pattern(regexp = "^[A-Z0-9\\-]{6,32}$", message = "Код права прохода указан неверно") String skipToken) {

  public record Questionnaire(
      @NotBlank(message = "Укажите должность") @Size(max = 200, message = "Не более 200 символов") @PlainText String position,
      @NotBlank(message = "Укажите код школы") @Pattern(regexp = "^[0-9A-Za-z\\-]{1,32}$", message = "Код школы: до 32 латинских букв, цифр и дефисов") String schoolCode,
      @NotBlank(message = "Укажите муниципалитет") @Size(max = 200, message = "Не более 200 символов") @PlainText String municipality,
      @NotNull(message = "Укажите педагогический стаж") @Min(value = 0, message = "Стаж не может быть отрицательным")
      @Max(value = 70, message = "Стаж указан неверно") Integer experienceYears,
      @NotBlank(message = "Укажите образование") @Size(max = 500, message = "Не более 500 символов") @PlainText String education,
      @NotBlank(message = "Расскажите о мотивации") @Size(max = 4000, message = "Не более 4000 символов") @PlainText String motivation) {}

  /** A result in a programme of the fast track, for example {@code LEADERS_OF_RUSSIA}, {@code FINALIST}. */
  public record Achievement(
      @NotBlank(message = "Укажите программу") @Pattern(regexp = "^[A-Z_]{1,40}$", message = "Код программы указан неверно") String programme,
      @NotBlank(message = "Укажите результат") @Pattern(regexp = "^[A-Z_]{1,40}$", message = "Результат указан неверно") String result,
      @NotNull(message = "Укажите год") @Min(value = 2000, message = "Год указан неверно") @Max(value = 2100, message = "Год указан неверно") Integer year,
      @NotBlank(message = "Укажите подтверждающий документ") @Size(max = 200, message = "Не более 200 символов") @PlainText String document) {}
}
