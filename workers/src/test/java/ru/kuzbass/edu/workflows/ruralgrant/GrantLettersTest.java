package ru.kuzbass.edu.workflows.ruralgrant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The term is configuration, so the letters decline it rather than print «лет» after any number. */
class GrantLettersTest {

  @Test
  void yearsAreCounted() {
    assertThat(GrantLetters.years(1)).isEqualTo("1 год");
    assertThat(GrantLetters.years(3)).isEqualTo("3 года");
    assertThat(GrantLetters.years(5)).isEqualTo("5 лет");
    assertThat(GrantLetters.years(11)).isEqualTo("11 лет");
    assertThat(GrantLetters.years(21)).isEqualTo("21 год");
  }

  @Test
  void afterNotLessThanYearsTakeTheGenitive() {
    assertThat(GrantLetters.atLeastYears(1)).isEqualTo("1 года");
    assertThat(GrantLetters.atLeastYears(3)).isEqualTo("3 лет");
    assertThat(GrantLetters.atLeastYears(5)).isEqualTo("5 лет");
    assertThat(GrantLetters.atLeastYears(11)).isEqualTo("11 лет");
  }
}
