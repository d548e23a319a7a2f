package ru.kuzbass.edu.workflows.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** A busy engine is asked again a few times; any other refusal, and one that lasts, reaches the client as 503 with Retry-After. */
class BackpressureTest {

  @Test
  void aCommandRefusedForBackPressureIsSentAgain() {
    AtomicInteger tries = new AtomicInteger();
    long key = Backpressure.send(() -> {
      if (tries.incrementAndGet() < 3) {
        throw refused(Status.RESOURCE_EXHAUSTED);
      }
      return 42L;
    });
    assertThat(key).isEqualTo(42L);
    assertThat(tries).hasValue(3);
  }

  @Test
  void otherRefusalsAndALastingOneAreNotHidden() {
    AtomicInteger tries = new AtomicInteger();
    assertThatThrownBy(() -> Backpressure.send(() -> {
      tries.incrementAndGet();
      throw refused(Status.NOT_FOUND);
    })).isInstanceOf(ClientStatusException.class);
    assertThat(tries).hasValue(1);

    tries.set(0);
    assertThatThrownBy(() -> Backpressure.send(() -> {
      tries.incrementAndGet();
      throw refused(Status.RESOURCE_EXHAUSTED);
    })).isInstanceOf(ClientStatusException.class);
    assertThat(tries).hasValue(6);
  }

  @Test
  void theClientIsToldToComeBackLater() {
    ResponseEntity<Object> response = new ApiExceptionHandler().handleEngineUnavailable(refused(Status.RESOURCE_EXHAUSTED));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("10");
    assertThat(((ProblemDetail) response.getBody()).getDetail()).contains("Ничего не сохранено");
  }

  private static ClientStatusException refused(Status status) {
    return new ClientStatusException(status, null);
  }
}
