package ru.kuzbass.edu.workflows.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import ru.kuzbass.edu.workflows.support.PackagedApplication;

/**
 * docs/rules.md accounts for every rule of the system: each key of the rule-bearing sections of
 * application.yml and each decision and rule of the DMN tables has a row, and each rule row names
 * its source (see {@link RulesTrace}).
 */
class RulesTraceTest {

  private static final Path ROOT = PackagedApplication.root();

  @Test
  void everyRuleHasARowWithItsSource() throws IOException {
    Set<String> keys = RulesTrace.configurationKeys(
        Files.readString(ROOT.resolve("workers/src/main/resources/application.yml")), RulesTrace.SECTIONS);
    Set<String> dmnIds = new TreeSet<>();
    try (Stream<Path> files = Files.walk(ROOT.resolve("processes"))) {
      for (Path dmn : files.filter(f -> f.toString().endsWith(".dmn")).toList()) {
        dmnIds.addAll(RulesTrace.dmnIds(Files.readString(dmn)));
      }
    }
    // the walk found what it should, so that a renamed section cannot pass by checking nothing
    assertThat(keys).contains("ruralgrant.defaults.grant-amount", "mentoring.defaults.monthly-amount",
        "pedclass.defaults.study-due", "cadre.defaults.pass-share", "workflows.retention.years");
    assertThat(dmnIds).contains("rural-grant-eligibility", "mentor-bonus-eligibility");

    assertThat(RulesTrace.problems(keys, dmnIds, Files.readString(ROOT.resolve("docs/rules.md")))).isEmpty();
  }
}
