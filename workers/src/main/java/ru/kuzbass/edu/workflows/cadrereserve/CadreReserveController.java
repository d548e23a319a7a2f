package ru.kuzbass.edu.workflows.cadrereserve;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;
import ru.kuzbass.edu.workflows.platform.ApiProblem;
import ru.kuzbass.edu.workflows.platform.CaseTokens;
import ru.kuzbass.edu.workflows.platform.Csv;

/**
 * The cadre reserve's API: seasons, registration, the candidate's status, test results from the testing platform, ideas and the
 * idea bank, attendance, projects and the registry.
 */
@RestController
@RequestMapping("/api/cadre-reserve")
public class CadreReserveController {

  private final SeasonService seasons;
  private final CandidateService candidates;
  private final CadreRegistry registry;
  private final CandidateStatusService statuses;
  private final IdeaBank ideas;

  public CadreReserveController(SeasonService seasons, CandidateService candidates, CadreRegistry registry,
      CandidateStatusService statuses, IdeaBank ideas) {
    this.seasons = seasons;
    this.candidates = candidates;
    this.registry = registry;
    this.statuses = statuses;
    this.ideas = ideas;
  }

  public record SeasonRequest(@NotNull(message = "Укажите год сезона") @Min(value = 2024, message = "Год сезона указан неверно")
      @Max(value = 2100, message = "Год сезона указан неверно") Integer season) {}

  public record TestResultsRequest(
      @NotNull(message = "Укажите балл за организаторские способности") @DecimalMin(value = "0", message = "Балл от 0 до 100")
      @DecimalMax(value = "100", message = "Балл от 0 до 100") BigDecimal organising,
      @NotNull(message = "Укажите балл за управленческий потенциал") @DecimalMin(value = "0", message = "Балл от 0 до 100")
      @DecimalMax(value = "100", message = "Балл от 0 до 100") BigDecimal managerial,
      @NotNull(message = "Укажите балл за лидерство") @DecimalMin(value = "0", message = "Балл от 0 до 100")
      @DecimalMax(value = "100", message = "Балл от 0 до 100") BigDecimal leadership,
      Instant finishedAt) {}

  public record AttendanceRequest(@NotBlank(message = "Укажите номер участника") String caseNumber,
      @NotNull(message = "Укажите число посещённых дней") Integer days) {}

  public record PlanStatusRequest(@NotNull(message = "Укажите состояние индивидуального плана: NOT_STARTED, IN_PROGRESS или COMPLETED")
      CadreRegistry.PlanStatus planStatus) {}

  /** {@code accessToken}: the candidate keeps it; with it (header X-Case-Token) they upload their idea and follow their status. */
  public record Registration(long id, String caseNumber, URI statusUrl, URI testResultsUrl, URI ideaUrl, String accessToken) {}

  @PostMapping("/seasons")
  public ResponseEntity<SeasonService.Started> startSeason(@Valid @RequestBody SeasonRequest request) {
    SeasonService.Started started = seasons.start(request.season());
    return started.created() ? ResponseEntity.status(201).body(started) : ResponseEntity.ok(started);
  }

  @PostMapping("/{season}/candidates")
  public ResponseEntity<Registration> register(@PathVariable int season, @Valid @RequestBody CandidateRequest request) {
    CandidateService.Registered r = candidates.register(season, request);
    String base = "/api/cadre-reserve/" + season + "/candidates/" + r.id();
    return ResponseEntity.created(URI.create(base))
        .body(new Registration(r.id(), r.caseNumber(), statusUrl(r.caseNumber()), URI.create(base + "/test-results"), URI.create(base + "/idea"),
            r.accessToken()));
  }

  /** For the candidate with the case's token (header {@code X-Case-Token}), or staff. */
  @GetMapping("/candidates/{caseNumber}")
  public CandidateStatusService.Status status(@PathVariable String caseNumber, HttpServletRequest request) {
    return statuses.status(request, caseNumber);
  }

  @PostMapping("/{season}/candidates/{id}/test-results")
  public ResponseEntity<Void> testResults(@PathVariable int season, @PathVariable long id, @Valid @RequestBody TestResultsRequest r) {
    candidates.recordTestResults(season, id, new CandidateService.TestResults(r.organising(), r.managerial(), r.leadership(), r.finishedAt()));
    return ResponseEntity.noContent().build();
  }

