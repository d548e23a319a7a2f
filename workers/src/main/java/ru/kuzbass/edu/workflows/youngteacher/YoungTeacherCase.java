package ru.kuzbass.edu.workflows.youngteacher;

import java.time.LocalDate;

/** A young-teacher support case as stored; the teacher is referred to by their person id. */
public record YoungTeacherCase(
    long id,
    String caseNumber,
    long personId,
    String schoolCode,
    String post,
    LocalDate experienceStart,
    LocalDate startDate,
    String status,
    String mentorMode,
    String mentorNomination) {}
