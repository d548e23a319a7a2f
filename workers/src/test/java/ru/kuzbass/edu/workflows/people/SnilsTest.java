package ru.kuzbass.edu.workflows.people;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SnilsTest {

  @ParameterizedTest
  @CsvSource({
      "112-233-445 95, true",
      "11223344595, true",
      "112-233-445 96, false",
      // weighted sum 100 and 101 give the check number 00
      "001-166-299 00, true",
      "001-348-436 00, true",
      "123-456-789 64, true",
      "1234567896, false",
      "abc-def-ghi jk, false",
      "'', false"})
  void checksum(String snils, boolean valid) {
    assertThat(Snils.isValid(snils)).isEqualTo(valid);
  }
}