  @PostMapping(value = "/{season}/candidates/{id}/idea", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<Void> idea(@PathVariable int season, @PathVariable long id, @RequestParam(required = false) String title,
      @RequestParam(required = false) String text, @RequestParam(required = false) MultipartFile file,
      @RequestParam(defaultValue = "false") boolean authorConsent, HttpServletRequest request) {
    if (!candidates.admits(request, season, id)) {
      throw ApiProblem.notFound("Кандидат " + id + " сезона " + season + " не найден или ключ доступа (" + CaseTokens.HEADER + ") неверен");
    }
    candidates.uploadIdea(season, id, title, text, bytes(file), authorConsent);
    return ResponseEntity.noContent().build();
  }

  /** The idea bank, read-only: titles and seasons, and the author where the author consented. */
  @GetMapping("/ideas")
  public List<IdeaBank.Idea> ideas(@RequestParam(required = false) Integer season) {
    return ideas.list(season);
  }

  @PostMapping("/{season}/course-attendance")
  public ResponseEntity<Void> attendance(@PathVariable int season, @Valid @RequestBody AttendanceRequest r) {
    seasons.recordAttendance(season, r.caseNumber().trim(), r.days());
    return ResponseEntity.noContent().build();
  }

  @PostMapping(value = "/{season}/teams/{number}/project", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<Void> project(@PathVariable int season, @PathVariable int number, @RequestParam(required = false) String title,
      @RequestParam(required = false) MultipartFile file) {
    if (file == null) {
      throw ApiProblem.badField("file", "Приложите проект в формате PDF");
    }
    seasons.uploadProject(season, number, title, bytes(file));
    return ResponseEntity.accepted().build();
  }

  /**
   * The reserve by level, or ({@code level=recommended}) those recommended to the municipal reserve who wait for the
   * municipality's decision; {@code format=csv} gives RFC 4180 CSV with a byte-order mark for spreadsheet programs.
   */
  @GetMapping("/registry")
  public ResponseEntity<?> registry(@RequestParam String level, @RequestParam(required = false) Integer season,
      @RequestParam(required = false) String format) {
    CadreRegistry.Listing listing = switch (level.toLowerCase()) {
      case "regional" -> CadreRegistry.Listing.REGIONAL;
      case "municipal" -> CadreRegistry.Listing.MUNICIPAL;
      case "recommended" -> CadreRegistry.Listing.MUNICIPAL_RECOMMENDED;
      default -> throw ApiProblem.badField("level", "Уровень резерва: regional, municipal или recommended (рекомендованные в муниципальный резерв)");
    };
    List<CadreRegistry.Reservist> list = registry.list(listing, season);
    if (!"csv".equalsIgnoreCase(format)) {
      return ResponseEntity.ok(list);
    }
    StringBuilder csv = new StringBuilder(Csv.BOM + "case_number,full_name,school_code,municipality,level,season,composite_score,team_score,"
        + "individual_score,plan_status,municipal_confirmed_by,municipal_confirmed_at\r\n");
    for (CadreRegistry.Reservist r : list) {
      csv.append(String.join(",", Csv.field(r.caseNumber()), Csv.field(r.fullName()), Csv.field(r.schoolCode()), Csv.field(r.municipality()), r.level(),
          String.valueOf(r.season()), plain(r.compositeScore()), plain(r.teamScore()), plain(r.individualScore()),
          r.planStatus() == null ? "" : r.planStatus(), r.municipalConfirmedBy() == null ? "" : Csv.field(r.municipalConfirmedBy()),
          r.municipalConfirmedAt() == null ? "" : r.municipalConfirmedAt().toString())).append("\r\n");
    }
    return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header("Content-Disposition", "attachment; filename=\"cadre-reserve-" + level.toLowerCase() + ".csv\"")
        .body(csv.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** HR records how far a reservist's individual plan is. */
  @PutMapping("/registry/{caseNumber}/plan-status")
  public ResponseEntity<Void> planStatus(@PathVariable String caseNumber, @Valid @RequestBody PlanStatusRequest request) {
    registry.setPlanStatus(caseNumber, request.planStatus());
    return ResponseEntity.noContent().build();
  }

  private static URI statusUrl(String caseNumber) {
    return UriComponentsBuilder.fromPath("/api/cadre-reserve/candidates/{number}").buildAndExpand(caseNumber).encode().toUri();
  }

  private static byte[] bytes(MultipartFile file) {
    if (file == null) {
      return null;
    }
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw ApiProblem.badField("file", "Файл не удалось прочитать");
    }
  }

  private static String plain(BigDecimal value) {
    return value == null ? "" : value.toPlainString();
  }
}
