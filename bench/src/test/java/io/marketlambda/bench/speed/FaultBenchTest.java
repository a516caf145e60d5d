package io.marketlambda.bench.speed;

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
