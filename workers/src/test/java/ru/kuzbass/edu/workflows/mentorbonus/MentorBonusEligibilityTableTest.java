package ru.kuzbass.edu.workflows.mentorbonus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import ru.kuzbass.edu.workflows.support.ProcessTest;

/**
 * Each eligibility rule at its boundary, evaluated by the embedded engine's DMN engine (the deployed
 * table, FEEL), with the default thresholds passed in as configuration.
 */
class MentorBonusEligibilityTableTest extends ProcessTest {

  private static Map<String, Object> eligible() {
    Map<String, Object> v = new HashMap<>();
    v.put("mentorExperienceYears", 5);
    v.put("mentorQualification", "FIRST");
    v.put("mentees", List.of(Map.of("age", 34, "experienceYears", 3)));
    v.put("currentMenteeCount", 2);
    v.put("overlappingBonus", false);
    v.put("minMentorExperienceYears", 5);
    v.put("mentorQualifications", List.of("FIRST", "HIGHEST"));
    v.put("menteeAgeLimit", 35);
    v.put("menteeMaxExperienceYears", 3);
    v.put("maxMenteesPerMentor", 3);
    return v;
  }

  private List<String> reasons(Map<String, Object> variables) {
    return operaton.engine().getDecisionService().evaluateDecisionTableByKey(MentorBonusSteps.DECISION_ID, variables).getResultList()
        .stream().map(r -> (String) r.get("code")).toList();
  }

  @Test
  void everyBoundaryValueIsStillEligible() {
    assertThat(reasons(eligible())).isEmpty();
  }

  @ParameterizedTest(name = "{0} = {1} gives {2}")
  @CsvSource({
      "mentorExperienceYears, 4, MENTOR_EXPERIENCE",
      "mentorQualification, NONE, MENTOR_QUALIFICATION",
      "menteeAge, 35, MENTEE_AGE",
      "menteeExperience, 4, MENTEE_EXPERIENCE",
      "currentMenteeCount, 3, MENTEE_LIMIT",
      "overlappingBonus, true, OVERLAPPING_BONUS"})
  void oneStepPastTheBoundaryIsAReason(String fact, String value, String reason) {
    Map<String, Object> v = eligible();
    switch (fact) {
      case "menteeAge" -> v.put("mentees", List.of(Map.of("age", Integer.parseInt(value), "experienceYears", 3)));
      case "menteeExperience" -> v.put("mentees", List.of(Map.of("age", 34, "experienceYears", Integer.parseInt(value))));
      case "mentorQualification" -> v.put(fact, value);
      case "overlappingBonus" -> v.put(fact, Boolean.parseBoolean(value));
      default -> v.put(fact, Integer.parseInt(value));
    }
    assertThat(reasons(v)).containsExactly(reason);
  }

  @Test
  void oneTooOldMenteeAmongSeveralIsEnough() {
    Map<String, Object> v = eligible();
    v.put("currentMenteeCount", 0);
    v.put("mentees", List.of(Map.of("age", 25, "experienceYears", 1), Map.of("age", 36, "experienceYears", 1)));
    assertThat(reasons(v)).containsExactly("MENTEE_AGE");
  }
}
