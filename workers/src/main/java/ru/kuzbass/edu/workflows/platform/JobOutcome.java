package ru.kuzbass.edu.workflows.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.worker.JobClient;
import io.camunda.zeebe.spring.common.exception.ZeebeBpmnError;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import ru.kuzbass.edu.workflows.audit.AuditLog;
import ru.kuzbass.edu.workflows.letters.LetterService;

/**
 * Finishes a job the way this project wants: complete it with the step's variables; throw the
 * BPMN error a {@link ZeebeBpmnError} names (a business outcome the diagram models); fail it at
 * once on {@link InvalidInputException}; or, when the step failed for a technical reason (mail
 * server down, database away), retry it after a growing back-off so that a short outage does not
 * burn every retry in a second. When the retries run out, Zeebe raises an incident that carries
 * the error message, readable in Operate.
 *
 * <p>The back-off is kept here, not by the broker: a job failed with a {@code retryBackoff} on the
 * 8.6.0 broker now and then never came back (RuralGrantFaultsIT caught 8 of 50 letters stuck
 * after an SMTP outage, neither activatable nor in an incident; camunda/camunda#16884 reports
 * the same symptom). So the job stays with this worker for the back-off (its deadline moved past it), and
 * is then failed with no back-off, which makes it activatable at once. Should the application die
 * meanwhile, the job's deadline passes and Zeebe hands it out again with the same retries.
 *
 * <p>The Zeebe client's own failure handling retries at once, without back-off; that is why the
 * workers finish their jobs here and do not rely on auto-completion.
 */
@Component
public class JobOutcome {

  private static final Logger log = LoggerFactory.getLogger(JobOutcome.class);

  /** How long past its back-off a held job stays with this worker before Zeebe may hand it out again. */
  private static final Duration HOLD_MARGIN = Duration.ofSeconds(30);

