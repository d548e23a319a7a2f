package ru.kuzbass.edu.workflows.platform;

/**
 * Input that a step cannot act on, whatever the number of retries (for example a start form
 * naming a teacher that does not exist). The step fails at once and the engine raises an incident
 * with this message, in Russian, for the person who fixes the variables in Cockpit
 * ({@link ru.kuzbass.edu.workflows.engine.InvalidInputFailsAtOnce}).
 */
public class InvalidInputException extends RuntimeException {
  public InvalidInputException(String message) {
    super(message);
  }
}
