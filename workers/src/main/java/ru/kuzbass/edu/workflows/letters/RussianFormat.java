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

  public static String date(LocalDate date) {
    return DATE.format(date).replace(' ', NBSP);
  }
}
