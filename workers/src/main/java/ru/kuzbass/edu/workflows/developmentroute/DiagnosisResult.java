package ru.kuzbass.edu.workflows.developmentroute;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.LocalDate;
import ru.kuzbass.edu.workflows.people.PersonDetails;
import ru.kuzbass.edu.workflows.people.PersonFields;
import ru.kuzbass.edu.workflows.people.PlausibleBirthDate;
import ru.kuzbass.edu.workflows.people.Snils;
import ru.kuzbass.edu.workflows.people.ValidSnils;

/**
 * One score of the regional diagnosis, as imported: the teacher (personal data goes to
 * {@code person} only), the school, the diagnosis year, the competence and the score 0–100.
 */
public record DiagnosisResult(
    @NotBlank(message = "Укажите СНИЛС") @ValidSnils String snils,
    @PersonFields.Surname String surname,
    @PersonFields.GivenName String givenName,
    @PersonFields.Patronymic String patronymic,
    @NotNull(message = "Укажите дату рождения") @PlausibleBirthDate LocalDate birthDate,
    @PersonFields.ContactEmail String email,
    @PersonFields.ContactPhone String phone,
    @NotBlank(message = "Укажите код школы") @Pattern(regexp = "^[0-9A-Za-z\\-]{1,32}$", message = "Код школы: до 32 латинских букв, цифр и дефисов") String schoolCode,
    @NotNull(message = "Укажите год диагностики") @Min(value = 2000, message = "Год диагностики — от 2000 до 2100")
    @Max(value = 2100, message = "Год диагностики — от 2000 до 2100") Integer year,
    @NotNull(message = "Укажите компетенцию: " + Competence.NAMES) Competence competence,
    @NotNull(message = "Укажите результат")
    @DecimalMin(value = "0", message = "Результат — от 0 до 100")
    @DecimalMax(value = "100", message = "Результат — от 0 до 100")
    @Digits(integer = 3, fraction = 2, message = "Результат — не более двух знаков после запятой") BigDecimal score) {

  PersonDetails person() {
    return new PersonDetails(Snils.normalise(snils), surname, givenName, patronymic, birthDate, email, phone);
  }
}
