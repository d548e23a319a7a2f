package ru.kuzbass.edu.workflows.developmentroute;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The figures the region reports for a year (issue 17), per municipality of the directory and for
 * the region: teachers diagnosed, routes built and their share of all teachers against the target
 * («the target is 30 % of all teachers with a route»), routes on pace, behind and finished, events
 * in the bank, and the young-teacher pilot. A municipality is the one of the school (routes,
 * diagnoses) or of the event or the young-teacher case. The region row counts every row of the year,
 * also those of a school missing from the directory and the regional events (no municipality).
 */
@Service
public class RouteSummary {

  /** Where a municipality's figures are kept before the rows are made. */
  private static final String REGION = "";

  private final JdbcClient jdbc;
  private final DevelopmentRouteProperties properties;

  public RouteSummary(JdbcClient jdbc, DevelopmentRouteProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  /**
   * One line of the summary. {@code teachers} is the imported headcount; without it {@code routesShare}
   * and {@code targetReached} are null (unknown, not 0), and shown as null rather than left out.
   *
   * @param routesBuilt  routes of the year agreed or finished
   * @param routesOnPace agreed, not finished, and the last monitoring found them on pace (or none was held yet)
   * @param routesBehind agreed, not finished, and the last monitoring found them behind
   * @param youngTeachersSupported young-teacher cases started in the year; the answers and difficulties are theirs
   */
  public record Row(String municipalityCode, String municipality, long teachersDiagnosed, @JsonInclude(Include.ALWAYS) Long teachers,
      long routesBuilt, @JsonInclude(Include.ALWAYS) BigDecimal routesShare, @JsonInclude(Include.ALWAYS) Boolean targetReached, long routesOnPace, long routesBehind, long routesFinished, long eventsInBank,
      long youngTeachersSupported, long questionnairesAnswered, long difficultiesRaised, long difficultiesResolved) {}

  public record Summary(int year, BigDecimal targetShare, List<Row> municipalities, Row region) {}

  public Summary summary(int year) {
    BigDecimal target = properties.targetShare(year);
    Map<String, long[]> diagnosed = grouped("""
        SELECT s.municipality_code, COUNT(DISTINCT d.person_id) FROM competence_diagnosis d JOIN school s ON s.code = d.school_code
        WHERE d.year = ? GROUP BY s.municipality_code""", year);
    long diagnosedInRegion = jdbc.sql("SELECT COUNT(DISTINCT person_id) FROM competence_diagnosis WHERE year = ?").param(year)
        .query(Long.class).single();
    Map<String, long[]> routes = grouped("""
        SELECT s.municipality_code, SUM(r.status IN ('AGREED', 'FINISHED')),
               SUM(r.status = 'AGREED' AND (r.pace_state IS NULL OR r.pace_state = 'ON_PACE')),
               SUM(r.status = 'AGREED' AND r.pace_state = 'BEHIND'), SUM(r.status = 'FINISHED')
        FROM development_route r LEFT JOIN school s ON s.code = r.school_code WHERE r.year = ? GROUP BY s.municipality_code""", year);
    Map<String, long[]> events = grouped("""
        SELECT municipality_code, COUNT(*) FROM education_event WHERE starts_on <= ? AND (ends_on IS NULL OR ends_on >= ?)
        GROUP BY municipality_code""", LocalDate.of(year, 12, 31), LocalDate.of(year, 1, 1));
    Map<String, long[]> young = grouped("""
        SELECT c.municipality_code, COUNT(*),
               SUM(EXISTS (SELECT 1 FROM young_teacher_answer a WHERE a.case_id = c.id AND a.round = 0)),
               SUM((SELECT COUNT(*) FROM young_teacher_difficulty d WHERE d.case_id = c.id)),
               SUM((SELECT COUNT(*) FROM young_teacher_difficulty d WHERE d.case_id = c.id AND d.resolved))
        FROM young_teacher_case c WHERE c.start_date BETWEEN ? AND ? GROUP BY c.municipality_code""",
        LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    Map<String, Long> headcounts = new HashMap<>();
    jdbc.sql("SELECT municipality_code, teachers FROM teacher_headcount WHERE year = ?").param(year)
        .query(rs -> {
          headcounts.put(rs.getString(1), rs.getLong(2));
        });

    List<Row> rows = new ArrayList<>();
    boolean everyHeadcount = true;
    long allTeachers = 0;
    for (Map<String, Object> m : jdbc.sql("SELECT code, name FROM municipality ORDER BY name").query().listOfRows()) {
      String code = (String) m.get("code");
      Long teachers = headcounts.get(code);
      everyHeadcount &= teachers != null;
      allTeachers += teachers == null ? 0 : teachers;
      rows.add(row(code, (String) m.get("name"), at(diagnosed, code, 0), teachers, routes.get(code), at(events, code, 0), young.get(code), target));
    }
    Row region = row(null, "Кемеровская область — Кузбасс", diagnosedInRegion, everyHeadcount && !rows.isEmpty() ? allTeachers : null, total(routes, 4),
        total(events, 1)[0], total(young, 4), target);
    return new Summary(year, target, rows, region);
  }

  private static Row row(String code, String name, long diagnosed, Long teachers, long[] routes, long events, long[] young, BigDecimal target) {
    long[] r = routes == null ? new long[4] : routes;
    long[] y = young == null ? new long[4] : young;
    BigDecimal share = teachers == null ? null
        : BigDecimal.valueOf(r[0]).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(teachers), 1, RoundingMode.HALF_UP);
    return new Row(code, name, diagnosed, teachers, r[0], share, share == null ? null : share.compareTo(target) >= 0, r[1], r[2], r[3], events,
        y[0], y[1], y[2], y[3]);
  }

  /** Counts by municipality code (null, a row of no municipality, kept under {@link #REGION}). */
  private Map<String, long[]> grouped(String sql, Object... params) {
    Map<String, long[]> byMunicipality = new HashMap<>();
    jdbc.sql(sql).params(params).query(rs -> {
      long[] counts = new long[rs.getMetaData().getColumnCount() - 1];
      for (int i = 0; i < counts.length; i++) {
        counts[i] = rs.getLong(i + 2);
      }
      String code = rs.getString(1);
      byMunicipality.put(code == null ? REGION : code, counts);
    });
    return byMunicipality;
  }

  private static long at(Map<String, long[]> counts, String code, int column) {
    long[] c = counts.get(code);
    return c == null ? 0 : c[column];
  }

  private static long[] total(Map<String, long[]> counts, int columns) {
    long[] sum = new long[columns];
    counts.values().forEach(c -> {
      for (int i = 0; i < columns; i++) {
        sum[i] += c[i];
      }
    });
    return sum;
  }
}
