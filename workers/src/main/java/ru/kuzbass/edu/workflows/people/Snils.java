package ru.kuzbass.edu.workflows.people;

/**
 * СНИЛС, the insurance number that identifies a person: 9 digits and a 2-digit checksum,
 * written «123-456-789 64». The checksum rule is the Pension Fund's: the digits weighted 9..1,
 * summed, taken modulo 101, with 100 written as 00.
 */
public final class Snils {
  private Snils() {}

  /** The 11 digits, without separators; {@code null} if the text is not shaped like a SNILS. */
  public static String normalise(String text) {
    if (text == null) {
      return null;
    }
    String digits = text.replaceAll("[ \\-]", "");
    return digits.matches("\\d{11}") ? digits : null;
  }

  public static boolean isValid(String text) {
    String digits = normalise(text);
    if (digits == null) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (digits.charAt(i) - '0') * (9 - i);
    }
    int check = sum % 101;
    if (check == 100) {
      check = 0;
    }
    return check == Integer.parseInt(digits.substring(9));
  }
}
