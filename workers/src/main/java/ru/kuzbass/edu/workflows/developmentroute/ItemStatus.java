package ru.kuzbass.edu.workflows.developmentroute;

/** Where an item of a route stands in its realisation. */
public enum ItemStatus {
  PLANNED("запланирован"),
  ENROLLED("записан"),
  COMPLETED("пройден"),
  MISSED("пропущен");

  private final String russian;

  ItemStatus(String russian) {
    this.russian = russian;
  }

  public String russian() {
    return russian;
  }

  /**
   * Whether staff may move an item from this status to {@code next}. An item of the bank is enrolled
   * before it is completed, so that the places taken count every teacher who took part; an informal
   * item (no event) may be completed straight away. Completed and missed are final.
   */
  boolean mayBecome(ItemStatus next, boolean bankEvent) {
    return switch (this) {
      case PLANNED -> next == ENROLLED || next == MISSED || (next == COMPLETED && !bankEvent);
      case ENROLLED -> next == COMPLETED || next == MISSED;
      case COMPLETED, MISSED -> false;
    };
  }
}
