package ru.kuzbass.edu.workflows.cadrereserve;

import java.util.Map;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.kuzbass.edu.workflows.cadrereserve.SeasonService.SchoolKind;
import ru.kuzbass.edu.workflows.engine.Steps;

/**
 * The automated steps of {@code cadre-reserve-season} and {@code cadre-reserve-candidate}, one
 * delegate each, named as the models call them. Every candidate letter shares one delegate, and
 * internship and project schools another; the input parameter {@code kind} says which. Inside the
 * multi-instance scoring, {@code teamKey}, {@code memberCaseNumber} and {@code expert} are input
 * parameters of the instance ({@link CadreTeams}).
 */
@Configuration(proxyBeanMethods = false)
class CadreReserveSteps {

  // ---------------------------------------------------------------- candidate

  @Bean("checkFastTrack")
  JavaDelegate checkFastTrack(Steps steps, CandidateService candidates) {
    return steps.setting("cadre-reserve.check-fast-track", e -> candidates.checkFastTrack(candidateId(e)));
  }

  /** Every candidate letter; the input parameter {@code kind} names it. */
  @Bean("sendCandidateLetter")
  JavaDelegate sendCandidateLetter(Steps steps, CadreLetterService letters) {
    return steps.running("cadre-reserve.send-letter", e -> letters.sendToCandidate(CadreLetterKind.valueOf((String) e.getVariableLocal("kind")),
        candidateId(e), (String) e.getVariable("ideaRecommendation")));
  }

  @Bean("recommendToMunicipality")
  JavaDelegate recommendToMunicipality(Steps steps, MunicipalReserve municipal) {
    return steps.setting("cadre-reserve.recommend-to-municipality", e -> municipal.recommend(candidateId(e)));
  }

  @Bean("recordMunicipalDecision")
  JavaDelegate recordMunicipalDecision(Steps steps, MunicipalReserve municipal) {
    return steps.setting("cadre-reserve.record-municipal-decision", e -> municipal.decide(candidateId(e),
        (String) e.getVariable("municipalDecision"), (String) e.getVariable("municipalDeclineReason")));
  }

  @Bean("startReservistRoute")
  JavaDelegate startReservistRoute(Steps steps, ReservistRoute route) {
    return steps.setting("cadre-reserve.start-reservist-route", e -> Map.of("developmentRouteCase", route.start(candidateId(e))));
  }

  // ---------------------------------------------------------------- season

  @Bean("cutLevel1")
  JavaDelegate cutLevel1(Steps steps, SeasonService seasons) {
    return steps.setting("cadre-reserve.cut-level1", e -> seasons.cutLevel1(season(e)));
  }

  @Bean("announceLevel1")
  JavaDelegate announceLevel1(Steps steps, SeasonService seasons) {
    return steps.running("cadre-reserve.announce-level1", e -> seasons.announceLevel1(season(e)));
  }

  /** Proposes internship or project schools; the input parameter {@code kind} says which. */
  @Bean("proposeSchools")
  JavaDelegate proposeSchools(Steps steps, SeasonService seasons) {
    return steps.setting("cadre-reserve.propose-schools",
        e -> seasons.proposeSchools(season(e), SchoolKind.valueOf((String) e.getVariableLocal("kind"))));
  }

  @Bean("recordInternshipSchools")
  JavaDelegate recordInternshipSchools(Steps steps, SeasonService seasons) {
    return steps.running("cadre-reserve.record-internship-schools",
        e -> seasons.recordSchools(season(e), SchoolKind.INTERNSHIP, (String) e.getVariable("internshipSchools")));
  }

  @Bean("closeCourse")
  JavaDelegate closeCourse(Steps steps, SeasonService seasons) {
    return steps.setting("cadre-reserve.close-course", e -> seasons.closeCourse(season(e), (String) e.getVariable("courseAbsentees"),
        Boolean.TRUE.equals(e.getVariable("othersAttended"))));
  }

  @Bean("proposeTeams")
  JavaDelegate proposeTeams(Steps steps, SeasonService seasons) {
    return steps.setting("cadre-reserve.propose-teams", e -> seasons.proposeTeams(season(e)));
  }

  @Bean("finalizeTeams")
  JavaDelegate finalizeTeams(Steps steps, SeasonService seasons) {
    return steps.setting("cadre-reserve.finalize-teams", e -> seasons.finalizeTeams(season(e), (String) e.getVariable("teamMoves")));
  }

  @Bean("recordTeamScore")
  JavaDelegate recordTeamScore(Steps steps, SeasonService seasons) {
    return steps.running("cadre-reserve.record-team-score", e -> seasons.recordScore((String) e.getVariable("caseNumber"),
        (String) e.getVariable("teamKey"), (String) e.getVariable("expert"), (Number) e.getVariable("teamScore"),
        (String) e.getVariable("scoreComment")));
  }

  @Bean("cutLevel2")
  JavaDelegate cutLevel2(Steps steps, SeasonService seasons) {
    return steps.setting("cadre-reserve.cut-level2", e -> seasons.cutLevel2(season(e)));
  }

  @Bean("announceLevel2")
  JavaDelegate announceLevel2(Steps steps, SeasonService seasons) {
    return steps.running("cadre-reserve.announce-level2", e -> seasons.announceLevel2(season(e)));
  }

  @Bean("assignProjectSchools")
  JavaDelegate assignProjectSchools(Steps steps, SeasonService seasons) {
    return steps.setting("cadre-reserve.assign-project-schools",
        e -> seasons.assignProjectSchools(season(e), (String) e.getVariable("projectSchools")));
  }

  @Bean("recordMemberScore")
  JavaDelegate recordMemberScore(Steps steps, SeasonService seasons) {
    return steps.running("cadre-reserve.record-member-score", e -> {
      String member = (String) e.getVariable("memberCaseNumber");
      seasons.recordScore(member, member, (String) e.getVariable("expert"), (Number) e.getVariable("memberScore"),
          (String) e.getVariable("scoreComment"));
    });
  }

  @Bean("enrol")
  JavaDelegate enrol(Steps steps, SeasonService seasons) {
    return steps.setting("cadre-reserve.enrol", e -> seasons.enrol(season(e)));
  }

  @Bean("announceLevel3")
  JavaDelegate announceLevel3(Steps steps, SeasonService seasons) {
    return steps.running("cadre-reserve.announce-level3", e -> seasons.announceLevel3(season(e)));
  }

  @Bean("sendProjectsToSchools")
  JavaDelegate sendProjectsToSchools(Steps steps, CadreLetterService letters) {
    return steps.running("cadre-reserve.send-projects-to-schools", e -> letters.sendProjectsToSchools(season(e)));
  }

  static int season(DelegateExecution e) {
    return ((Number) e.getVariable("season")).intValue();
  }

  private static long candidateId(DelegateExecution e) {
    return ((Number) e.getVariable("candidateId")).longValue();
  }
}
