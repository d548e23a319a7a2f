package ru.kuzbass.edu.workflows.people;

/** How a person's name may be written in any intake. */
public final class PersonNames {
  private PersonNames() {}

  /**
   * Cyrillic and Latin letters, spaces, hyphens and apostrophes only: no digits, no invisible or
   * bidi characters, no combining marks, nothing beyond the Basic Multilingual Plane.
   */
  public static final String PATTERN = "^[A-Za-z\\u0400-\\u04FF][A-Za-z\\u0400-\\u04FF' \\-]{0,99}$";
}
