package ru.kuzbass.edu.workflows.rurallivingcosts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ru.kuzbass.edu.workflows.platform.Csv;

/**
 * The year's figures per municipality (the school's): teachers whose enrolment was in force at
 * some time in the year, the claims for the year's months by state, and the sums paid by cost kind.
 */
@Component
public class LivingCostsSummary {

  public record Municipality(String municipality, int enrolledTeachers, Map<ClaimStatus, Integer> claims, Map<CostKind, BigDecimal> paid,
      BigDecimal paidTotal) {}

  private final JdbcClient jdbc;

  public LivingCostsSummary(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Municipality> of(int year) {
    LocalDate first = LocalDate.of(year, 1, 1);
    LocalDate last = LocalDate.of(year, 12, 31);
    Map<String, Integer> enrolled = new TreeMap<>();
    Map<String, Map<ClaimStatus, Integer>> claims = new TreeMap<>();
    Map<String, Map<CostKind, BigDecimal>> paid = new TreeMap<>();
    jdbc.sql("""
            SELECT m.name, COUNT(DISTINCT e.person_id) AS teachers
            FROM living_cost_enrolment e JOIN school s ON s.code = e.school_code JOIN municipality m ON m.code = s.municipality_code
            WHERE e.enrolled_on IS NOT NULL AND e.enrolled_on <= :last AND (e.ended_on IS NULL OR e.ended_on > :first)
            GROUP BY m.name""")
        .param("first", first).param("last", last)
        .query(rs -> {
          enrolled.put(rs.getString("name"), rs.getInt("teachers"));
        });
    jdbc.sql("""
            SELECT m.name, c.status, COUNT(*) AS n
            FROM living_cost_claim c JOIN living_cost_enrolment e ON e.id = c.enrolment_id
              JOIN school s ON s.code = e.school_code JOIN municipality m ON m.code = s.municipality_code
            WHERE c.month BETWEEN :first AND :last
            GROUP BY m.name, c.status""")
        .param("first", first).param("last", last)
        .query(rs -> {
          claims.computeIfAbsent(rs.getString("name"), k -> new EnumMap<>(ClaimStatus.class))
              .put(ClaimStatus.valueOf(rs.getString("status")), rs.getInt("n"));
        });
    jdbc.sql("""
            SELECT m.name, l.cost_kind, SUM(l.accepted_amount) AS paid
            FROM living_cost_claim_line l JOIN living_cost_claim c ON c.id = l.claim_id JOIN living_cost_enrolment e ON e.id = c.enrolment_id
              JOIN school s ON s.code = e.school_code JOIN municipality m ON m.code = s.municipality_code
            WHERE c.status = 'PAID' AND c.month BETWEEN :first AND :last
            GROUP BY m.name, l.cost_kind""")
        .param("first", first).param("last", last)
        .query(rs -> {
          paid.computeIfAbsent(rs.getString("name"), k -> new EnumMap<>(CostKind.class))
              .put(CostKind.valueOf(rs.getString("cost_kind")), rs.getBigDecimal("paid"));
        });
    TreeMap<String, Boolean> names = new TreeMap<>();
    enrolled.keySet().forEach(n -> names.put(n, true));
    claims.keySet().forEach(n -> names.put(n, true));
    paid.keySet().forEach(n -> names.put(n, true));
    List<Municipality> rows = new ArrayList<>();
    for (String name : names.keySet()) {
      Map<ClaimStatus, Integer> byState = new EnumMap<>(ClaimStatus.class);
      for (ClaimStatus s : ClaimStatus.values()) {
        byState.put(s, claims.getOrDefault(name, Map.of()).getOrDefault(s, 0));
      }
      Map<CostKind, BigDecimal> byKind = new EnumMap<>(CostKind.class);
      for (CostKind k : CostKind.values()) {
        byKind.put(k, paid.getOrDefault(name, Map.of()).getOrDefault(k, BigDecimal.ZERO.setScale(2)));
      }
      rows.add(new Municipality(name, enrolled.getOrDefault(name, 0), byState, byKind,
          byKind.values().stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add)));
    }
    return rows;
  }

  /** The same figures as RFC 4180 CSV with a byte-order mark, one row per municipality. */
  public static String csv(List<Municipality> rows) {
    StringBuilder csv = new StringBuilder(Csv.BOM + "municipality,enrolled_teachers");
    for (ClaimStatus s : ClaimStatus.values()) {
      csv.append(",claims_").append(s.name().toLowerCase(Locale.ROOT));
    }
    for (CostKind k : CostKind.values()) {
      csv.append(",paid_").append(k.variable());
    }
    csv.append(",paid_total\r\n");
    for (Municipality m : rows) {
      csv.append(Csv.field(m.municipality())).append(',').append(m.enrolledTeachers());
      for (ClaimStatus s : ClaimStatus.values()) {
        csv.append(',').append(m.claims().get(s));
      }
      for (CostKind k : CostKind.values()) {
        csv.append(',').append(m.paid().get(k).toPlainString());
      }
      csv.append(',').append(m.paidTotal().toPlainString()).append("\r\n");
    }
    return csv.toString();
  }
}
