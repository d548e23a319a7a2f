package ru.kuzbass.edu.workflows.cadrereserve;

import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.worker.JobClient;
import io.camunda.zeebe.spring.client.annotation.JobWorker;
import io.camunda.zeebe.spring.client.annotation.Variable;
import java.util.Map;
import org.springframework.stereotype.Component;
import ru.kuzbass.edu.workflows.cadrereserve.SeasonService.SchoolKind;
import ru.kuzbass.edu.workflows.platform.JobOutcome;

/**
 * The job workers of {@code cadre-reserve-season} and {@code cadre-reserve-candidate}. Inside the
 * multi-instance scoring steps, {@code review} and {@code assessment} are the instance's element.
 */
@Component
public class CadreReserveWorkers {

  private final SeasonService seasons;
  private final CandidateService candidates;
  private final CadreLetterService letters;
  private final JobOutcome outcome;

  public CadreReserveWorkers(SeasonService seasons, CandidateService candidates, CadreLetterService letters, JobOutcome outcome) {
    this.seasons = seasons;
    this.candidates = candidates;
    this.letters = letters;
    this.outcome = outcome;
  }

  // ---------------------------------------------------------------- candidate

  @JobWorker(type = "cadre-reserve.check-fast-track", autoComplete = false)
  public void checkFastTrack(JobClient client, ActivatedJob job, @Variable Long candidateId) {
    outcome.completeWith(client, job, () -> candidates.checkFastTrack(candidateId));
  }

  /** Every candidate letter; the task header {@code kind} names it. */
  @JobWorker(type = "cadre-reserve.send-letter", autoComplete = false)
  public void sendLetter(JobClient client, ActivatedJob job, @Variable Long candidateId, @Variable String ideaRecommendation) {
    CadreLetterKind kind = CadreLetterKind.valueOf(job.getCustomHeaders().get("kind"));
    outcome.complete(client, job, () -> letters.sendToCandidate(kind, candidateId, ideaRecommendation));
  }

  // ---------------------------------------------------------------- season

  @JobWorker(type = "cadre-reserve.cut-level1", autoComplete = false)
  public void cutLevel1(JobClient client, ActivatedJob job, @Variable Integer season) {
    outcome.completeWith(client, job, () -> seasons.cutLevel1(season));
  }

  @JobWorker(type = "cadre-reserve.announce-level1", autoComplete = false)
  public void announceLevel1(JobClient client, ActivatedJob job, @Variable Integer season) {
    outcome.complete(client, job, () -> seasons.announceLevel1(season));
  }

  /** Proposes internship or project schools; the task header {@code kind} says which. */
  @JobWorker(type = "cadre-reserve.propose-schools", autoComplete = false)
  public void proposeSchools(JobClient client, ActivatedJob job, @Variable Integer season) {
    SchoolKind kind = SchoolKind.valueOf(job.getCustomHeaders().get("kind"));
    outcome.completeWith(client, job, () -> seasons.proposeSchools(season, kind));
  }

  @JobWorker(type = "cadre-reserve.record-internship-schools", autoComplete = false)
  public void recordInternshipSchools(JobClient client, ActivatedJob job, @Variable Integer season, @Variable String internshipSchools) {
    outcome.complete(client, job, () -> seasons.recordSchools(season, SchoolKind.INTERNSHIP, internshipSchools));
  }

  @JobWorker(type = "cadre-reserve.close-course", autoComplete = false)
  public void closeCourse(JobClient client, ActivatedJob job, @Variable Integer season, @Variable String courseAbsentees,
      @Variable Boolean othersAttended) {
    outcome.completeWith(client, job, () -> seasons.closeCourse(season, courseAbsentees, Boolean.TRUE.equals(othersAttended)));
  }

  @JobWorker(type = "cadre-reserve.propose-teams", autoComplete = false)
  public void proposeTeams(JobClient client, ActivatedJob job, @Variable Integer season) {
    outcome.completeWith(client, job, () -> seasons.proposeTeams(season));
  }

  @JobWorker(type = "cadre-reserve.finalize-teams", autoComplete = false)
  public void finalizeTeams(JobClient client, ActivatedJob job, @Variable Integer season, @Variable String teamMoves) {
    outcome.completeWith(client, job, () -> seasons.finalizeTeams(season, teamMoves));
  }

  @JobWorker(type = "cadre-reserve.record-team-score", autoComplete = false)
  public void recordTeamScore(JobClient client, ActivatedJob job, @Variable String caseNumber, @Variable Map<String, Object> review,
      @Variable Number teamScore, @Variable String scoreComment) {
    outcome.complete(client, job,
        () -> seasons.recordScore(caseNumber, (String) review.get("teamKey"), (String) review.get("expert"), teamScore, scoreComment));
  }

  @JobWorker(type = "cadre-reserve.cut-level2", autoComplete = false)
  public void cutLevel2(JobClient client, ActivatedJob job, @Variable Integer season) {
    outcome.completeWith(client, job, () -> seasons.cutLevel2(season));
  }

  @JobWorker(type = "cadre-reserve.announce-level2", autoComplete = false)
  public void announceLevel2(JobClient client, ActivatedJob job, @Variable Integer season) {
    outcome.complete(client, job, () -> seasons.announceLevel2(season));
  }

  @JobWorker(type = "cadre-reserve.assign-project-schools", autoComplete = false)
  public void assignProjectSchools(JobClient client, ActivatedJob job, @Variable Integer season, @Variable String projectSchools) {
    outcome.completeWith(client, job, () -> seasons.assignProjectSchools(season, projectSchools));
  }

  @JobWorker(type = "cadre-reserve.record-member-score", autoComplete = false)
  public void recordMemberScore(JobClient client, ActivatedJob job, @Variable Map<String, Object> assessment,
      @Variable Number memberScore, @Variable String scoreComment) {
    String member = (String) assessment.get("memberCaseNumber");
    outcome.complete(client, job, () -> seasons.recordScore(member, member, (String) assessment.get("expert"), memberScore, scoreComment));
  }

  @JobWorker(type = "cadre-reserve.enrol", autoComplete = false)
  public void enrol(JobClient client, ActivatedJob job, @Variable Integer season) {
    outcome.completeWith(client, job, () -> seasons.enrol(season));
  }

  @JobWorker(type = "cadre-reserve.announce-level3", autoComplete = false)
  public void announceLevel3(JobClient client, ActivatedJob job, @Variable Integer season) {
    outcome.complete(client, job, () -> seasons.announceLevel3(season));
  }

  @JobWorker(type = "cadre-reserve.send-projects-to-schools", autoComplete = false)
  public void sendProjectsToSchools(JobClient client, ActivatedJob job, @Variable Integer season) {
    outcome.complete(client, job, () -> letters.sendProjectsToSchools(season));
  }
}
