package ru.kuzbass.edu.workflows.people;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What personal data looks like when nobody says whose it is: SNILS, passport numbers, phone
 * numbers and e-mail addresses. The audit's masked view and the log masking both use it.
 */
public final class PersonalDataShapes {

  private static final List<Pattern> SHAPES = List.of(
      Pattern.compile("(?<![\\w-])\\d{3}-\\d{3}-\\d{3}[ -]?\\d{2}(?!\\w)"),            // SNILS, written out
      Pattern.compile("(?<![\\w-])\\d{11}(?!\\w)"),                                    // SNILS, digits only
      Pattern.compile("(?<![\\w-])\\d{2} ?\\d{2} ?\\d{6}(?!\\w)"),                      // passport: series and number
      Pattern.compile("(?<!\\w)(?:\\+7|8)[\\s(-]*\\d{3}[\\s)-]*\\d{3}[\\s-]*\\d{2}[\\s-]*\\d{2}(?!\\w)"), // phone
      Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+"));                             // e-mail

  private PersonalDataShapes() {}

  /** Replaces everything shaped like personal data with {@code mask}. */
  public static String mask(String text, String mask) {
    String masked = text;
    for (Pattern shape : SHAPES) {
      masked = shape.matcher(masked).replaceAll(mask);
    }
    return masked;
  }
}
