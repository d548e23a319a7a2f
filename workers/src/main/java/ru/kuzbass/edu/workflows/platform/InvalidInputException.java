package ru.kuzbass.edu.workflows.platform;

/**
 * Input that a worker cannot act on, whatever the number of retries (for example a start form
 * naming a teacher that does not exist). The job fails at once and Zeebe raises an incident with
 * this message, in Russian, for the person who fixes the variables in Operate.
 */
public class InvalidInputException extends RuntimeException {
  public InvalidInputException(String message) {
    super(message);
  }
}
