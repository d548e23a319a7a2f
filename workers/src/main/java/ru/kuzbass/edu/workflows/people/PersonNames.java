package ru.kuzbass.edu.workflows.people;

/** How a person's name may be written in any intake. */
public final class PersonNames {
  private PersonNames() {}

  /** Letters, spaces, hyphens and apostrophes only: no digits, no invisible or bidi characters. */
  public static final String PATTERN = "^\\p{L}[\\p{L}' \\-]{0,99}$";
}
