package ru.kuzbass.edu.workflows.developmentroute;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.kuzbass.edu.workflows.people.PersonService;
import ru.kuzbass.edu.workflows.platform.UtcDateTime;

/**
 * The results of the regional diagnosis: stored per person, year and competence (a re-import
 * updates the score). The teacher is found by SNILS, through its blind index, and kept once.
 */
@Service
public class Diagnoses {

  /** A stored score. */
  public record Score(Competence competence, BigDecimal score) {}

  /**
   * What an import stored: how many results, and the teachers' ids in the order they first came,
   * which a route's start names (the import's caller knows teachers by SNILS only).
   */
  public record Stored(int imported, List<Long> personIds) {}

  private final JdbcClient jdbc;
  private final PersonService people;
  private final Clock clock;

  public Diagnoses(JdbcClient jdbc, PersonService people, Clock clock) {
    this.jdbc = jdbc;
    this.people = people;
    this.clock = clock;
  }

  /** Stores the results, valid one by one. All or nothing. */
  @Transactional
  public Stored store(List<DiagnosisResult> results) {
    var now = UtcDateTime.toDb(clock.instant());
    Set<Long> personIds = new LinkedHashSet<>();
    for (DiagnosisResult r : results) {
      long personId = people.register(r.person()).id();
      personIds.add(personId);
      jdbc.sql("INSERT INTO competence_diagnosis (person_id, school_code, year, competence, score, imported_at)"
              + " VALUES (?, ?, ?, ?, ?, ?)"
              + " ON DUPLICATE KEY UPDATE school_code = VALUES(school_code), score = VALUES(score), imported_at = VALUES(imported_at)")
          .params(personId, r.schoolCode(), r.year(), r.competence().name(), r.score(), now)
          .update();
    }
    return new Stored(results.size(), List.copyOf(personIds));
  }

  /** The person's scores of the year, lowest first (then in the competences' order). */
  public List<Score> scores(long personId, int year) {
    return jdbc.sql("SELECT competence, score FROM competence_diagnosis WHERE person_id = ? AND year = ?")
        .params(personId, year)
        .query((rs, i) -> new Score(Competence.valueOf(rs.getString("competence")), rs.getBigDecimal("score")))
        .list().stream()
        .sorted(Comparator.comparing(Score::score).thenComparing(Score::competence))
        .toList();
  }
}
