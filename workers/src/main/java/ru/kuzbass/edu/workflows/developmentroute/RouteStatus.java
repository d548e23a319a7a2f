package ru.kuzbass.edu.workflows.developmentroute;

/** Where a route's design stands. Realisation and reflection will add their statuses after AGREED. */
public enum RouteStatus {
  REQUESTS("Ожидается анкета профессиональных запросов"),
  PROPOSED("Маршрут предложен, ожидается проверка методиста"),
  REVIEWED("Маршрут проверен методистом, ожидается согласие педагога"),
  AGREED("Маршрут согласован и направлен педагогу");

  private final String russian;

  RouteStatus(String russian) {
    this.russian = russian;
  }

  public String russian() {
    return russian;
  }
}
