package ru.kuzbass.edu.workflows.ruralgrant;

import java.time.Instant;

/** One step in a case's history. */
public record CaseEvent(String key, CaseStatus status, String details, Instant occurredAt) {}
