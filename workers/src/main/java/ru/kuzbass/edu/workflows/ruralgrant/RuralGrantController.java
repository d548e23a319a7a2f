package ru.kuzbass.edu.workflows.ruralgrant;

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
import org.springframework.web.util.UriComponentsBuilder;

@RestController
@RequestMapping("/api/rural-grants/applications")
public class RuralGrantController {

  private final RuralGrantService service;

  public RuralGrantController(RuralGrantService service) {
    this.service = service;
  }

  public record SubmissionResponse(String caseNumber, URI statusUrl) {}

  public record DepartureRequest(@NotNull(message = "Укажите дату увольнения") LocalDate departureDate) {}

  @PostMapping
  public ResponseEntity<SubmissionResponse> submit(@Valid @RequestBody ApplicationRequest request) {
    RuralGrantService.Submitted submitted = service.submit(request);
    URI status = UriComponentsBuilder.fromPath("/api/rural-grants/applications/{number}")
        .buildAndExpand(submitted.caseNumber()).encode().toUri();
    return ResponseEntity.created(status).body(new SubmissionResponse(submitted.caseNumber(), status));
  }

  @GetMapping("/{caseNumber}")
  public RuralGrantService.Status status(@PathVariable String caseNumber) {
    return service.status(caseNumber);
  }

  @PostMapping("/{caseNumber}/documents-supplemented")
  public ResponseEntity<Void> documentsSupplemented(@PathVariable String caseNumber) {
    service.supplementDocuments(caseNumber);
    return ResponseEntity.accepted().build();
  }

  @PostMapping("/{caseNumber}/departure")
  public ResponseEntity<Void> departure(@PathVariable String caseNumber, @Valid @RequestBody DepartureRequest request) {
    service.reportDeparture(caseNumber, request.departureDate());
    return ResponseEntity.accepted().build();
  }
}
