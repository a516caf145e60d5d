package io.marketlambda.bench.speed;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketlambda.core.config.Settings;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.localstack.LocalStackEndpoints;
import io.marketlambda.testing.LeanTradeTicks;
import io.marketlambda.testing.LocalStackExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench speed} end to end at a small rate: both pipelines see every marker quote in HBase,
 * and the report names both and their ratio. Figures are not asserted (they belong to the
 * benchmark's run, not to a test).
 */
@ExtendWith(LocalStackExtension.class)
class SpeedBenchmarkIT {
  @Test
  void bothPipelinesMakeEveryMarkerVisibleAndTheReportComparesThem(
      LocalStackEndpoints endpoints, @TempDir Path lake) throws Exception {
    List<Quote> template = new ArrayList<>();
    for (LeanTradeTicks.Tick tick : LeanTradeTicks.read("IBM").ticks().subList(0, 1000)) {
      template.add(
          new Quote(Symbol.of("IBM"), tick.time(), tick.priceUsd(), tick.size(), "t", tick.line()));
    }
    List<String> report = new ArrayList<>();

    List<SpeedBenchmark.Step> steps =
        new SpeedBenchmark(
                Settings.of(endpoints.asProperties())
                    .withOverrides(List.of("speed.trigger-interval=500ms")),
                template,
                List.of(200),
                Duration.ofSeconds(3),
                Duration.ZERO,
                lake,
                true,
                report::add)
            .run();

    assertThat(steps)
        .extracting(SpeedBenchmark.Step::pipeline)
        .containsExactly("baseline", "speed");
    assertThat(steps)
        .allSatisfy(
            step -> {
              assertThat(step.markersSent()).isGreaterThan(50);
              assertThat(step.markersSeen()).isEqualTo(step.markersSent());
              assertThat(step.produced()).isGreaterThanOrEqualTo(600);
              assertThat(step.p99Millis()).isGreaterThanOrEqualTo(step.p50Millis());
            });
    assertThat(report).anyMatch(line -> line.startsWith("sustained: speed layer"));
    assertThat(report).anyMatch(line -> line.startsWith("at 200 quotes/s: latest quote p50"));
  }
}
