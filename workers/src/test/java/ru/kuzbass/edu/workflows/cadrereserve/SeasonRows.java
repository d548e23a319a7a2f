package ru.kuzbass.edu.workflows.cadrereserve;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.kuzbass.edu.workflows.cadrereserve.CadreRankingModel.Entry;
import ru.kuzbass.edu.workflows.platform.UtcDateTime;

/** Writes a season's candidates straight into MariaDB, a thousand rows a statement: for the cut's tests and its benchmark. */
public final class SeasonRows {
  private SeasonRows() {}

  public static void insert(JdbcClient jdbc, int season, List<Entry> entries) {
    for (int from = 0; from < entries.size(); from += 1000) {
      List<Entry> chunk = entries.subList(from, Math.min(entries.size(), from + 1000));
      StringJoiner people = new StringJoiner(", ");
      StringJoiner candidates = new StringJoiner(", ");
      List<Object> personParams = new ArrayList<>();
      List<Object> candidateParams = new ArrayList<>();
      for (Entry e : chunk) {
        long personId = season * 1_000_000L + e.candidateId();
        // the cut reads no personal data: no SNILS, as for an anonymised person
        people.add("(?, NULL, 'Кандидатова', 'Анна', '1985-05-20', 'c@example.ru', '+7 913 555-00-00', NOW(3), NOW(3))");
        personParams.add(personId);
        candidates.add("(?, ?, ?, 'SCH-1', 'Кемерово', 'Завуч', 10, 'Высшее', 'Мотивация', '[]', ?, 'REGISTERED', NOW(3), ?, ?, ?, ?)");
        candidateParams.addAll(List.of(e.candidateId(), season, personId));
        candidateParams.add(e.fastTrack() ? "программа" : null);
        candidateParams.add(e.organising());
        candidateParams.add(e.managerial());
        candidateParams.add(e.leadership());
        candidateParams.add(e.testFinishedAt() == null ? null : UtcDateTime.toDb(e.testFinishedAt()));
      }
      jdbc.sql("INSERT INTO person (id, snils, surname, given_name, birth_date, email, phone, created_at, updated_at) VALUES " + people)
          .params(personParams).update();
      jdbc.sql("""
              INSERT INTO cadre_candidate (id, season, person_id, school_code, municipality, position, experience_years, education,
                motivation, achievements, fast_track_evidence, status, registered_at, organising_score, managerial_score, leadership_score,
                test_finished_at) VALUES """ + candidates)
          .params(candidateParams).update();
    }
  }

  /** A season where ties are the rule: few distinct scores and test times, some fast-track and some untested candidates. */
  public static List<Entry> tied(int size, long firstId, long seed) {
    java.util.Random random = new java.util.Random(seed);
    double[] scores = {50, 60, 62.5, 70, 75, 80, 87.5, 100};
    Instant t = Instant.parse("2027-03-01T03:00:00Z");
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      boolean untested = random.nextInt(10) == 0;
      entries.add(new Entry(firstId + i, random.nextInt(25) == 0,
          untested ? null : bd(scores[random.nextInt(scores.length)]), untested ? null : bd(scores[random.nextInt(scores.length)]),
          untested ? null : bd(scores[random.nextInt(scores.length)]), untested ? null : t.plusSeconds(60L * random.nextInt(3))));
    }
    return entries;
  }

  private static java.math.BigDecimal bd(double v) {
    return java.math.BigDecimal.valueOf(v);
  }
}
