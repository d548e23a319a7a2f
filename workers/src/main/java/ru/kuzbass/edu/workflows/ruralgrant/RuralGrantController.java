package ru.kuzbass.edu.workflows.ruralgrant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.LocalDate;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.kuzbass.edu.workflows.platform.ApiProblem;
import ru.kuzbass.edu.workflows.platform.CaseTokens;
import ru.kuzbass.edu.workflows.platform.PlausibleDate;
import org.springframework.web.util.UriComponentsBuilder;

@RestController
@RequestMapping("/api/rural-grants/applications")
public class RuralGrantController {

  private final RuralGrantService service;

  public RuralGrantController(RuralGrantService service) {
    this.service = service;
  }

  /** {@code statusToken}: keep it; with the case number it opens the status (header X-Case-Token). */
  public record SubmissionResponse(String caseNumber, URI statusUrl, String statusToken) {}

  public record DepartureRequest(@NotNull(message = "Укажите дату увольнения") @PlausibleDate LocalDate departureDate) {}

  @PostMapping
  public ResponseEntity<SubmissionResponse> submit(@Valid @RequestBody ApplicationRequest request) {
    RuralGrantService.Submitted submitted = service.submit(request);
    URI status = UriComponentsBuilder.fromPath("/api/rural-grants/applications/{number}")
        .buildAndExpand(submitted.caseNumber()).encode().toUri();
    return ResponseEntity.created(status).body(new SubmissionResponse(submitted.caseNumber(), status, submitted.statusToken()));
  }

  /** For the applicant with the case's token (header {@code X-Case-Token}), or staff. */
  @GetMapping("/{caseNumber}")
  public RuralGrantService.Status status(@PathVariable String caseNumber, HttpServletRequest request) {
    admit(request, caseNumber);
    return service.status(caseNumber);
  }

  @PostMapping("/{caseNumber}/documents-supplemented")
  public ResponseEntity<Void> documentsSupplemented(@PathVariable String caseNumber, HttpServletRequest request) {
    admit(request, caseNumber);
    service.supplementDocuments(caseNumber);
    return ResponseEntity.accepted().build();
  }

  @PostMapping("/{caseNumber}/departure")
  public ResponseEntity<Void> departure(@PathVariable String caseNumber, @Valid @RequestBody DepartureRequest request) {
    service.reportDeparture(caseNumber, request.departureDate());
    return ResponseEntity.accepted().build();
  }

  /** An unknown case and a wrong token look the same, so that case numbers cannot be probed. */
  private void admit(HttpServletRequest request, String caseNumber) {
    if (!service.admits(request, caseNumber)) {
      throw ApiProblem.notFound("Заявление " + caseNumber + " не найдено или ключ доступа (" + CaseTokens.HEADER + ") неверен");
    }
  }
}
