package ru.kuzbass.edu.workflows.ruralgrant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.dmn.engine.DmnDecision;
import org.operaton.bpm.dmn.engine.DmnDecisionResult;
import org.operaton.bpm.dmn.engine.DmnEngine;
import org.operaton.bpm.dmn.engine.DmnEngineConfiguration;

/**
 * The eligibility table as packaged, on Operaton's DMN engine with its Scala FEEL (as the embedded
 * engine evaluates it), one rule at a time, with the thresholds passed in as configuration.
 */
class RuralGrantEligibilityTableTest {

  private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private static DmnDecision table;

  @BeforeAll
  static void parse() throws IOException {
    try (InputStream in = RuralGrantEligibilityTableTest.class.getResourceAsStream("/processes/rural-teacher-grant/rural-grant-eligibility.dmn")) {
      table = DMN.parseDecision("rural-grant-eligibility", in);
    }
  }

  private static Map<String, Object> eligible() {
    Map<String, Object> v = new HashMap<>();
    v.put("settlementType", "VILLAGE");
    v.put("settlementPopulation", 1200);
    v.put("vacancyListed", true);
    v.put("applicantAge", 54);
    v.put("weeklyLoadHours", 18);
    v.put("submittedOn", "2027-04-15");
    v.put("allowedSettlementTypes", List.of("VILLAGE", "WORKERS_SETTLEMENT", "URBAN_TYPE_SETTLEMENT", "TOWN"));
    v.put("maxPopulation", 50_000);
    v.put("minWeeklyLoadHours", 18);
    v.put("ageLimit", null);
    v.put("windowStart", "2027-01-10");
    v.put("windowEnd", "2027-04-15");
    v.put("relocationRule", "DIFFERENT_SETTLEMENT");
    v.put("sameSettlement", false);
    return v;
  }

  private static DmnDecisionResult evaluate(Map<String, Object> variables) {
    return DMN.evaluateDecision(table, variables);
  }

  private static List<String> reasons(Map<String, Object> variables) {
    return evaluate(variables).collectEntries("code");
  }

  @Test
  void theBoundariesAreInclusive() {
    Map<String, Object> v = eligible();
    v.put("settlementPopulation", 50_000);
    v.put("ageLimit", 54);
    assertThat(reasons(v)).isEmpty();
  }

  @Test
  void eachBrokenConditionIsAReason() {
    Map<String, Object> v = eligible();
    v.put("settlementType", "TOWN");
    v.put("allowedSettlementTypes", List.of("VILLAGE"));
    v.put("settlementPopulation", 50_001);
    v.put("vacancyListed", false);
    v.put("ageLimit", 53);
    v.put("weeklyLoadHours", 17);
    v.put("submittedOn", "2027-04-16");
    v.put("sameSettlement", true);
    assertThat(reasons(v)).containsExactlyInAnyOrder(
        "SETTLEMENT_TYPE", "POPULATION", "VACANCY", "AGE", "TEACHING_LOAD", "SUBMISSION_WINDOW", "RELOCATION");
    // the thresholds in the texts come from the configuration, not from the table
    assertThat(evaluate(v).<String>collectEntries("text")).contains(
        "Численность населения превышает 50000 человек", "Возраст заявителя превышает 53 лет",
        "Учебная нагрузка меньше 18 часов в неделю", "Заявление подано после окончания приёма заявлений");
  }

  @Test
  void aTeacherWhoLivedInTheSchoolsSettlementHasNotMovedThere() {
    Map<String, Object> v = eligible();
    v.put("sameSettlement", true);
    assertThat(reasons(v)).containsExactly("RELOCATION");
    assertThat(evaluate(v).<String>collectEntries("text")).containsExactly("Прежнее место жительства находится в том же населённом "
        + "пункте, что и школа: выплата предоставляется педагогам, переехавшим на работу в этот населённый пункт");
  }

  @Test
  void withoutTheRelocationRuleTheSameSettlementIsNoReason() {
    Map<String, Object> v = eligible();
    v.put("sameSettlement", true);
    v.put("relocationRule", "NONE");
    assertThat(reasons(v)).isEmpty();
  }

  @Test
  void noAgeLimitMeansAnyAge() {
    Map<String, Object> v = eligible();
    v.put("applicantAge", 70);
    assertThat(reasons(v)).isEmpty();
  }

  @Test
  void beforeTheWindowOpensIsTooEarly() {
    Map<String, Object> v = eligible();
    v.put("submittedOn", "2027-01-09");
    assertThat(reasons(v)).containsExactly("SUBMISSION_WINDOW");
  }
}
