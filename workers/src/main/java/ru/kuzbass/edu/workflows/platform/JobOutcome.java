package ru.kuzbass.edu.workflows.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.worker.JobClient;
import io.camunda.zeebe.spring.common.exception.ZeebeBpmnError;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
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
 * server down, database away), fail it with a growing back-off so that a short outage does not
 * burn every retry in a second. When the retries run out, Zeebe raises an incident that carries
 * the error message, readable in Operate.
 *
 * <p>The Zeebe client's own failure handling retries at once, without back-off; that is why the
 * workers finish their jobs here and do not rely on auto-completion.
 */
@Component
public class JobOutcome {

  private static final Logger log = LoggerFactory.getLogger(JobOutcome.class);

  private final RetryProperties retry;
  private final AuditLog audit;
  private final ObjectMapper json;

  public JobOutcome(RetryProperties retry, AuditLog audit, ObjectMapper json) {
    this.retry = retry;
    this.audit = audit;
    this.json = json;
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
      Duration backoff = e instanceof CaseNotVisibleException ? retry.notVisibleBackoff() : backoff(job.getRetries());
      log.warn("Job {} ({}, element {}) failed, {} retries left, next try in {}: {}",
          job.getKey(), job.getType(), job.getElementId(), retriesLeft, backoff, e.toString());
      client.newFailCommand(job.getKey())
          .retries(retriesLeft)
          .retryBackoff(backoff)
          .errorMessage(e.getClass().getSimpleName() + ": " + e.getMessage())
          .send()
          .join();
      return;
    }
    client.newCompleteCommand(job.getKey()).variables(variables).send().join();
  }

  /**
   * Runs the step; when it finds no case, waits a little and runs it again a few times, as the
   * intake's transaction is most likely still committing. Steps are idempotent, so a second run is
   * safe; only a case that stays away fails the job (and its retry waits on the engine's clock).
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
