package ru.kuzbass.edu.workflows.ruralgrant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SettlementNamesTest {

  @Test
  void theSameSettlementWrittenDifferentlyIsTheSame() {
    assertThat(SettlementNames.same("Ижморский муниципальный округ", "пгт Ижморский", "Ижморский  муниципальный округ", "Ижморский")).isTrue();
    assertThat(SettlementNames.same("Кемерово", "г. Кемерово", "кемерово", "Кемерово")).isTrue();
    assertThat(SettlementNames.same("Киселевск", "Киселевск", "Киселёвск", "Киселёвск")).isTrue();
  }

  @Test
  void aNamesakeInAnotherMunicipalityOrAnotherNameIsAnotherSettlement() {
    assertThat(SettlementNames.same("Новокузнецкий муниципальный округ", "Сосновка", "Беловский муниципальный округ", "Сосновка")).isFalse();
    assertThat(SettlementNames.same("Кемерово", "Кемерово", "Кемеровский муниципальный округ", "Елыкаево")).isFalse();
    // a settlement whose name merely starts like an abbreviation keeps its name
    assertThat(SettlementNames.normalise("Сосновка")).isEqualTo("сосновка");
  }
}
