package ru.kuzbass.edu.workflows.olympiadaward;

/** A place in the final stage's official list, as people read it. */
public enum OlympiadPlace {
  WINNER("победитель", "победителя"),
  PRIZE_WINNER("призёр", "призёра");

  static final String NAMES = "WINNER (победитель) или PRIZE_WINNER (призёр)";

  final String title;
  /** After «подготовку», «подготовка»: «победителя», «призёра». */
  final String genitive;

  OlympiadPlace(String title, String genitive) {
    this.title = title;
    this.genitive = genitive;
  }
}
