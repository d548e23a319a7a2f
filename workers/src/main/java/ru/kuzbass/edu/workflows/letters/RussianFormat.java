package ru.kuzbass.edu.workflows.letters;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How letters write money and dates: «1 000 000 ₽», «15 апреля 2027 г.». */
public final class RussianFormat {
  private RussianFormat() {}

  /** A no-break space keeps «1 000 000 ₽» on one line. */
  public static final char NBSP = '\u00A0';

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy 'г.'", Locale.forLanguageTag("ru"));

  public static String money(BigDecimal amount) {
    DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.forLanguageTag("ru"));
    symbols.setGroupingSeparator(NBSP);
    symbols.setDecimalSeparator(',');
    BigDecimal scaled = amount.setScale(2, RoundingMode.HALF_UP);
    String pattern = scaled.stripTrailingZeros().scale() <= 0 ? "#,##0" : "#,##0.00";
    return new DecimalFormat(pattern, symbols).format(scaled) + NBSP + "₽";
  }

  /** A count with its noun as Russian counts: count(3, "место", "места", "мест") is «3 места», 5 is «5 мест», 21 is «21 место». */
  public static String count(int n, String one, String few, String many) {
    int lastTwo = Math.abs(n) % 100;
    int last = lastTwo % 10;
    String word = lastTwo >= 11 && lastTwo <= 14 || last == 0 || last >= 5 ? many : last == 1 ? one : few;
    return n + " " + word;
  }

  /**
   * The noun after a count governed by a preposition («в течение», «не менее», «до истечения»), which
   * takes the genitive: genitive(1, "года", "лет") is «года», 3 and 5 are «лет», 21 is «года».
   */
  public static String genitive(int n, String singular, String plural) {
    return Math.abs(n) % 10 == 1 && Math.abs(n) % 100 != 11 ? singular : plural;
  }

  public static String date(LocalDate date) {
    return DATE.format(date).replace(' ', NBSP);
  }
}
