package ru.kuzbass.edu.workflows.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ru.kuzbass.edu.workflows.cadrereserve.CadreReserveProperties;
import ru.kuzbass.edu.workflows.developmentroute.DevelopmentRouteProperties;
import ru.kuzbass.edu.workflows.mentorbonus.MentoringProperties;
import ru.kuzbass.edu.workflows.pedagogicalclass.OpeningCalendarProperties;
import ru.kuzbass.edu.workflows.platform.ApiProblem;
import ru.kuzbass.edu.workflows.platform.RegionTime;
import ru.kuzbass.edu.workflows.platform.UtcDateTime;
import ru.kuzbass.edu.workflows.ruralgrant.RuralGrantProperties;

/** A paged search over the cases in the audit log. A process is known by its case numbers' prefix. */
@Repository
public class AuditSearch {

  private final JdbcClient jdbc;
  private final Map<String, String> prefixes;

  public AuditSearch(JdbcClient jdbc, RuralGrantProperties ruralGrant, MentoringProperties mentoring, OpeningCalendarProperties classes,
      CadreReserveProperties cadre, DevelopmentRouteProperties routes) {
    this.jdbc = jdbc;
    this.prefixes = Map.of("rural-teacher-grant", ruralGrant.caseNumberPrefix(), "mentor-bonus", mentoring.caseNumberPrefix(),
        "pedagogical-class-opening", classes.caseNumberPrefix(), "cadre-reserve", cadre.caseNumberPrefix(),
        "development-route", routes.caseNumberPrefix());
  }

  public record CaseSummary(String caseNumber, Instant firstEventAt, Instant lastEventAt, int events, String lastOutcome) {}

  public record Page(List<CaseSummary> cases, int page, int size, long total) {}

  public Page find(String process, LocalDate from, LocalDate to, String outcome, int page, int size) {
    String prefix = null;
    if (process != null) {
      prefix = prefixes.get(process);
      if (prefix == null) {
        throw ApiProblem.badField("process", "Процесс: один из " + String.join(", ", prefixes.keySet().stream().sorted().toList()));
      }
    }
    LocalDateTime since = from == null ? null : UtcDateTime.toDb(RegionTime.startOfDay(from).toInstant());
    LocalDateTime until = to == null ? null : UtcDateTime.toDb(RegionTime.endOfDay(to).toInstant());
    String where = """
        WHERE (:prefix IS NULL OR e.case_number LIKE CONCAT(:prefix, '-%'))
          AND (:since IS NULL OR e.occurred_at >= :since) AND (:until IS NULL OR e.occurred_at <= :until)
          AND (:outcome IS NULL OR e.case_number IN (SELECT o.case_number FROM audit_event o WHERE o.outcome = :outcome))""";
    long total = jdbc.sql("SELECT COUNT(DISTINCT e.case_number) FROM audit_event e " + where)
        .param("prefix", prefix).param("since", since).param("until", until).param("outcome", outcome).query(Long.class).single();
    List<CaseSummary> cases = jdbc.sql("""
            SELECT e.case_number, MIN(e.occurred_at) AS first_at, MAX(e.occurred_at) AS last_at, COUNT(*) AS events,
                   (SELECT l.outcome FROM audit_event l WHERE l.case_number = e.case_number ORDER BY l.id DESC LIMIT 1) AS last_outcome
            FROM audit_event e
            """ + where + """

            GROUP BY e.case_number ORDER BY last_at DESC, e.case_number LIMIT :size OFFSET :offset""")
        .param("prefix", prefix).param("since", since).param("until", until).param("outcome", outcome)
        .param("size", size).param("offset", (long) page * size)
        .query((rs, i) -> new CaseSummary(rs.getString("case_number"), UtcDateTime.fromDb(rs.getObject("first_at", LocalDateTime.class)),
            UtcDateTime.fromDb(rs.getObject("last_at", LocalDateTime.class)), rs.getInt("events"), rs.getString("last_outcome")))
        .list();
    return new Page(cases, page, size, total);
  }
}
