package io.marketlambda.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.marketlambda.core.indicator.Indicators;
import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.testing.LeanTradeTicks;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link SessionIndicators}, bar by bar, against {@link Indicators}' whole-series arrays (checked
 * against TA-Lib in core) on IBM's real regular-session minutes of 2013-10-07.
 */
class SessionIndicatorsTest {
  private static final Symbol IBM = Symbol.of("IBM");
  private static final List<Bar> MINUTES = regularMinutes();

  @Test
  void eachBarsValuesEqualTheArraysOfTheWholeSession() {
    int n = MINUTES.size();
    double[] closes = new double[n];
    double[] volumes = new double[n];
    double[] vwaps = new double[n];
    for (int i = 0; i < n; i++) {
      closes[i] = MINUTES.get(i).closeUsd();
      volumes[i] = MINUTES.get(i).volumeShares();
      vwaps[i] = MINUTES.get(i).vwapUsd();
    }
    double[] change = Indicators.rateOfChange(closes, 5);
    double[][] expected = {
      Indicators.sma(closes, 5),
      Indicators.sma(closes, 15),
      Indicators.sma(closes, 60),
      Indicators.ema(closes, 5),
      Indicators.ema(closes, 15),
      Indicators.ema(closes, 60),
      Indicators.cumulativeVwap(vwaps, volumes),
      Indicators.realizedVolatility(closes, 30, 252.0 * 390),
      change,
      null, // previous change_5, checked below
      Indicators.trailingZScore(volumes, 30),
    };
    SessionIndicators session = new SessionIndicators();
    for (int i = 0; i < n; i++) {
      double[] values = session.next(MINUTES.get(i));
      for (int k = 0; k < expected.length; k++) {
        String what = IndicatorColumns.INDICATORS.get(k) + " of bar " + i;
        double want = k == 9 ? (i == 0 ? Double.NaN : change[i - 1]) : expected[k][i];
        if (Double.isNaN(want)) {
          assertThat(values[k]).as(what).isNaN();
        } else {
          assertThat(values[k])
              .as(what)
              .isCloseTo(want, within(1e-12 * Math.max(1, Math.abs(want))));
        }
      }
      assertThat(values[11]).as("opening gap without a previous session").isNaN();
    }
    assertThat(n).isEqualTo(390);
  }

  @Test
  void aNewTradingDateRestartsTheSessionAndGapsAgainstTheLastClose() {
    SessionIndicators session = new SessionIndicators();
    for (Bar bar : MINUTES) {
      session.next(bar);
    }
    Bar lastMonday = MINUTES.get(MINUTES.size() - 1);
    Bar tuesdayOpen =
        new Bar(
            IBM,
            BarInterval.ONE_MINUTE,
            Instant.parse("2013-10-08T13:30:00Z"),
            180,
            181,
            179,
            180.5,
            1000,
            180.2,
            10);

    double[] values = session.next(tuesdayOpen);

    assertThat(values[11]).isCloseTo(180 / lastMonday.closeUsd() - 1, within(1e-15));
    assertThat(values[0]).as("sma_5 restarts").isNaN();
    assertThat(values[6]).as("session VWAP restarts").isEqualTo(180.2);
  }

  @Test
  void theByteFormAndACopyGoOnExactlyAsTheOriginal() throws IOException {
    SessionIndicators original = new SessionIndicators();
    for (Bar bar : MINUTES.subList(0, 100)) {
      original.next(bar);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    original.write(new DataOutputStream(bytes));
    SessionIndicators read =
        SessionIndicators.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    SessionIndicators copy = original.copy();
    assertThat(bytes.size()).isLessThan(1024);

    for (Bar bar : MINUTES.subList(100, MINUTES.size())) {
      double[] expected = original.next(bar);
      assertThat(read.next(bar)).containsExactly(expected);
      assertThat(copy.next(bar)).containsExactly(expected);
    }
  }

  @Test
  void anExtendedHoursBarIsRefused() {
    Bar preMarket =
        new Bar(
            IBM,
            BarInterval.ONE_MINUTE,
            Instant.parse("2013-10-07T12:00:00Z"),
            180,
            180,
            180,
            180,
            1,
            180,
            1);

    assertThatThrownBy(() -> new SessionIndicators().next(preMarket))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("IBM")
        .hasMessageContaining("2013-10-07T12:00:00Z")
        .hasMessageContaining("regular session");
  }

  /** Regular-session minutes of IBM's trades, built trade by trade by the test fixture. */
  private static List<Bar> regularMinutes() {
    return LeanTradeTicks.read("IBM").bars(Duration.ofMinutes(1)).stream()
        .filter(bar -> io.marketlambda.core.model.MarketTime.isRegularSession(bar.start()))
        .map(
            bar ->
                new Bar(
                    IBM,
                    BarInterval.ONE_MINUTE,
                    bar.start(),
                    bar.open(),
                    bar.high(),
                    bar.low(),
                    bar.close(),
                    bar.volume(),
                    bar.vwap(),
                    bar.trades()))
        .toList();
  }
}
