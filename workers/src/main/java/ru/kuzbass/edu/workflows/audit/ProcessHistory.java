package ru.kuzbass.edu.workflows.audit;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The engine's own history of process instances, as the case timeline shows it beside the audit
 * log ({@link EngineHistory} reads it). The timeline needs only these records, not the engine's
 * types, so it can be tested and formatted without a running engine.
 */
interface ProcessHistory {

  /** The history of these instances, or why there is none. */
  History of(Collection<Long> processInstanceKeys);

  /**
   * One event of an instance's history.
   * <ul>
   * <li>{@code ELEMENT}: an element instance; {@code state} ACTIVE, COMPLETED, CANCELED; {@code message} the element's type; {@code endedAt} when it ended.</li>
   * <li>{@code USER_TASK}: a user task completed; {@code actor} the user who completed it,
   * {@code message} its assignee.</li>
   * <li>{@code INCIDENT}: {@code name} the incident's type, {@code message} the error, {@code state}
   * OPEN, RESOLVED or DELETED, {@code endedAt} when it closed.</li>
   * <li>{@code DECISION}: a decision evaluated; {@code name} the decision's id, {@code message} its
   * version, inputs and outputs.</li>
   * </ul>
   */
  record EngineEvent(Instant at, String kind, long processInstanceKey, Long key, String elementId, String name, String state,
      Instant endedAt, String message, String actor) {

    /** What the timeline shows as the entry's details, before personal data is masked. */
    String details() {
      return switch (kind) {
        case "ELEMENT" -> name + " (" + message + ")" + (endedAt == null ? "" : ", завершён " + endedAt);
        case "INCIDENT" -> name + ": " + message + (endedAt == null ? "" : ", закрыт " + endedAt);
        default -> name + (message == null ? "" : ": " + message);
      };
    }
  }

  /** The history, or why there is none; {@code available} is false when any part of it is missing. */
  record History(boolean available, String problem, List<EngineEvent> events) {

    static History none(String problem) {
      return new History(false, problem, List.of());
    }
  }
}
