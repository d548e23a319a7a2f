package ru.kuzbass.edu.workflows.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The benchmark rewrites only its own part of docs/benchmarks.md; the findings people wrote stay. */
class BenchmarkReportTest {

  @Test
  void replacesOnlyTheGeneratedPart() {
    String report = "# Benchmarks\n\nIntro.\n\n" + BenchmarkReport.BEGIN + "\nold table\n" + BenchmarkReport.END + "\n\n## Findings\n- kept\n";

    String updated = BenchmarkReport.withGenerated(report, "new table\n");

    assertThat(updated).isEqualTo(
        "# Benchmarks\n\nIntro.\n\n" + BenchmarkReport.BEGIN + "\nnew table\n" + BenchmarkReport.END + "\n\n## Findings\n- kept\n");
  }

  @Test
  void startsAReportThatHasNoGeneratedPartYet() {
    String updated = BenchmarkReport.withGenerated("", "table\n");

    assertThat(updated).isEqualTo("# Benchmarks\n\n" + BenchmarkReport.BEGIN + "\ntable\n" + BenchmarkReport.END + "\n");
  }
}
