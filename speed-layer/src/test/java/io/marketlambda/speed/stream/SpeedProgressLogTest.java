package io.marketlambda.speed.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpeedProgressLogTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void overrunsAreSummedUpOnceAWindowEnds() {
    SpeedProgressLog.Overruns overruns = new SpeedProgressLog.Overruns("speed-views", 1_000, 0);

    assertThat(overruns.add(400, 10 * SECOND)).isEmpty();
    assertThat(overruns.add(2_380, 20 * SECOND)).isEmpty();
    assertThat(overruns.add(1_200, 40 * SECOND)).isEmpty();

    assertThat(overruns.add(900, 61 * SECOND))
        .hasValueSatisfying(
            summary ->
                assertThat(summary)
                    .startsWith("speed-views: 2 of 4 micro-batches in the last 61 s")
                    .contains("the 1000 ms trigger interval (longest 2380 ms)"));
  }

  @Test
  void aWindowWithoutOverrunsSaysNothingAndTheNextStartsAfresh() {
    SpeedProgressLog.Overruns overruns = new SpeedProgressLog.Overruns("speed-views", 1_000, 0);

    assertThat(overruns.add(3_000, 30 * SECOND)).isEmpty();
    assertThat(overruns.add(500, 60 * SECOND)).isPresent();
    assertThat(overruns.add(1_000, 90 * SECOND)).as("at the interval is not over it").isEmpty();
    assertThat(overruns.add(500, 120 * SECOND)).isEmpty();
  }
}
