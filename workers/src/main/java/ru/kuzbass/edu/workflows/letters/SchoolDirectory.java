package ru.kuzbass.edu.workflows.letters;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The schools' names as letters print them, from the school directory (table {@code school}). A
 * letter never prints a school's code: where the directory does not know the code (the intake does
 * not require it to), the letter describes the school without its name.
 */
@Component
public class SchoolDirectory {

  private final JdbcClient jdbc;

  public SchoolDirectory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<String> name(String code) {
    return jdbc.sql("SELECT name FROM school WHERE code = ?").param(code).query(String.class).optional();
  }

  /** The school's own address for letters about its staff, where the directory has one. */
  public Optional<String> email(String code) {
    return jdbc.sql("SELECT email FROM school WHERE code = ? AND email IS NOT NULL").param(code).query(String.class).optional();
  }
}
