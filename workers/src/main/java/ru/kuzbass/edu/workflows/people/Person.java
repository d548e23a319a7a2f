package ru.kuzbass.edu.workflows.people;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A person known to the system: an applicant, a teacher or a candidate. This is the only place
 * that holds their personal data; processes refer to a person by id. Timestamps are UTC.
 *
 * <p>As stored, {@code snils} is sealed ({@link PersonalDataCipher}) and {@code snilsIndex} is its
 * blind index; {@link PersonService} hands out persons with SNILS in clear.
 */
@Table("person")
public record Person(
    @Id Long id,
    String snils,
    String snilsIndex,
    String surname,
    String givenName,
    String patronymic,
    LocalDate birthDate,
    String email,
    String phone,
    LocalDateTime createdAt,
    LocalDateTime updatedAt) {

  Person withSnils(String value) {
    return new Person(id, value, snilsIndex, surname, givenName, patronymic, birthDate, email, phone, createdAt, updatedAt);
  }

  /** «Иванов Иван Иванович», as a letter addresses the person. */
  public String fullName() {
    return patronymic == null || patronymic.isBlank()
        ? surname + " " + givenName
        : surname + " " + givenName + " " + patronymic;
  }
}
