package io.marketlambda.sources.alphavantage;

import static io.marketlambda.sources.alphavantage.AlphaVantageFunction.TIME_SERIES_DAILY;
import static io.marketlambda.sources.alphavantage.AlphaVantageFunction.TIME_SERIES_DAILY_ADJUSTED;
import static io.marketlambda.sources.alphavantage.AlphaVantageFunction.TIME_SERIES_MONTHLY;
import static io.marketlambda.sources.alphavantage.AlphaVantageFunction.TIME_SERIES_MONTHLY_ADJUSTED;
import static io.marketlambda.sources.alphavantage.AlphaVantageFunction.TIME_SERIES_WEEKLY;
import static io.marketlambda.sources.alphavantage.AlphaVantageFunction.TIME_SERIES_WEEKLY_ADJUSTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.sources.quarantine.InMemoryQuarantine;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every recorded CSV time series ({@code datatype=csv}) parses into bars. */
class TimeSeriesCsvParsingTest {
  private static final Symbol IBM = Symbol.of("IBM");
  private static final String EXAMPLES = "portfoliotree-alphavantage/examples/";
  private static final String OLDER = "portfoliotree-alphavantage/testdata_older/";

  private final InMemoryQuarantine quarantine = new InMemoryQuarantine();

  @Test
  void ibmDailyBarOf20260515EqualsTheGlobalQuoteOfThatDay() {
    List<Bar> bars = bars(TIME_SERIES_DAILY, IBM, EXAMPLES + "TIME_SERIES_DAILY_42a08190.csv");

    assertThat(bars).hasSize(100);
    Bar first = bars.get(0);
    assertThat(first.start()).isEqualTo(Instant.parse("2026-05-15T04:00:00Z"));
    // The GLOBAL_QUOTE of the same capture: 218.2000,220.9100,217.6150,219.3000,6154450,2026-05-15
    assertThat(first.openUsd()).isEqualTo(218.2);
    assertThat(first.highUsd()).isEqualTo(220.91);
    assertThat(first.lowUsd()).isEqualTo(217.615);
    assertThat(first.closeUsd()).isEqualTo(219.3);
    assertThat(first.volumeShares()).isEqualTo(6_154_450);
    assertThat(bars.get(99).start()).isEqualTo(Instant.parse("2025-12-22T05:00:00Z"));
  }

  @Test
  void dailyAdjustedWithUnderscoredHeaderKeepsTheDividends() {
    List<AdjustedBar> bars =
        adjusted(TIME_SERIES_DAILY_ADJUSTED, EXAMPLES + "TIME_SERIES_DAILY_ADJUSTED_572d0539.csv");

    assertThat(bars).hasSize(100);
    assertThat(bars)
        .filteredOn(bar -> bar.dividendUsd() > 0)
        .extracting(bar -> bar.bar().start(), AdjustedBar::dividendUsd)
        .containsExactly(
            tuple(Instant.parse("2026-05-08T04:00:00Z"), 1.69),
            tuple(Instant.parse("2026-02-10T05:00:00Z"), 1.68));
    assertThat(bars.get(6).adjustedCloseUsd()).isEqualTo(229.62102225102612);
  }

  @Test
  void weeklyAndMonthlyWithSpacedHeaderParseTheWholeHistory() {
    List<Bar> weekly = bars(TIME_SERIES_WEEKLY, IBM, EXAMPLES + "TIME_SERIES_WEEKLY_74eb54d6.csv");
    List<Bar> monthly =
        bars(TIME_SERIES_MONTHLY, IBM, EXAMPLES + "TIME_SERIES_MONTHLY_3ced87e9.csv");
    List<AdjustedBar> weeklyAdjusted =
        adjusted(
            TIME_SERIES_WEEKLY_ADJUSTED, EXAMPLES + "TIME_SERIES_WEEKLY_ADJUSTED_9cd0a0b1.csv");
    List<AdjustedBar> monthlyAdjusted =
        adjusted(
            TIME_SERIES_MONTHLY_ADJUSTED, EXAMPLES + "TIME_SERIES_MONTHLY_ADJUSTED_62a3844d.csv");

    assertThat(weekly).hasSize(1384);
    assertThat(weeklyAdjusted).hasSize(1384);
    assertThat(monthly).hasSize(318);
    assertThat(monthlyAdjusted).hasSize(318);
    assertThat(weekly.get(0).start()).isEqualTo(Instant.parse("2026-05-11T04:00:00Z"));
    // The week of Good Friday 2026 is dated Thursday 2026-04-02; it starts Monday 2026-03-30.
    assertThat(weekly.get(6).start()).isEqualTo(Instant.parse("2026-03-30T04:00:00Z"));
    assertThat(weekly.get(1383).start()).isEqualTo(Instant.parse("1999-11-08T05:00:00Z"));
    assertThat(monthly.get(0).start()).isEqualTo(Instant.parse("2026-05-01T04:00:00Z"));
    assertThat(monthly.get(317).start()).isEqualTo(Instant.parse("1999-12-01T05:00:00Z"));
    assertThat(weeklyAdjusted).filteredOn(bar -> bar.dividendUsd() > 0).hasSize(107);
    assertThat(monthlyAdjusted.get(0).dividendUsd()).isEqualTo(1.69);
    assertThat(monthlyAdjusted.get(317).adjustedCloseUsd()).isEqualTo(52.6237);
  }

