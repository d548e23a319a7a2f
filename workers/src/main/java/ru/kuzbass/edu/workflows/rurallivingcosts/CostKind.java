package ru.kuzbass.edu.workflows.rurallivingcosts;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The kinds of living cost the compensation covers: «housing, heating, and electricity». Each has
 * its own line in a monthly claim, its own decision in the officer's check and its own cap.
 */
public enum CostKind {
  HOUSING("наём или содержание жилья"),
  HEATING("отопление"),
  ELECTRICITY("электроснабжение");

  /** The kinds as the API's messages list them. */
  static final String NAMES = Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));

  private final String russian;

  CostKind(String russian) {
    this.russian = russian;
  }

  public String russian() {
    return russian;
  }

  /** The prefix of the kind's variables in the claim's check form: {@code housingClaimed}, {@code housingDecision}. */
  String variable() {
    return name().toLowerCase(Locale.ROOT);
  }
}
