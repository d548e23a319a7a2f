package ru.kuzbass.edu.workflows.olympiadaward;

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
import ru.kuzbass.edu.workflows.people.PersonDetails;
import ru.kuzbass.edu.workflows.people.PersonFields;
import ru.kuzbass.edu.workflows.people.PlausibleBirthDate;
import ru.kuzbass.edu.workflows.people.Snils;
import ru.kuzbass.edu.workflows.people.ValidSnils;
import ru.kuzbass.edu.workflows.platform.PlainText;

/**
 * The body of {@code POST /api/olympiad-awards/claims}: the school, the pupil's result as the
 * official list names it (year, subject, participant code, place) and the teachers who trained
 * the pupil with their shares in percent. The pupil's name is not asked: the list holds it.
 */
public record ClaimRequest(
    @NotBlank(message = "Укажите код школы") @Pattern(regexp = "^[0-9A-Za-z\\-]{1,32}$", message = "Код школы: до 32 латинских букв, цифр и дефисов") String schoolCode,
    @NotBlank(message = "Укажите адрес электронной почты школы") @Email(message = "Адрес электронной почты указан неверно") @Size(max = 254) String schoolEmail,
    @NotNull(message = "Укажите год олимпиады") @Min(value = 2000, message = "Год олимпиады — от 2000 до 2100") @Max(value = 2100, message = "Год олимпиады — от 2000 до 2100") Integer year,
    @NotBlank(message = "Укажите предмет") @Size(max = 100, message = "Не более 100 символов") @PlainText String subject,
    @NotBlank(message = "Укажите код участника из списка победителей и призёров") @Pattern(regexp = OlympiadResults.CODE, message = "Код участника: до 32 латинских букв, цифр и дефисов") String participantCode,
    @NotNull(message = "Укажите место: " + OlympiadPlace.NAMES) OlympiadPlace place,
    @NotEmpty(message = "Укажите хотя бы одного педагога") @Size(max = 10, message = "Не более 10 педагогов в одной заявке")
    List<@NotNull(message = "Укажите педагога") @Valid Coach> coaches) {

  /** A teacher who trained the pupil, with their share of the award in whole percent. */
  public record Coach(
      @PersonFields.Surname String surname,
      @PersonFields.GivenName String name,
      @PersonFields.Patronymic String patronymic,
      @NotNull(message = "Укажите дату рождения") @PlausibleBirthDate LocalDate birthDate,
      @NotBlank(message = "Укажите СНИЛС") @ValidSnils String snils,
      @PersonFields.ContactEmail String email,
      @PersonFields.ContactPhone String phone,
      @NotNull(message = "Укажите долю педагога в процентах") @Min(value = 1, message = "Доля — от 1 до 100 %") @Max(value = 100, message = "Доля — от 1 до 100 %") Integer share) {

    PersonDetails person() {
      return new PersonDetails(Snils.normalise(snils), surname.trim(), name.trim(),
          patronymic == null || patronymic.isBlank() ? null : patronymic.trim(), birthDate, email.trim(), phone.trim());
    }
  }
}
