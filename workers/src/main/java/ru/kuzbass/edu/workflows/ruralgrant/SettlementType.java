package ru.kuzbass.edu.workflows.ruralgrant;

/** Kinds of settlement named by the programme's rules. */
public enum SettlementType {
  VILLAGE("сельский населённый пункт"),
  WORKERS_SETTLEMENT("рабочий посёлок"),
  URBAN_TYPE_SETTLEMENT("посёлок городского типа"),
  TOWN("город");

  private final String russian;

  SettlementType(String russian) {
    this.russian = russian;
  }

  public String russian() {
    return russian;
  }
}
