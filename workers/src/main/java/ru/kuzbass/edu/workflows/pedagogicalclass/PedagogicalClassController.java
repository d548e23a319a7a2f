package ru.kuzbass.edu.workflows.pedagogicalclass;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.kuzbass.edu.workflows.platform.ApiProblem;

@RestController
@Validated
@RequestMapping("/api/pedagogical-classes")
public class PedagogicalClassController {

  private final PedagogicalClassService service;

  public PedagogicalClassController(PedagogicalClassService service) {
    this.service = service;
  }

  public record School(
      @jakarta.validation.constraints.NotBlank(message = "Укажите код школы")
      @jakarta.validation.constraints.Pattern(regexp = "^[0-9A-Za-z\\-]{1,32}$", message = "Код школы: до 32 латинских букв, цифр и дефисов") String schoolCode,
      @jakarta.validation.constraints.NotBlank(message = "Укажите муниципалитет") @Size(max = 200) String municipality,
      @jakarta.validation.constraints.NotBlank(message = "Укажите электронную почту школы")
      @jakarta.validation.constraints.Email(message = "Адрес электронной почты указан неверно") String schoolEmail) {}

  public record Campaign(@NotEmpty(message = "Укажите школы") @Size(max = 1000, message = "Не более 1000 школ за раз") List<@Valid School> schools) {}

  public record CampaignResult(int started, int alreadyRunning, List<String> caseNumbers) {}

  @PostMapping("/openings")
  public ResponseEntity<PedagogicalClassService.Started> start(@Valid @RequestBody OpeningRequest request) {
    PedagogicalClassService.Started started = service.start(request);
    return ResponseEntity.status(started.created() ? HttpStatus.CREATED : HttpStatus.OK).body(started);
  }

  /** Where the school's case is: the open steps and their deadlines (staff only, like the other status look-ups of schools' cases). */
  @GetMapping("/openings/{caseNumber}")
  public PedagogicalClassService.Status status(@PathVariable String caseNumber) {
    return service.status(caseNumber);
  }

  /** Starts the year's case for every school listed; schools that have one already are left alone. */
  @PostMapping("/campaigns/{year}")
  public CampaignResult campaign(@PathVariable int year, @Valid @RequestBody Campaign campaign) {
    if (year < 2020 || year > 2100) {
      throw ApiProblem.badField("year", "Учебный год указан неверно");
    }
    int started = 0;
    List<String> numbers = new java.util.ArrayList<>();
    for (School s : campaign.schools()) {
      PedagogicalClassService.Started r = service.start(new OpeningRequest(s.schoolCode(), s.municipality(), s.schoolEmail(), year));
      started += r.created() ? 1 : 0;
      numbers.add(r.caseNumber());
    }
    return new CampaignResult(started, campaign.schools().size() - started, numbers);
  }

  @GetMapping("/summary")
  public List<PedagogicalClassService.MunicipalitySummary> summary(@RequestParam int year) {
    return service.summary(year);
  }
}
