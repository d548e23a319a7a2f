package ru.kuzbass.edu.workflows.letters;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The salutation by the patronymic's gender, at the endings' edges; neutral where the patronymic does not tell. */
class SalutationTest {

  @ParameterizedTest(name = "{0} {1} → {2}")
  @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
      Анна     | Сергеевна     | Уважаемая Анна Сергеевна!
      Иван     | Сергеевич     | Уважаемый Иван Сергеевич!
      Владимир | Ильич         | Уважаемый Владимир Ильич!
      Пётр     | Кузьмич       | Уважаемый Пётр Кузьмич!
      Ольга    | Никитична     | Уважаемая Ольга Никитична!
      Мария    | Фоминична     | Уважаемая Мария Фоминична!
      Дарья    | Кузьминична   | Уважаемая Дарья Кузьминична!
      Вера     | Ильинична     | Уважаемая Вера Ильинична!
      Марфа    | Саввишна      | Уважаемая Марфа Саввишна!
      Эльчин   | Мамед оглы    | Уважаемый Эльчин Мамед оглы!
      Эльчин   | Мамед Оглы    | Уважаемый Эльчин Мамед Оглы!
      Айгюль   | Рашид кызы    | Уважаемая Айгюль Рашид кызы!
      Севиль   | Рашид КЫЗЫ    | Уважаемая Севиль Рашид КЫЗЫ!
      Анна     | ' СЕРГЕЕВНА ' | Уважаемая Анна СЕРГЕЕВНА!
      Анна     | ''            | Здравствуйте, Анна!
      Анна     | '   '         | Здравствуйте, Анна!
      Анна     | NULL          | Здравствуйте, Анна!
      Джон     | Смит          | Здравствуйте, Джон Смит!
      Алекс    | Ич-Ли         | Здравствуйте, Алекс Ич-Ли!
      """)
  void byThePatronymic(String given, String patronymic, String expected) {
    assertThat(Salutation.of(given, patronymic)).isEqualTo(expected);
  }
}
