package ru.kuzbass.edu.workflows.people;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A person known to the system: an applicant, a teacher or a candidate. This is the only place
 * that holds their personal data; processes refer to a person by id. Timestamps are UTC.
 */
@Table("person")
public record Person(
    @Id Long id,
    String snils,
    String surname,
    String givenName,
    String patronymic,
    LocalDate birthDate,
    String email,
    String phone,
    LocalDateTime createdAt,
    LocalDateTime updatedAt) {

  /** «Иванов Иван Иванович», as a letter addresses the person. */
  public String fullName() {
    return patronymic == null || patronymic.isBlank()
        ? surname + " " + givenName
        : surname + " " + givenName + " " + patronymic;
  }
}
