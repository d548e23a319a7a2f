package ru.kuzbass.edu.workflows.letters;

import org.springframework.stereotype.Component;

/** Builds the {@link LetterFrame} of a letter from the {@code letters:} configuration. */
@Component
public class Letterhead {

  private final LettersProperties properties;

  public Letterhead(LettersProperties properties) {
    this.properties = properties;
  }

  /** The frame of a registered letter: signed, with its appeal route if it decides against the addressee, and its code. */
  public LetterFrame frame(LetterContent letter, String code) {
    String printed = VerificationCode.printed(code);
    return new LetterFrame(properties.issuer().name(), properties.issuer().details(), letter.appealable() ? appeal() : null,
        properties.signatory(letter.process()),
        "Код проверки подлинности: " + printed + " (" + properties.verification().url() + printed + ")");
  }

  /** The frame of a report the system produces for staff: the letterhead only, unsigned and without a code. */
  public LetterFrame unsigned() {
    return new LetterFrame(properties.issuer().name(), properties.issuer().details(), null, null, null);
  }

  private String appeal() {
    LettersProperties.Appeal a = properties.appeal();
    return "Решение может быть обжаловано в досудебном порядке — " + a.preTrial() + ", а также в суде — в течение "
        + a.courtTermMonths() + " " + months(a.courtTermMonths()) + " со дня, когда Вам стало известно о решении ("
        + a.courtAct() + ").";
  }

  /** «в течение 1 месяца», «в течение 3 месяцев», «в течение 21 месяца». */
  static String months(int n) {
    return RussianFormat.genitive(n, "месяца", "месяцев");
  }
}
