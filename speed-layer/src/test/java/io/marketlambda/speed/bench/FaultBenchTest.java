package io.marketlambda.speed.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultBenchTest {
  @Test
  void theReportHasARowPerFaultAndASummaryLineWithoutTheReferenceRun() {
    List<String> lines =
        FaultBench.report(
            List.of(
                new FaultBench.Row(
                    FaultBench.Fault.F0, 24_294, 0, 0, 0, 0, Double.NaN, 15_000, List.of()),
                new FaultBench.Row(
                    FaultBench.Fault.F1, 24_294, 3, 2, 0, 0, 21.25, Double.NaN, List.of("x")),
                new FaultBench.Row(
                    FaultBench.Fault.F4, 34_294, 1, 0, 9_999, 0, Double.NaN, 14_000, List.of())));

    assertThat(lines)
        .contains(
            "| F0 no fault: the reference run | 24,294 | 0 | 0 | 0 | 0 | - | 15,000 | pass |",
            "| F1 SIGKILL of the speed JVM mid-micro-batch, 3 times, each restarted at once"
                + " | 24,294 | 3 | 2 | 0 | 0 | 21.3 | - | FAIL: x |")
        .last()
        .isEqualTo("faults: 2 injected, lost 4, duplicated 2");
  }

  @Test
  void itRefusesTradesOfAnotherSymbolAndAPublishingTimeUnderTenSeconds() {
    Quote spy = new Quote(Symbol.of("SPY"), Instant.EPOCH, 1, 1, "t", 1);
    Quote ibm = new Quote(Symbol.of("IBM"), Instant.EPOCH, 1, 1, "t", 1);
    assertThatThrownBy(
            () ->
                new FaultBench(
                    Map.of(), List.of(spy), Duration.ofMinutes(1), Path.of("w"), c -> {}, s -> {}))
        .hasMessage("Cannot run the fault suite without IBM's trades only");
    assertThatThrownBy(
            () ->
                new FaultBench(
                    Map.of(), List.of(ibm), Duration.ofSeconds(9), Path.of("w"), c -> {}, s -> {}))
        .hasMessage("Cannot offer the day in PT9S: give at least 10 s");
  }
}
