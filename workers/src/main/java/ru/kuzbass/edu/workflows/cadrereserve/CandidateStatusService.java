package ru.kuzbass.edu.workflows.cadrereserve;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import ru.kuzbass.edu.workflows.platform.ApiProblem;
import ru.kuzbass.edu.workflows.platform.CaseTokens;

/**
 * A candidate's case as the candidate follows it: the stage in Russian and, where the season's
 * configuration gives one, the date by which the next step is due. Like the rural grant's status,
 * it opens for staff or for the candidate with the case's token ({@link CaseTokens}); an unknown
 * case and a wrong token get the same 404.
 */
@Service
public class CandidateStatusService {

  private final JdbcClient jdbc;
  private final CadreReserveProperties properties;

  public CandidateStatusService(JdbcClient jdbc, CadreReserveProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  /**
   * @param nextStepDue the last day of the next step, or null where no rule sets one
   * @param planStatus  the reservist's individual plan ({@link CadreRegistry.PlanStatus}); null for who is not a reservist
   */
  public record Status(String caseNumber, int season, String status, String statusText, LocalDate nextStepDue, String planStatus) {}

  public Status status(HttpServletRequest request, String caseNumber) {
    Map<String, Object> c = jdbc.sql("""
            SELECT c.season, c.status, c.municipality, c.municipal_decline_reason, c.reserve, c.access_token_hash, %s AS plan_status
            FROM cadre_candidate c %s WHERE c.case_number = ?""".formatted(CadreRegistry.PLAN_STATUS, CadreRegistry.ROUTE_JOIN))
        .param(caseNumber).query().listOfRows().stream().findFirst().orElse(Map.of());
    if (!CaseTokens.admits(request, (String) c.get("access_token_hash"))) {
      throw ApiProblem.notFound("Участник " + caseNumber + " не найден или ключ доступа (" + CaseTokens.HEADER + ") неверен");
    }
    int season = ((Number) c.get("season")).intValue();
    CandidateStage stage = CandidateStage.valueOf((String) c.get("status"));
    return new Status(caseNumber, season, stage.name(), stage.text((String) c.get("municipality"), (String) c.get("municipal_decline_reason")),
        stage == CandidateStage.REGISTERED ? properties.registrationCloses(season) : null,
        c.get("reserve") == null ? null : CadreRegistry.PlanStatus.of((String) c.get("plan_status")).name());
  }
}
