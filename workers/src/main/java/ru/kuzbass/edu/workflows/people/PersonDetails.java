package ru.kuzbass.edu.workflows.people;

import java.time.LocalDate;

/** What an intake learns about a person; SNILS is already normalised to 11 digits. */
public record PersonDetails(
    String snils,
    String surname,
    String givenName,
    String patronymic,
    LocalDate birthDate,
    String email,
    String phone) {}
