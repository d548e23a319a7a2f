package ru.kuzbass.edu.workflows.youngteacher;

import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** The school's request to support a young teacher, and the case's status; staff only (HR, ADMIN). */
@RestController
@RequestMapping("/api/young-teachers")
public class YoungTeacherController {

  private final YoungTeacherService service;

  public YoungTeacherController(YoungTeacherService service) {
    this.service = service;
  }

  public record StartResponse(String caseNumber, URI statusUrl) {}

  @PostMapping
  public ResponseEntity<StartResponse> start(@Valid @RequestBody StartRequest request) {
    String number = service.start(request).caseNumber();
    URI status = UriComponentsBuilder.fromPath("/api/young-teachers/{number}").buildAndExpand(number).encode().toUri();
    return ResponseEntity.created(status).body(new StartResponse(number, status));
  }

  @GetMapping("/{caseNumber}")
  public YoungTeacherService.Status status(@PathVariable String caseNumber) {
    return service.status(caseNumber);
  }
}
