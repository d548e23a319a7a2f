package ru.kuzbass.edu.workflows.people;

/** A teacher record: the professional facts that processes decide on; personal data stays in {@link Person}. */
public record Teacher(long id, long personId, String schoolCode, String subject, int experienceYears,
    QualificationCategory qualificationCategory) {}
