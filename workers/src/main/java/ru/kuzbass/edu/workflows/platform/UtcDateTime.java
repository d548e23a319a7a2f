package ru.kuzbass.edu.workflows.platform;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Instants are stored as DATETIME(3) in UTC; these two functions are the only conversion. */
public final class UtcDateTime {
  private UtcDateTime() {}

  public static LocalDateTime toDb(Instant instant) {
    return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  public static Instant fromDb(LocalDateTime value) {
    return value == null ? null : value.toInstant(ZoneOffset.UTC);
  }
}
