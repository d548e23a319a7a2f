package ru.kuzbass.edu.workflows.mentorbonus;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import ru.kuzbass.edu.workflows.people.PersonFields;
import ru.kuzbass.edu.workflows.people.PlausibleBirthDate;
import ru.kuzbass.edu.workflows.people.QualificationCategory;
import ru.kuzbass.edu.workflows.people.ValidSnils;
import ru.kuzbass.edu.workflows.platform.PlainText;
import ru.kuzbass.edu.workflows.platform.PlausibleDate;

/** The body of {@code POST /api/mentoring/nominations}. Messages are shown to the school. */
public record NominationRequest(
    @NotNull(message = "Укажите школу") @Valid School school,
    @NotNull(message = "Укажите наставника") @Valid TeacherData mentor,
    @NotEmpty(message = "Укажите хотя бы одного наставляемого") @Size(max = 10, message = "Не более 10 наставляемых в одной заявке")
    List<@NotNull(message = "Укажите наставляемого") @Valid TeacherData> mentees,
    @NotNull(message = "Укажите план наставничества") @Valid Plan plan,
    @NotBlank(message = "Укажите источник финансирования") @Pattern(regexp = "^[A-Z_]{1,32}$", message = "Источник финансирования указан неверно")
    String fundingSource) {


  public record School(
      @NotBlank(message = "Укажите код школы") @Pattern(regexp = "^[0-9A-Za-z\\-]{1,32}$", message = "Код школы: до 32 латинских букв, цифр и дефисов") String code,
      @NotBlank(message = "Укажите адрес электронной почты школы") @Email(message = "Адрес электронной почты указан неверно") @Size(max = 254) String email) {}

  public record TeacherData(
      @PersonFields.Surname String surname,
      @PersonFields.GivenName String name,
      @PersonFields.Patronymic String patronymic,
      @NotNull(message = "Укажите дату рождения") @PlausibleBirthDate LocalDate birthDate,
      @NotBlank(message = "Укажите СНИЛС") @ValidSnils String snils,
      @PersonFields.ContactEmail String email,
      @PersonFields.ContactPhone String phone,
      @NotBlank(message = "Укажите предмет") @Size(max = 200, message = "Не более 200 символов") @PlainText String subject,
      @NotNull(message = "Укажите педагогический стаж") @Min(value = 0, message = "Стаж не может быть отрицательным")
      @Max(value = 70, message = "Стаж указан неверно") Integer experienceYears,
      @NotNull(message = "Укажите квалификационную категорию") QualificationCategory qualificationCategory) {}

  public record Plan(
      @NotBlank(message = "Укажите цели наставничества") @Size(max = 4000, message = "Не более 4000 символов") @PlainText String goals,
      @NotNull(message = "Укажите дату начала") @PlausibleDate LocalDate startDate,
      @NotNull(message = "Укажите дату окончания") @PlausibleDate LocalDate endDate) {}
}
