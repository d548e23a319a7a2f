package ru.kuzbass.edu.workflows.support;

/** SNILS numbers for test people. */
public final class TestSnils {
  private TestSnils() {}

  /** A SNILS with a valid check number for the given serial, distinct for each serial. */
  public static String valid(int serial) {
    String digits = String.format("%09d", 100_000_000 + serial);
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (digits.charAt(i) - '0') * (9 - i);
    }
    int check = sum % 101 == 100 ? 0 : sum % 101;
    return digits + String.format("%02d", check);
  }
}
