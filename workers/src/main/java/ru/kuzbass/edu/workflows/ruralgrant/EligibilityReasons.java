package ru.kuzbass.edu.workflows.ruralgrant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Objects;
import org.operaton.bpm.dmn.engine.DmnDecisionResult;
import org.operaton.bpm.dmn.engine.DmnDecisionResultEntries;
import org.springframework.stereotype.Component;

/**
 * What the eligibility table's result becomes in the case's variables. The business rule task's
 * output mapping calls it ({@code ${eligibilityReasons.codes(decisionResult)}}): the table collects a
 * code and a text per unmet condition, and a list of maps would be stored Java-serialised, so the
 * codes become one comma-separated string (empty: eligible) and the texts a JSON array of strings.
 */
@Component("eligibilityReasons")
public class EligibilityReasons {

  private final ObjectMapper json;

  public EligibilityReasons(ObjectMapper json) {
    this.json = json;
  }

  /** The codes of the unmet conditions, comma-separated; empty when the applicant is eligible. */
  public String codes(DmnDecisionResult result) {
    return String.join(",", result.stream().map(r -> Objects.toString(r.getEntry("code"))).toList());
  }

  /** The texts of the unmet conditions, as a JSON array of strings, in the applicant's language. */
  public String texts(DmnDecisionResult result) {
    return write(result.stream().map(EligibilityReasons::text).toList());
  }

  /** The texts back from {@link #texts}; an unset variable is no reason. */
  public List<String> read(String texts) {
    if (texts == null || texts.isBlank()) {
      return List.of();
    }
    try {
      return json.readValue(texts, new TypeReference<List<String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("ineligibilityReasons is not a JSON array of strings: " + e.getOriginalMessage(), e);
    }
  }

  private static String text(DmnDecisionResultEntries entries) {
    return Objects.toString(entries.getEntry("text"));
  }

  private String write(List<String> texts) {
    try {
      return json.writeValueAsString(texts);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
