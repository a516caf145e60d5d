package io.marketlambda.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BarTest {
  private static final Symbol IBM = new Symbol("IBM");
  private static final Instant START = Instant.parse("2013-10-07T13:30:00Z");
  private static final String PREFIX = "Cannot create bar IBM 1m 2013-10-07T13:30:00Z: ";

  @Test
  void keepsItsComponents() {
    Bar bar = minuteBar(11.0, 12.0, 10.0, 11.5, 1500.5, 11.2, 7);

    assertThat(bar.symbol()).isEqualTo(IBM);
    assertThat(bar.interval()).isEqualTo(BarInterval.ONE_MINUTE);
    assertThat(bar.start()).isEqualTo(START);
    assertThat(bar.openUsd()).isEqualTo(11.0);
    assertThat(bar.highUsd()).isEqualTo(12.0);
    assertThat(bar.lowUsd()).isEqualTo(10.0);
    assertThat(bar.closeUsd()).isEqualTo(11.5);
    assertThat(bar.volumeShares()).isEqualTo(1500.5);
    assertThat(bar.vwapUsd()).isEqualTo(11.2);
    assertThat(bar.tradeCount()).isEqualTo(7);
  }

  @Test
  void acceptsAFlatBarWithoutTrades() {
    Bar bar = minuteBar(11.0, 11.0, 11.0, 11.0, 0, 11.0, 0);

    assertThat(bar.volumeShares()).isZero();
  }

  @Test
  void rejectsHighBelowOpen() {
    assertThatThrownBy(() -> minuteBar(11.0, 10.0, 9.0, 10.0, 100, 10.0, 1))
        .isInstanceOfSatisfying(
            InvalidRecordException.class,
            e -> {
              assertThat(e.field()).isEqualTo("highUsd");
              assertThat(e.reason()).isEqualTo("10.0 is below openUsd 11.0");
            })
        .hasMessage(PREFIX + "highUsd 10.0 is below openUsd 11.0");
  }

  @Test
  void rejectsHighBelowClose() {
    assertThatThrownBy(() -> minuteBar(10.0, 11.0, 9.0, 11.5, 100, 10.0, 1))
        .hasMessage(PREFIX + "highUsd 11.0 is below closeUsd 11.5");
  }

  @Test
  void rejectsLowAboveOpenOrClose() {
    assertThatThrownBy(() -> minuteBar(10.0, 12.0, 10.5, 11.0, 100, 11.0, 1))
        .hasMessage(PREFIX + "lowUsd 10.5 is above openUsd 10.0");
    assertThatThrownBy(() -> minuteBar(11.0, 12.0, 10.5, 10.0, 100, 11.0, 1))
        .hasMessage(PREFIX + "lowUsd 10.5 is above closeUsd 10.0");
  }

  @Test
  void rejectsPricesThatAreNotPositiveAndFinite() {
    assertThatThrownBy(() -> minuteBar(-1.0, 12.0, 10.0, 11.0, 100, 11.0, 1))
        .hasMessage(PREFIX + "openUsd -1.0 is not a positive finite number");
    assertThatThrownBy(() -> minuteBar(11.0, Double.POSITIVE_INFINITY, 10.0, 11.0, 100, 11.0, 1))
        .hasMessage(PREFIX + "highUsd Infinity is not a positive finite number");
    assertThatThrownBy(() -> minuteBar(11.0, 12.0, 10.0, 11.0, 100, Double.NaN, 1))
        .hasMessage(PREFIX + "vwapUsd NaN is not a positive finite number");
  }

  @Test
  void rejectsNegativeOrNonFiniteVolumeAndNegativeTradeCount() {
    assertThatThrownBy(() -> minuteBar(11.0, 12.0, 10.0, 11.0, -0.5, 11.0, 1))
        .hasMessage(PREFIX + "volumeShares -0.5 is not a finite number >= 0");
    assertThatThrownBy(() -> minuteBar(11.0, 12.0, 10.0, 11.0, Double.NaN, 11.0, 1))
        .hasMessage(PREFIX + "volumeShares NaN is not a finite number >= 0");
    assertThatThrownBy(() -> minuteBar(11.0, 12.0, 10.0, 11.0, 100, 11.0, -1))
        .hasMessage(PREFIX + "tradeCount -1 is negative");
  }

  @Test
  void rejectsAStartOffItsBoundary() {
    Instant offBoundary = Instant.parse("2013-10-07T13:32:00Z");

    assertThatThrownBy(
            () -> new Bar(IBM, BarInterval.FIVE_MINUTES, offBoundary, 11, 12, 10, 11, 100, 11, 1))
        .isInstanceOfSatisfying(
            InvalidRecordException.class, e -> assertThat(e.field()).isEqualTo("start"))
        .hasMessage(
            "Cannot create bar IBM 5m 2013-10-07T13:32:00Z: start 2013-10-07T13:32:00Z is not on"
                + " a 5m boundary; its bar starts at 2013-10-07T13:30:00Z");
  }

  @Test
  void rejectsADailyBarStartingAtUtcMidnight() {
    Instant utcMidnight = Instant.parse("2013-10-07T00:00:00Z");

    assertThatThrownBy(
            () -> new Bar(IBM, BarInterval.ONE_DAY, utcMidnight, 11, 12, 10, 11, 100, 11, 1))
        .hasMessageEndingWith("its bar starts at 2013-10-06T04:00:00Z");
  }

  @Test
  void endIsTheNextBoundary() {
    assertThat(minuteBar(11.0, 12.0, 10.0, 11.0, 100, 11.0, 1).end())
        .isEqualTo(Instant.parse("2013-10-07T13:31:00Z"));
    // Daylight saving ended on 2013-11-03, so that daily bar lasts 25 hours.
    Instant nov3 = Instant.parse("2013-11-03T04:00:00Z");
    Bar daily = new Bar(IBM, BarInterval.ONE_DAY, nov3, 11, 12, 10, 11, 100, 11, 1);
    assertThat(daily.end()).isEqualTo(Instant.parse("2013-11-04T05:00:00Z"));
  }

  @Test
  void namesMissingComponents() {
    assertThatThrownBy(() -> new Bar(IBM, null, START, 11, 12, 10, 11, 100, 11, 1))
        .hasMessage("Cannot create bar IBM 2013-10-07T13:30:00Z: interval is null");
  }

  private static Bar minuteBar(
      double open, double high, double low, double close, double volume, double vwap, long trades) {
    return new Bar(
        IBM, BarInterval.ONE_MINUTE, START, open, high, low, close, volume, vwap, trades);
  }

  @Test
  void aVendorBarWithoutVwapTakesTheTypicalPrice() {
    // Lean's IBM minute bar of 2013-10-07 09:30: H 182.24, L 181.85, C 182.15 -> 546.24 / 3.
    Bar bar =
        Bar.withTypicalPriceVwap(
            IBM, BarInterval.ONE_MINUTE, START, 182.0, 182.24, 181.85, 182.15, 174289);

    assertThat(bar.vwapUsd()).isCloseTo(182.08, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(bar.tradeCount()).isZero();
    assertThat(bar.volumeShares()).isEqualTo(174289);
  }
}
