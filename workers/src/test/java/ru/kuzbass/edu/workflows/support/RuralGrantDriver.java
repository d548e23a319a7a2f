package ru.kuzbass.edu.workflows.support;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Drives rural-grant cases on a real engine without Tasklist, for the benchmark and the fault
 * tests: applications with distinct valid SNILS, and a thread that completes each user task the
 * way HR and the commission would (documents complete, grant approved, contract signed today).
 */
public final class RuralGrantDriver {

  public static final String SCHOOL = "BENCH-1";
  private static final String USER_TASK = "io.camunda.zeebe:userTask";

  private RuralGrantDriver() {}

  /** Completes the user tasks as fast as they come, until {@code running} turns false. */
  public static Thread userTasks(ZeebeClient zeebe, AtomicBoolean running) {
    Thread t = new Thread(() -> {
      while (running.get()) {
        List<ActivatedJob> jobs;
        try {
          jobs = zeebe.newActivateJobsCommand().jobType(USER_TASK).maxJobsToActivate(200)
              .timeout(Duration.ofMinutes(1)).requestTimeout(Duration.ofSeconds(1)).send().join().getJobs();
        } catch (RuntimeException e) {
          continue; // the broker restarting, or a slow answer: ask again
        }
        for (ActivatedJob job : jobs) {
          Map<String, Object> vars = switch (job.getElementId()) {
            case "Task_CheckDocuments" -> Map.of("documentCheckOutcome", "COMPLETE");
            case "Task_DecideByCommission" -> Map.of("commissionScore", 80, "commissionDecision", "APPROVE", "commissionReason", "ok");
            case "Task_RecordContract" -> Map.of("contractNumber", "B-" + job.getProcessInstanceKey(), "contractDate", LocalDate.now().toString());
            default -> Map.of();
          };
          zeebe.newCompleteCommand(job).variables(vars).send();
        }
      }
    }, "rural-grant-user-tasks");
    t.start();
    return t;
  }

  /** The body of application number {@code n}: its own SNILS and e-mail, for school {@link #SCHOOL}. */
  public static String application(long n) {
    String digits = String.format("%09d", 100_000_000 + n % 800_000_000);
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (digits.charAt(i) - '0') * (9 - i);
    }
    String snils = digits + String.format("%02d", sum % 101 == 100 ? 0 : sum % 101);
    return """
        {"applicant": {"surname": "Тестова", "name": "Анна", "birthDate": "1994-05-17", "snils": "%s", "email": "b%d@example.ru",
                       "phone": "+7 913 555-12-34"},
         "school": {"code": "%s", "municipality": "Ижморский муниципальный округ",
                    "settlement": {"name": "Ижморский", "type": "URBAN_TYPE_SETTLEMENT", "population": 9800}},
         "position": "Учитель математики", "weeklyLoadHours": 22, "previousResidence": "г. Кемерово", "personalDataConsent": true}
        """.formatted(snils, n, SCHOOL);
  }
}
