package io.marketlambda.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatenciesTest {
  @Test
  void percentilesOfOneToAThousandMillisecondsAreTheirNearestRanks() {
    long[] nanos = new long[1_000];
    for (int i = 0; i < nanos.length; i++) {
      nanos[i] = (nanos.length - i) * 1_000_000L; // 1,000 ms down to 1 ms, unsorted on purpose
    }

    Latencies latencies = Latencies.ofNanos(nanos, nanos.length);

    assertThat(latencies.count()).isEqualTo(1_000);
    // Nearest rank: p50 of 1..1000 is the 500th value, p99 the 990th, p99.9 the 999th; the
    // histogram keeps three significant digits (0.1 %).
    assertThat(latencies.percentileMillis(50)).isCloseTo(500, within(0.5));
    assertThat(latencies.percentileMillis(99)).isCloseTo(990, within(1.0));
    assertThat(latencies.percentileMillis(99.9)).isCloseTo(999, within(1.0));
    assertThat(latencies.percentileMillis(100)).isCloseTo(1_000, within(1.0));
  }

  @Test
  void onlyTheCountedValuesAreRecordedAndNoneIsNaN() {
    assertThat(Latencies.ofNanos(new long[] {5_000_000L, 7_000_000L}, 1).percentileMillis(99))
        .isCloseTo(5, within(0.01));
    assertThat(new Latencies().percentileMillis(50)).isNaN();
  }
}
