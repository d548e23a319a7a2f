package ru.kuzbass.edu.workflows.letters;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * The code a letter carries so that anyone can check it against the registry: 12 characters of
 * Crockford's base32 (60 random bits: not guessable, and no 0/O or 1/I/L to misread when it is typed
 * from paper), printed in groups of four: «7K2M-QX9D-4HTB».
 */
public final class VerificationCode {
  private VerificationCode() {}

  private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  private static final int LENGTH = 12;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A new code, as stored (no hyphens). */
  static String next() {
    StringBuilder code = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }

  /** The code as printed: «7K2M-QX9D-4HTB». */
  public static String printed(String code) {
    return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8);
  }

  /**
   * The stored form of a code as someone typed it: any case, hyphens and spaces ignored, the letters
   * Crockford reads as digits (O as 0, I and L as 1) taken as those; empty if it cannot be a code.
   */
  public static Optional<String> parse(String typed) {
    String code = typed == null ? "" : typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "")
        .replace('O', '0').replace('I', '1').replace('L', '1');
    return code.length() == LENGTH && code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0) ? Optional.of(code) : Optional.empty();
  }
}