  private final RetryProperties retry;
  private final AuditLog audit;
  private final ObjectMapper json;
  private final ZeebeClient zeebe;
  private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "job-retry-backoff");
    thread.setDaemon(true);
    return thread;
  });

  public JobOutcome(RetryProperties retry, AuditLog audit, ObjectMapper json, ZeebeClient zeebe) {
    this.retry = retry;
    this.audit = audit;
    this.json = json;
    this.zeebe = zeebe;
  }

  /** Jobs still held for their back-off are not failed now; their deadline hands them out again. */
  @PreDestroy
  void stop() {
    retries.shutdownNow();
  }

  /**
   * The back-off after the first failure and its ceiling; each further failure doubles it.
   * {@code attempts} is the retries every service task declares in BPMN
   * ({@code zeebe:taskDefinition retries="5"}), from which the number of failures so far follows.
   * {@code notVisibleBackoff} is the wait after a {@link CaseNotVisibleException}.
   */
  @ConfigurationProperties("workflows.jobs.retry")
  public record RetryProperties(Duration initialBackoff, Duration maxBackoff, Integer attempts, Duration notVisibleBackoff) {
    public RetryProperties {
      notVisibleBackoff = notVisibleBackoff == null ? Duration.ofMillis(500) : notVisibleBackoff;
      initialBackoff = initialBackoff == null ? Duration.ofSeconds(10) : initialBackoff;
      maxBackoff = maxBackoff == null ? Duration.ofMinutes(5) : maxBackoff;
      attempts = attempts == null ? 5 : attempts;
    }
  }

  public void complete(JobClient client, ActivatedJob job, Runnable step) {
    completeWith(client, job, () -> {
      step.run();
      return Map.of();
    });
  }

  public void completeWith(JobClient client, ActivatedJob job, Supplier<Map<String, Object>> step) {
    finish(client, job, () -> {
      Map<String, Object> variables = step.get();
      // recorded before the engine hears of it: a retried job finds the row by its key and adds none
      audit.append(event(job, "COMPLETED", "job:" + job.getKey() + ":COMPLETED", variables));
      return variables;
    });
  }

  /** For a step that writes its own audit event (the listeners that audit user tasks and decisions); completes with no variables. */
  public void completeSelfAudited(JobClient client, ActivatedJob job, Runnable step) {
    finish(client, job, () -> {
      step.run();
      return Map.of();
    });
  }

  private void finish(JobClient client, ActivatedJob job, Supplier<Map<String, Object>> step) {
    Map<String, Object> variables;
    try {
      variables = awaitingCommit(step);
    } catch (ZeebeBpmnError e) {
      auditQuietly(job, "BPMN_ERROR:" + e.getErrorCode(), "job:" + job.getKey() + ":ERROR", Map.of("message", e.getErrorMessage()));
      client.newThrowErrorCommand(job.getKey()).errorCode(e.getErrorCode()).errorMessage(e.getErrorMessage()).send().join();
      return;
    } catch (InvalidInputException e) {
      log.warn("Job {} ({}, element {}) cannot proceed: {}", job.getKey(), job.getType(), job.getElementId(), e.getMessage());
      auditQuietly(job, "INCIDENT", "job:" + job.getKey() + ":INVALID", Map.of("message", e.getMessage()));
      client.newFailCommand(job.getKey()).retries(0).errorMessage(e.getMessage()).send().join();
      return;
    } catch (RuntimeException e) {
      int retriesLeft = Math.max(job.getRetries() - 1, 0);
      String message = e.getClass().getSimpleName() + ": " + e.getMessage();
      if (retriesLeft == 0) {
        log.warn("Job {} ({}, element {}) failed, 0 retries left, raising an incident: {}",
            job.getKey(), job.getType(), job.getElementId(), e.toString());
        client.newFailCommand(job.getKey()).retries(0).errorMessage(message).send().join();
        return;
      }
      Duration backoff = e instanceof CaseNotVisibleException ? retry.notVisibleBackoff() : backoff(job.getRetries());
      log.warn("Job {} ({}, element {}) failed, {} retries left, next try in {}: {}",
          job.getKey(), job.getType(), job.getElementId(), retriesLeft, backoff, e.toString());
      retryAfter(job, retriesLeft, backoff, message);
      return;
    }
    client.newCompleteCommand(job.getKey()).variables(variables).send().join();
  }

  /** Holds the job for {@code backoff}, then fails it with no back-off, so that it is activatable again at once. */
  private void retryAfter(ActivatedJob job, int retriesLeft, Duration backoff, String message) {
    try {
      zeebe.newUpdateTimeoutCommand(job.getKey()).timeout(backoff.plus(HOLD_MARGIN)).send().join();
    } catch (RuntimeException e) {
      // its deadline passed while the step ran: Zeebe has handed it out again, and that try counts instead
      log.warn("Job {} ({}): no longer held by this worker, not retried from here: {}", job.getKey(), job.getType(), e.toString());
      return;
    }
    retries.schedule(() -> {
      try {
        zeebe.newFailCommand(job.getKey()).retries(retriesLeft).errorMessage(message).send().join();
      } catch (RuntimeException e) {
        // the broker away: the job's deadline passes and Zeebe hands it out again
        log.warn("Job {} ({}): could not hand it back after its back-off: {}", job.getKey(), job.getType(), e.toString());
      }
    }, backoff.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Runs the step; when it finds no case, waits a little and runs it again a few times, as the
   * intake's transaction is most likely still committing. Steps are idempotent, so a second run is
   * safe; only a case that stays away fails the job (and its retry waits its back-off).
   */
  private Map<String, Object> awaitingCommit(Supplier<Map<String, Object>> step) {
    for (int attempt = 1; ; attempt++) {
      try {
        return step.get();
      } catch (CaseNotVisibleException e) {
        if (attempt == 5) {
          throw e;
        }
        try {
          Thread.sleep(100L * attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /** A failure is audited when the database takes it; when the database is what failed, the engine's incident is the record. */
  private void auditQuietly(ActivatedJob job, String outcome, String key, Map<String, Object> details) {
    try {
      audit.append(event(job, outcome, key, details));
    } catch (RuntimeException e) {
      log.warn("Job {} ({}): the audit log did not take the {} event: {}", job.getKey(), job.getType(), outcome, e.toString());
    }
  }

  /** What the job read and wrote, as the audit keeps it: the outputs in full, and a digest of inputs and outputs. */
  private AuditLog.Event event(ActivatedJob job, String outcome, String key, Map<String, Object> outputs) {
    String written;
    try {
      written = json.writeValueAsString(outputs);
    } catch (JsonProcessingException e) {
      written = String.valueOf(outputs);
    }
    return new AuditLog.Event(key, AuditLog.caseNumberOf(job), "JOB", job.getType(),
        job.getElementId(), job.getProcessInstanceKey(), job.getKey(), outcome, AuditLog.fit(written),
        LetterService.sha256((job.getVariables() + "\n" + written).getBytes(StandardCharsets.UTF_8)));
  }

  /** Doubles with each failure so far: with the defaults 10 s, 20 s, 40 s, 80 s. */
  Duration backoff(int retriesBefore) {
    int used = Math.max(0, retry.attempts() - retriesBefore);
    Duration d = retry.initialBackoff().multipliedBy(1L << Math.min(used, 16));
    return d.compareTo(retry.maxBackoff()) > 0 ? retry.maxBackoff() : d;
  }
}
