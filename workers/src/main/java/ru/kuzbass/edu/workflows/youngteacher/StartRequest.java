package ru.kuzbass.edu.workflows.youngteacher;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import ru.kuzbass.edu.workflows.people.PersonDetails;
import ru.kuzbass.edu.workflows.people.PersonFields;
import ru.kuzbass.edu.workflows.people.PlausibleBirthDate;
import ru.kuzbass.edu.workflows.people.Snils;
import ru.kuzbass.edu.workflows.people.ValidSnils;
import ru.kuzbass.edu.workflows.platform.PlainText;
import ru.kuzbass.edu.workflows.platform.PlausibleDate;

/** The body of {@code POST /api/young-teachers}: the school asks to support a young teacher. Messages are shown to the school. */
public record StartRequest(
    @NotBlank(message = "Укажите СНИЛС") @ValidSnils String snils,
    @PersonFields.Surname String surname,
    @PersonFields.GivenName String givenName,
    @PersonFields.Patronymic String patronymic,
    @NotNull(message = "Укажите дату рождения") @PlausibleBirthDate LocalDate birthDate,
    @PersonFields.ContactEmail String email,
    @PersonFields.ContactPhone String phone,
    @NotBlank(message = "Укажите код школы") @Pattern(regexp = "^[0-9A-Za-z\\-]{1,32}$", message = "Код школы: до 32 латинских букв, цифр и дефисов") String schoolCode,
    @NotBlank(message = "Укажите должность") @Size(max = 200, message = "Не более 200 символов") @PlainText String post,
    @NotNull(message = "Укажите дату начала педагогического стажа") @PlausibleDate LocalDate experienceStartDate) {

  PersonDetails person() {
    return new PersonDetails(Snils.normalise(snils), surname.trim(), givenName.trim(),
        patronymic == null || patronymic.isBlank() ? null : patronymic.trim(), birthDate, email.trim(), phone.trim());
  }
}
