package io.marketlambda.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarBuilderRollUpTest {
  private static final Symbol IBM = Symbol.of("IBM");

  private static Bar minute(String start, double o, double h, double l, double c, double v) {
    return new Bar(
        IBM, BarInterval.ONE_MINUTE, Instant.parse(start), o, h, l, c, v, (h + l + c) / 3, 2);
  }

  @Test
  void minutesRollUpIntoTheFiveMinuteBarsHoldingThem() {
    List<Bar> minutes =
        List.of(
            minute("2013-10-07T13:30:00Z", 10, 12, 9, 11, 100),
            minute("2013-10-07T13:31:00Z", 11, 13, 10, 12, 300),
            minute("2013-10-07T13:35:00Z", 12, 12, 8, 9, 0));

    List<Bar> bars = BarBuilder.rollUp(minutes, BarInterval.FIVE_MINUTES);

    assertThat(bars).hasSize(2);
    Bar first = bars.get(0);
    assertThat(first.start()).isEqualTo(Instant.parse("2013-10-07T13:30:00Z"));
    assertThat(first.interval()).isEqualTo(BarInterval.FIVE_MINUTES);
    assertThat(List.of(first.openUsd(), first.highUsd(), first.lowUsd(), first.closeUsd()))
        .containsExactly(10.0, 13.0, 9.0, 12.0);
    assertThat(first.volumeShares()).isEqualTo(400);
    // VWAP weighted by volume: (100 x 32/3 + 300 x 35/3) / 400 = 13,700 / 1,200
    assertThat(first.vwapUsd()).isCloseTo(13_700.0 / 1_200, within(1e-12));
    assertThat(first.tradeCount()).isEqualTo(4);
    // No volume: the typical price (12 + 8 + 9) / 3.
    assertThat(bars.get(1).vwapUsd()).isCloseTo(29.0 / 3, within(1e-12));
  }

  @Test
  void nothingRollsUpToNothing() {
    assertThat(BarBuilder.rollUp(List.of(), BarInterval.ONE_HOUR)).isEmpty();
  }
}
