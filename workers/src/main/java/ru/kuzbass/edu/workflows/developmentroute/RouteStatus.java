package ru.kuzbass.edu.workflows.developmentroute;

/** Where a route stands: its design, then its realisation (AGREED) until the reflection finishes it. */
public enum RouteStatus {
  REQUESTS("Ожидается анкета профессиональных запросов"),
  PROPOSED("Маршрут предложен, ожидается проверка методиста"),
  REVIEWED("Маршрут проверен методистом, ожидается согласие педагога"),
  AGREED("Маршрут согласован и направлен педагогу, идёт его реализация"),
  FINISHED("Маршрут завершён, итоги подведены");

  private final String russian;

  RouteStatus(String russian) {
    this.russian = russian;
  }

  public String russian() {
    return russian;
  }
}
