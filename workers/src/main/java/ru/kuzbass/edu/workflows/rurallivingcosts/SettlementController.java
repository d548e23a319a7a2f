package ru.kuzbass.edu.workflows.rurallivingcosts;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.kuzbass.edu.workflows.platform.CsvImport;
import ru.kuzbass.edu.workflows.ruralgrant.SettlementType;

/**
 * The staff import of the settlement register: JSON (one settlement or a list) or CSV with the
 * header {@link #CSV_HEADER}. One bad settlement imports nothing.
 */
@RestController
@RequestMapping("/api/rural-living-costs/settlements")
public class SettlementController {

  static final String CSV_HEADER = "code,name,municipality_code,type,population";
  private static final String TOO_MANY = "Не более 10 000 населённых пунктов";

  private final SettlementRegister register;
  private final Validator validator;

  public SettlementController(SettlementRegister register, Validator validator) {
    this.register = register;
    this.validator = validator;
  }

  public record Settlements(
      @NotEmpty(message = "Нет ни одного населённого пункта") @Size(max = 10_000, message = TOO_MANY)
      @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
      List<@NotNull @Valid Settlement> settlements) {}

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Integer> importJson(@Valid @RequestBody Settlements body) {
    return Map.of("imported", register.store(body.settlements()));
  }

  @PostMapping(consumes = "text/csv")
  public Map<String, Integer> importCsv(@RequestBody String csv) {
    List<CsvImport.Row> rows = CsvImport.read(csv, CSV_HEADER, "settlements", "code", Settlement.CODE,
        "код, название, код муниципального образования, тип и численность населения");
    List<Settlement> settlements = new ArrayList<>();
    for (CsvImport.Row row : rows) {
      SettlementType type;
      try {
        type = SettlementType.valueOf(row.field(3));
      } catch (IllegalArgumentException e) {
        throw row.bad("type", "тип: VILLAGE, WORKERS_SETTLEMENT, URBAN_TYPE_SETTLEMENT или TOWN");
      }
      Integer population;
      try {
        population = Integer.valueOf(row.field(4));
      } catch (NumberFormatException e) {
        throw row.bad("population", "численность — целое число");
      }
      Settlement s = new Settlement(row.field(0), row.field(1), row.field(2), type, population);
      validator.validate(s).stream().min(Comparator.comparing((ConstraintViolation<?> v) -> v.getPropertyPath().toString()))
          .ifPresent(v -> {
            throw row.bad(v.getPropertyPath().toString(), v.getMessage());
          });
      settlements.add(s);
    }
    return Map.of("imported", register.store(settlements));
  }
}
