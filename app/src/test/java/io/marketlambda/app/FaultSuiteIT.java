package io.marketlambda.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketlambda.testing.SharedData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench faults --faults F7,F8} as a user runs it, on its own local stack. F7: the Alpha
 * Vantage ingest against the recorded responses served with faults (500, rate-limit and quota
 * bodies, a stalled body, a CSV cut at a line boundary) and the Kafka broker stopped while it
 * publishes; every bar of the responses in the topic once. F8: Lean's daily bars imported, a batch
 * run exported to the serving copy, then a later one exported while the HTTP API is read at load;
 * every answer a 200 of the old or the new view.
 */
class FaultSuiteIT {
  @Test
  void theIngestLosesNoBarAndTheServingCopySwapAnswersEveryRequestWithOneWholeView(
      @TempDir Path work) {
    String printed =
        Commands.run(
            "bench",
            "faults",
            "--faults",
            "F7,F8",
            "--work",
            work.toString(),
            "--data-dir",
            SharedData.root().toString());

    assertThat(printed)
        .contains("F7: passed, ")
        .containsPattern(
            "\\| F7 Alpha Vantage .* \\| 11,290 \\| 0 \\| 0 \\| 0 \\| 0 \\| [0-9.]+ \\| - \\| pass \\|")
        .contains("F8: passed, ")
        .containsPattern(
            "\\| F8 serving copy swapped while the API is read at load \\| [0-9,]+ \\| 0 \\| 0 \\|"
                + " 0 \\| 0 \\| [0-9.]+ \\| [0-9,]+ \\| pass \\|")
        .contains("faults: 2 injected, lost 0, duplicated 0");
  }
}
