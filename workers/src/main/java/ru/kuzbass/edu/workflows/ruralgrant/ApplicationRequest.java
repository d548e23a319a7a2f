package ru.kuzbass.edu.workflows.ruralgrant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import ru.kuzbass.edu.workflows.people.PersonFields;
import ru.kuzbass.edu.workflows.people.PlausibleBirthDate;
import ru.kuzbass.edu.workflows.people.ValidSnils;
import ru.kuzbass.edu.workflows.platform.PlainText;

/** The body of {@code POST /api/rural-grants/applications}. Messages are shown to applicants. */
public record ApplicationRequest(
    @NotNull(message = "Укажите сведения о заявителе") @Valid Applicant applicant,
    @NotNull(message = "Укажите школу") @Valid School school,
    @NotBlank(message = "Укажите должность или предмет") @Size(max = 200, message = "Не более 200 символов") @PlainText String position,
    @NotNull(message = "Укажите учебную нагрузку") @Min(value = 1, message = "Нагрузка должна быть не меньше 1 часа")
    @Max(value = 60, message = "Нагрузка не может превышать 60 часов в неделю") Integer weeklyLoadHours,
    @NotBlank(message = "Укажите прежнее место жительства") @Size(max = 500, message = "Не более 500 символов") @PlainText String previousResidence,
    @NotNull(message = "Укажите населённый пункт прежнего места жительства") @Valid PreviousSettlement previousSettlement,
    @NotNull(message = "Нужно согласие на обработку персональных данных")
    @AssertTrue(message = "Нужно согласие на обработку персональных данных") Boolean personalDataConsent) {

  public record Applicant(
      @PersonFields.Surname String surname,
      @PersonFields.GivenName String name,
      @PersonFields.Patronymic String patronymic,
      @NotNull(message = "Укажите дату рождения") @PlausibleBirthDate LocalDate birthDate,
      @NotBlank(message = "Укажите СНИЛС") @ValidSnils String snils,
      @NotBlank(message = "Укажите адрес электронной почты") @Email(message = "Адрес электронной почты указан неверно")
      @Size(max = 254, message = "Не более 254 символов") @PlainText String email,
      @PersonFields.ContactPhone String phone) {}

  /**
   * The school, by its code in the school directory: the directory, not the applicant, says in
   * which municipality and settlement it is, of which type and population.
   */
  public record School(
      @NotBlank(message = "Укажите код школы") @Pattern(regexp = "^[0-9A-Za-z\\-]{1,32}$", message = "Код школы: до 32 латинских букв, цифр и дефисов") String code) {}

  /** Where the applicant lived before moving to the school's settlement, as the passport's registration names it. */
  public record PreviousSettlement(
      @NotBlank(message = "Укажите муниципальное образование прежнего места жительства") @Size(max = 200, message = "Не более 200 символов") @PlainText String municipality,
      @NotBlank(message = "Укажите населённый пункт прежнего места жительства") @Size(max = 200, message = "Не более 200 символов") @PlainText String name) {}
}
