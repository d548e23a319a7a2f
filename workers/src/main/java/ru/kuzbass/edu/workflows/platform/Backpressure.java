package ru.kuzbass.edu.workflows.platform;

import io.camunda.zeebe.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Sends a command to the engine on behalf of an HTTP request. Under load the broker refuses
 * commands for a moment (back-pressure, {@code RESOURCE_EXHAUSTED}) and expects its clients to try
 * again shortly; this does so a few times with a growing pause (3.1 s in all) before the request
 * gives up with 503, so that a busy minute does not turn applicants away.
 */
public final class Backpressure {

  private static final int ATTEMPTS = 6;
  private static final Duration FIRST_PAUSE = Duration.ofMillis(100);

  private Backpressure() {}

  public static <T> T send(Supplier<T> command) {
    Duration pause = FIRST_PAUSE;
    for (int attempt = 1; ; attempt++) {
      try {
        return command.get();
      } catch (ClientStatusException e) {
        if (e.getStatusCode() != Status.Code.RESOURCE_EXHAUSTED || attempt == ATTEMPTS) {
          throw e;
        }
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while the engine was busy", e);
      }
      pause = pause.multipliedBy(2);
    }
  }
}
