package ru.kuzbass.edu.workflows.developmentroute;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.kuzbass.edu.workflows.platform.ApiProblem;

/** The teachers per municipality and year that staff import (table {@code teacher_headcount}). */
@Service
public class TeacherHeadcounts {

  private final JdbcClient jdbc;
  private final Clock clock;

  public TeacherHeadcounts(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Stores the figures, all or none: a municipality missing from the directory is refused with the
   * problem {@code refusal} makes for the figure's place in the list, before anything is written.
   */
  @Transactional
  public int store(List<TeacherHeadcount> headcounts, BiFunction<Integer, String, ApiProblem> refusal) {
    Set<String> known = Set.copyOf(jdbc.sql("SELECT code FROM municipality").query(String.class).list());
    for (int i = 0; i < headcounts.size(); i++) {
      if (!known.contains(headcounts.get(i).municipalityCode())) {
        throw refusal.apply(i, "Муниципалитета с кодом " + headcounts.get(i).municipalityCode() + " нет в справочнике");
      }
    }
    LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    for (TeacherHeadcount h : headcounts) {
      jdbc.sql("""
              INSERT INTO teacher_headcount (municipality_code, year, teachers, imported_at) VALUES (?, ?, ?, ?)
              ON DUPLICATE KEY UPDATE teachers = VALUES(teachers), imported_at = VALUES(imported_at)""")
          .params(h.municipalityCode(), h.year(), h.teachers(), now).update();
    }
    return headcounts.size();
  }
}