  @Test
  void startLabelled2026IntradayBarsStartAtTheirTimestamp() {
    AlphaVantageRequest request =
        AlphaVantageRequest.intraday(IBM, IntradayInterval.FIVE_MINUTES).asCsv();
    List<Bar> bars =
        new AlphaVantageParser(BarLabel.START, quarantine)
            .parseBars(
                request, RecordedResponses.read(EXAMPLES + "TIME_SERIES_INTRADAY_3dbdcdc7.csv"))
            .records();

    assertThat(bars).hasSize(100);
    // "2026-05-15 19:55:00" New York (EDT) is the last 5-minute bar of the extended session.
    assertThat(bars.get(0).start()).isEqualTo(Instant.parse("2026-05-15T23:55:00Z"));
    assertThat(bars.get(99).start()).isEqualTo(Instant.parse("2026-05-15T15:40:00Z"));
  }

  @Test
  void endLabelled2020IntradayCsvParses() {
    AlphaVantageParser parser = new AlphaVantageParser(BarLabel.END, quarantine);
    List<Bar> fiveMinutes =
        parser
            .parseBars(
                AlphaVantageRequest.intraday(IBM, IntradayInterval.FIVE_MINUTES).asCsv(),
                RecordedResponses.read(OLDER + "intraday_5min_IBM.csv"))
            .records();
    List<Bar> extended =
        parser
            .parseBars(
                AlphaVantageRequest.intraday(Symbol.of("MSFT"), IntradayInterval.ONE_MINUTE)
                    .asCsv(),
                RecordedResponses.read(
                    "romeltorres-alpha_vantage/time_series_intraday_extended_1min_MSFT.csv"))
            .records();

    assertThat(fiveMinutes).hasSize(100);
    assertThat(fiveMinutes.get(0).start()).isEqualTo(Instant.parse("2020-08-21T23:35:00Z"));
    assertThat(extended).hasSize(11_190);
    // "2020-12-18 20:00:00" EST ends the 19:59 bar: 00:59 UTC the next day.
    assertThat(extended.get(0).start()).isEqualTo(Instant.parse("2020-12-19T00:59:00Z"));
    // "2020-11-23 04:01:00" EST ends the first pre-market bar, 04:00 EST.
    assertThat(extended.get(11_189).start()).isEqualTo(Instant.parse("2020-11-23T09:00:00Z"));
    assertThat(quarantine.records()).isEmpty();
  }

  @Test
  void olderDailyCsvParses() {
    List<Bar> bars = bars(TIME_SERIES_DAILY, Symbol.of("AMJ"), OLDER + "daily_AMJ.csv");

    assertThat(bars).hasSize(100);
    assertThat(bars.get(99).start()).isEqualTo(Instant.parse("2020-04-01T04:00:00Z"));
    assertThat(bars.get(99).lowUsd()).isEqualTo(8.4655);
  }

  private List<Bar> bars(AlphaVantageFunction function, Symbol symbol, String file) {
    ParseResult<Bar> result =
        new AlphaVantageParser(BarLabel.START, quarantine)
            .parseBars(
                AlphaVantageRequest.of(function, symbol).asCsv(),
                RecordedResponses.read(file),
                file);
    assertThat(result.summary().rejected()).isZero();
    assertThat(result.summary().origin()).isEqualTo(file);
    return result.records();
  }

  private List<AdjustedBar> adjusted(AlphaVantageFunction function, String file) {
    return new AlphaVantageParser(BarLabel.START, quarantine)
        .parseAdjustedBars(
            AlphaVantageRequest.of(function, IBM).asCsv(), RecordedResponses.read(file), file)
        .records();
  }
}
