package ru.kuzbass.edu.workflows.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The checker behind {@link RulesTraceTest}, on a small configuration and page of its own. */
class RulesTraceCheckerTest {

  private static final String YAML = """
      demo:
        case-number-prefix: DM
        wait-days: 10
        defaults:
          amount: 1000
          weights: {first: 0.5, second: 0.5}
          kinds: [A, B]
        years:
          2027:
            amount: 2000
        names:
          REGIONAL: областной бюджет
      other:
        ignored: 1
      """;

  private static final String DMN = """
      <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" namespace="n">
        <decision id="demo-eligibility"><decisionTable id="t">
          <rule id="Rule_Amount"/><rule id="Rule_Kind"/>
        </decisionTable></decision>
      </definitions>
      """;

  private static final String PAGE = """
      # Rules

      | process | override section |
      |---|---|
      | demo | `demo.wait-days` |

      | rule | configuration key | default | source |
      |---|---|---|---|
      | the amount (table `demo-eligibility`, `Rule_Amount`) | `demo.defaults.amount` | 1000 | Government decree № 1 of 1 Jan 2020 |
      | the weights | `demo.defaults.weights.first`, `demo.defaults.weights.second` | 0.5 / 0.5 | the programme: «half and half» |
      | the kinds (`Rule_Kind`) | `demo.defaults.kinds` | A, B | local default, to be confirmed (no act) |

      | setting | configuration key | default | why it is not a rule |
      |---|---|---|---|
      | overrides | `demo.years` | none | a container |
      | names | `demo.names`, `demo.case-number-prefix` | | wording |
      """;

  private static final Set<String> KEYS = RulesTrace.configurationKeys(YAML, List.of("demo"));

  @Test
  void leavesListsPerYearMapsAndMapsOfDataAreOneKeyEach() {
    assertThat(KEYS).containsExactlyInAnyOrder("demo.case-number-prefix", "demo.wait-days", "demo.defaults.amount",
        "demo.defaults.weights.first", "demo.defaults.weights.second", "demo.defaults.kinds", "demo.years", "demo.names");
  }

  @Test
  void aKeyOnlyInATableOfAnotherKindIsReportedAsMissing() {
    assertThat(RulesTrace.problems(KEYS, RulesTrace.dmnIds(DMN), PAGE))
        .containsExactly("configuration keys without a row in docs/rules.md: demo.wait-days");
  }

  @Test
  void aPageWithEveryKeyHasNoProblems() {
    String complete = PAGE + "| the wait | `demo.wait-days` | 10 | local default, to be confirmed |\n";
    // the row above is in the settings table, which is enough for a key
    assertThat(RulesTrace.problems(KEYS, RulesTrace.dmnIds(DMN), complete)).isEmpty();
  }

  @Test
  void everyMissingKeyAndDmnIdIsNamed() {
    String page = PAGE.replace("| the amount (table `demo-eligibility`, `Rule_Amount`) | `demo.defaults.amount` |", "| the amount | |");
    assertThat(RulesTrace.problems(KEYS, RulesTrace.dmnIds(DMN), page)).containsExactly(
        "configuration keys without a row in docs/rules.md: demo.defaults.amount, demo.wait-days",
        "DMN decisions and rules without a rule row in docs/rules.md: Rule_Amount, demo-eligibility");
  }

  @Test
  void aRowForAKeyTheConfigurationNoLongerHasIsReported() {
    String page = PAGE + "| the wait | `demo.wait-days` | 10 | local default, to be confirmed |\n"
        + "| the old minimum | `demo.min-count`, `spring.elsewhere` | 10 | local default, to be confirmed |\n";
    // demo.min-count moved or went; spring.* is a section the check does not read, so it is not judged
    assertThat(RulesTrace.problems(KEYS, RulesTrace.dmnIds(DMN), page))
        .containsExactly("rows in docs/rules.md name keys that application.yml no longer has: demo.min-count");
  }

  @Test
  void aRuleWithoutItsSourceIsReported() {
    String page = PAGE.replace("| 0.5 / 0.5 | the programme: «half and half» |", "| 0.5 / 0.5 | our choice |")
        + "| the wait | `demo.wait-days` | 10 | local default, to be confirmed |\n";
    assertThat(RulesTrace.problems(KEYS, RulesTrace.dmnIds(DMN), page))
        .singleElement().asString().startsWith("the rule «the weights» has a source").endsWith("\"our choice\"");
  }

  @Test
  void aSourceIsAQuotationWithItsDocumentANamedActOrTheLocalDefault() {
    assertThat(RulesTrace.namesItsSource("ИРО Кузбасса presentation: «50% участников»")).isTrue();
    assertThat(RulesTrace.namesItsSource("Federal Law № 152-ФЗ of 27 Jul 2006")).isTrue();
    assertThat(RulesTrace.namesItsSource("Government decree No. 1430 of 9 Nov 2019")).isTrue();
    assertThat(RulesTrace.namesItsSource("local default, to be confirmed")).isTrue();
    assertThat(RulesTrace.namesItsSource("local default, to be confirmed (placeholder)")).isTrue();
    assertThat(RulesTrace.namesItsSource("«50%»")).as("a quotation without its document").isFalse();
    assertThat(RulesTrace.namesItsSource("local default")).isFalse();
    assertThat(RulesTrace.namesItsSource("")).isFalse();
  }
}
