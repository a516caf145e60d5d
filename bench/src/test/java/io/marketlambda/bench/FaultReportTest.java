package io.marketlambda.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FaultReportTest {
  @Test
  void theReportHasARowPerFaultAndASummaryLineWithoutTheReferenceRun() {
    List<String> lines =
        FaultReport.lines(
            List.of(
                new FaultRow("F0", "no fault", 24_294, 0, 0, 0, 0, Double.NaN, 15_000, List.of()),
                new FaultRow("F1", "SIGKILL", 24_294, 3, 2, 0, 0, 21.25, Double.NaN, List.of("x")),
                new FaultRow("F4", "poison", 34_294, 1, 0, 9_999, 0, Double.NaN, 14_000, List.of())
                    .withProblem("slow")));

    assertThat(lines)
        .containsSubsequence(
            "| fault | offered | lost | duplicated | dead-lettered | late-routed | recovery s |"
                + " records/s | verdict |",
            "|---|---|---|---|---|---|---|---|---|",
            "| F0 no fault | 24,294 | 0 | 0 | 0 | 0 | - | 15,000 | pass |",
            "| F1 SIGKILL | 24,294 | 3 | 2 | 0 | 0 | 21.3 | - | FAIL: x |",
            "| F4 poison | 34,294 | 1 | 0 | 9,999 | 0 | - | 14,000 | FAIL: slow |")
        .last()
        .isEqualTo("faults: 2 injected, lost 4, duplicated 2");
  }

  @Test
  void theSummaryOfARunSaysPassedOrWhatFailed() {
    FaultRow row = new FaultRow("F9", "killed", 1_200, 0, 0, 0, 0, 12.5, Double.NaN, List.of());

    assertThat(FaultReport.summary(row))
        .isEqualTo("F9: passed, 1,200 offered, 0 lost, 0 duplicated");
    assertThat(FaultReport.summary(row.withProblem("two run records")))
        .isEqualTo("F9: FAILED: two run records, 1,200 offered, 0 lost, 0 duplicated");
  }
}
