package ru.kuzbass.edu.workflows.mentorbonus;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.kuzbass.edu.workflows.support.ProcessTest;

/** Many approvals at the same moment never take more than the envelope holds. */
class MentorBudgetConcurrencyTest extends ProcessTest {

  private static final BigDecimal YEAR_OF_BONUS = new BigDecimal("147600"); // 12 × 12 300
  private static final BigDecimal ENVELOPE = new BigDecimal("442800"); // room for exactly three

  @Autowired BudgetEnvelopes budget;

  @BeforeEach
  void loadEnvelopes() {
    budget.loadConfiguredTotals();
  }

  @Test
  void parallelReservationsStopAtTheEnvelope() throws Exception {
    List<Long> nominations = new ArrayList<>();
    insertPerson("20030040048", "Орлова", "Елена", "1975-03-14", "o@example.ru");
    jdbc.sql("INSERT INTO teacher (person_id, school_code, subject, experience_years, qualification_category, updated_at) "
        + "SELECT id, 'SCH-1', 'Математика', 20, 'HIGHEST', NOW(3) FROM person").update();
    long teacher = jdbc.sql("SELECT id FROM teacher").query(Long.class).single();
    for (int i = 0; i < 24; i++) {
      jdbc.sql("INSERT INTO mentoring_nomination (campaign_year, mentor_teacher_id, school_code, school_email, funding_source, goals, "
          + "start_date, end_date, status, submitted_at) VALUES (2027, ?, 'SCH-1', 's@example.ru', 'REGIONAL', 'g', ?, ?, 'IN_APPROVAL', NOW(3))")
          .params(teacher, LocalDate.of(2027, 9, 1), LocalDate.of(2028, 8, 31)).update();
    }
    nominations.addAll(jdbc.sql("SELECT id FROM mentoring_nomination").query(Long.class).list());

    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Callable<BudgetEnvelopes.Outcome>> calls = new ArrayList<>();
    for (long id : nominations) {
      calls.add(() -> budget.reserve(id, 2027, "REGIONAL", YEAR_OF_BONUS));
      calls.add(() -> budget.reserve(id, 2027, "REGIONAL", YEAR_OF_BONUS)); // and a retried job for each
    }
    List<BudgetEnvelopes.Outcome> outcomes = new ArrayList<>();
    for (Future<BudgetEnvelopes.Outcome> f : pool.invokeAll(calls)) {
      outcomes.add(f.get());
    }
    pool.shutdown();

    long reservations = jdbc.sql("SELECT COUNT(*) FROM budget_reservation").query(Long.class).single();
    System.out.printf("Budget concurrency: %d reservation calls on 8 threads, %d reservations made, %s of %s reserved%n",
        calls.size(), reservations, budget.reserved(2027, "REGIONAL"), ENVELOPE);
    assertThat(reservations).isEqualTo(3);
    assertThat(budget.reserved(2027, "REGIONAL")).isEqualByComparingTo(ENVELOPE);
    assertThat(outcomes.stream().filter(o -> o == BudgetEnvelopes.Outcome.RESERVED).count()).isBetween(3L, 6L);
  }
}
