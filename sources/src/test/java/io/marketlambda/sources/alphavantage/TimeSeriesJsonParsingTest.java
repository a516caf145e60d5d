package io.marketlambda.sources.alphavantage;

import static io.marketlambda.sources.alphavantage.AlphaVantageFunction.TIME_SERIES_DAILY;
import static io.marketlambda.sources.alphavantage.AlphaVantageFunction.TIME_SERIES_DAILY_ADJUSTED;
import static io.marketlambda.sources.alphavantage.AlphaVantageFunction.TIME_SERIES_MONTHLY;
import static io.marketlambda.sources.alphavantage.AlphaVantageFunction.TIME_SERIES_MONTHLY_ADJUSTED;
import static io.marketlambda.sources.alphavantage.AlphaVantageFunction.TIME_SERIES_WEEKLY;
import static io.marketlambda.sources.alphavantage.AlphaVantageFunction.TIME_SERIES_WEEKLY_ADJUSTED;
import static org.assertj.core.api.Assertions.assertThat;

import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.sources.quarantine.InMemoryQuarantine;
import io.marketlambda.testing.SharedData;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every recorded JSON time series parses into bars; expected values are read from the files. */
class TimeSeriesJsonParsingTest {
  private static final Symbol IBM = Symbol.of("IBM");
  private static final Symbol MSFT = Symbol.of("MSFT");

  private final InMemoryQuarantine quarantine = new InMemoryQuarantine();
  private final AlphaVantageParser endLabelled = new AlphaVantageParser(BarLabel.END, quarantine);

  @Test
  void ibmDailyOhlcOn20200507EqualsLeanRawDaily() throws Exception {
    List<Bar> bars =
        bars(TIME_SERIES_DAILY, IBM, "crazzyghost-alphavantage-java/timeseries_daily.json");

    String lean =
        Files.readAllLines(SharedData.resolve("lean/daily/ibm.csv")).stream()
            .filter(line -> line.startsWith("20200507 "))
            .findFirst()
            .orElseThrow();
    String[] prices = lean.split(",");
    Bar bar = bars.get(1);
    assertThat(bar.start()).isEqualTo(Instant.parse("2020-05-07T04:00:00Z"));
    assertThat(bar.openUsd()).isEqualTo(Long.parseLong(prices[1]) / 10_000.0);
    assertThat(bar.highUsd()).isEqualTo(Long.parseLong(prices[2]) / 10_000.0);
    assertThat(bar.lowUsd()).isEqualTo(Long.parseLong(prices[3]) / 10_000.0);
    assertThat(bar.closeUsd()).isEqualTo(Long.parseLong(prices[4]) / 10_000.0);
    assertThat(bars).hasSize(2);
  }

  @Test
  void msftDailyCompactHasOneHundredBarsFromJune8BackToJanuary17() {
    List<Bar> bars = bars(TIME_SERIES_DAILY, MSFT, "asmarques-alphavantage/time_series_daily.json");

    assertThat(bars).hasSize(100);
    Bar first = bars.get(0);
    assertThat(first.interval()).isEqualTo(BarInterval.ONE_DAY);
    assertThat(first.start()).isEqualTo(Instant.parse("2018-06-08T04:00:00Z"));
    assertThat(first.openUsd()).isEqualTo(101.0924);
    assertThat(first.volumeShares()).isEqualTo(22_165_128);
    assertThat(first.vwapUsd()).isEqualTo((101.95 + 100.54 + 101.63) / 3);
    assertThat(first.tradeCount()).isZero();
    assertThat(bars.get(99).start()).isEqualTo(Instant.parse("2018-01-17T05:00:00Z"));
    assertThat(bars.get(99).closeUsd()).isEqualTo(90.14);
  }

  @Test
  void weeklyBarsDatedByTheLastTradingDayStartOnTheWeeksMonday() {
    List<Bar> bars =
        bars(TIME_SERIES_WEEKLY, MSFT, "asmarques-alphavantage/time_series_weekly.json");

    assertThat(bars).hasSize(961);
    // 2018-06-08 is a Friday; its week starts Monday 2018-06-04, midnight EDT.
    assertThat(bars.get(0).start()).isEqualTo(Instant.parse("2018-06-04T04:00:00Z"));
    // 2000-01-14 is a Friday; Monday 2000-01-10, midnight EST.
    assertThat(bars.get(960).start()).isEqualTo(Instant.parse("2000-01-10T05:00:00Z"));
    assertThat(bars.get(960).closeUsd()).isEqualTo(112.25);
  }

  @Test
  void monthlyBarsStartOnTheFirstOfTheMonthIncludingThePartialCurrentMonth() {
    List<Bar> bars =
        bars(TIME_SERIES_MONTHLY, MSFT, "asmarques-alphavantage/time_series_monthly.json");

    assertThat(bars).hasSize(221);
    assertThat(bars.get(0).start()).isEqualTo(Instant.parse("2018-06-01T04:00:00Z"));
    assertThat(bars.get(220).start()).isEqualTo(Instant.parse("2000-02-01T05:00:00Z"));
    assertThat(bars.get(220).highUsd()).isEqualTo(110.0);
  }

  @Test
  void endLabelledIntradayBarsStartOneIntervalBeforeTheirTimestamp() {
    AlphaVantageRequest request = AlphaVantageRequest.intraday(MSFT, IntradayInterval.ONE_MINUTE);
    List<Bar> bars =
        endLabelled
            .parseBars(
                request,
                RecordedResponses.read("asmarques-alphavantage/time_series_intraday_1min.json"))
            .records();

    assertThat(bars).hasSize(100);
    // "2018-06-01 16:00:00" US/Eastern (EDT) ends the 15:59 bar, 19:59 UTC.
    assertThat(bars.get(0).start()).isEqualTo(Instant.parse("2018-06-01T19:59:00Z"));
    assertThat(bars.get(0).openUsd()).isEqualTo(100.615);
    assertThat(bars.get(0).volumeShares()).isEqualTo(4_129_781);
    assertThat(bars.get(99).start()).isEqualTo(Instant.parse("2018-06-01T18:20:00Z"));
  }

  @Test
  void winterIntradayTimesAreEasternStandardTime() {
    AlphaVantageRequest request = AlphaVantageRequest.intraday(MSFT, IntradayInterval.ONE_MINUTE);
    List<Bar> bars =
        endLabelled
            .parseBars(
                request,
                RecordedResponses.read(
                    "romeltorres-alpha_vantage/time_series_intraday_1min_MSFT.json"))
            .records();

    assertThat(bars).hasSize(100);
    // "2017-12-18 14:56:00" EST = 19:56 UTC, the end of the 19:55 bar.
    assertThat(bars.get(0).start()).isEqualTo(Instant.parse("2017-12-18T19:55:00Z"));
    assertThat(bars.get(99).start()).isEqualTo(Instant.parse("2017-12-18T18:16:00Z"));
  }

  @Test
  void theLabelSettingMovesEveryBarByExactlyOneInterval() {
    AlphaVantageRequest request = AlphaVantageRequest.intraday(IBM, IntradayInterval.FIVE_MINUTES);
    String body = RecordedResponses.read("crazzyghost-alphavantage-java/timeseries_intraday.json");

    List<Bar> asEnd = endLabelled.parseBars(request, body).records();
    List<Bar> asStart =
        new AlphaVantageParser(BarLabel.START, quarantine).parseBars(request, body).records();

    assertThat(asStart.get(0).start()).isEqualTo(Instant.parse("2020-05-08T18:05:00Z"));
    assertThat(asEnd.get(0).start()).isEqualTo(Instant.parse("2020-05-08T18:00:00Z"));
    assertThat(asEnd.get(1).start()).isEqualTo(Instant.parse("2020-05-08T17:55:00Z"));
  }

  @Test
  void dailyAdjustedKeepsDividendAndSplitCoefficient() {
    ParseResult<AdjustedBar> result =
        endLabelled.parseAdjustedBars(
            AlphaVantageRequest.of(TIME_SERIES_DAILY_ADJUSTED, IBM),
            RecordedResponses.read("asmarques-alphavantage/time_series_daily_adjusted.json"),
            "daily adjusted");

    assertThat(result.records()).hasSize(100);
    assertThat(result.summary().accepted()).isEqualTo(100);
    AdjustedBar exDate =
        result.records().stream()
            .filter(bar -> bar.bar().start().equals(Instant.parse("2024-11-12T05:00:00Z")))
            .findFirst()
            .orElseThrow();
    assertThat(exDate.dividendUsd()).isEqualTo(1.67);
    assertThat(exDate.adjustedCloseUsd()).isEqualTo(210.86);
    AdjustedBar last = result.records().get(99);
    assertThat(last.adjustedCloseUsd()).isEqualTo(194.489652284383);
    assertThat(last.splitCoefficient()).isEqualTo(1.0);
    assertThat(result.records()).filteredOn(bar -> bar.dividendUsd() > 0).hasSize(1);
  }

  @Test
  void weeklyAndMonthlyAdjustedHaveNoSplitColumnAndReadOne() {
    List<AdjustedBar> weekly =
        adjusted(
            TIME_SERIES_WEEKLY_ADJUSTED, "asmarques-alphavantage/time_series_weekly_adjusted.json");
    List<AdjustedBar> monthly =
        adjusted(
            TIME_SERIES_MONTHLY_ADJUSTED,
            "asmarques-alphavantage/time_series_monthly_adjusted.json");

    assertThat(weekly).hasSize(16);
    assertThat(monthly).hasSize(11);
    assertThat(weekly).allMatch(bar -> bar.splitCoefficient() == 1.0);
    // The IBM ex-date 2024-11-12 (a Tuesday) lies in the week of Monday 2024-11-11.
    assertThat(weekly)
        .filteredOn(bar -> bar.dividendUsd() > 0)
        .extracting(bar -> bar.bar().start())
        .containsExactly(Instant.parse("2024-11-11T05:00:00Z"));
    assertThat(monthly).filteredOn(bar -> bar.dividendUsd() == 1.67).hasSize(3);
    // 2025-01-13 (a Monday) is the partial current week and month.
    assertThat(weekly.get(0).bar().start()).isEqualTo(Instant.parse("2025-01-13T05:00:00Z"));
    assertThat(monthly.get(0).bar().start()).isEqualTo(Instant.parse("2025-01-01T05:00:00Z"));
  }

  @Test
  void theShortCrazzyghostSeriesAllParse() {
    String folder = "crazzyghost-alphavantage-java/";
    assertThat(bars(TIME_SERIES_WEEKLY, IBM, folder + "timeseries_weekly.json")).hasSize(2);
    assertThat(bars(TIME_SERIES_MONTHLY, IBM, folder + "timeseries_monthly.json")).hasSize(2);
    assertThat(adjusted(TIME_SERIES_DAILY_ADJUSTED, folder + "timeseries_dailyadjusted.json"))
        .extracting(AdjustedBar::dividendUsd)
        .containsExactly(0.0, 1.63);
    assertThat(adjusted(TIME_SERIES_WEEKLY_ADJUSTED, folder + "timeseries_weeklyadjusted.json"))
        .extracting(AdjustedBar::adjustedCloseUsd)
        .containsExactly(121.7964, 120.2531);
    assertThat(adjusted(TIME_SERIES_MONTHLY_ADJUSTED, folder + "timeseries_monthlyadjusted.json"))
        .extracting(bar -> bar.bar().start())
        .containsExactly(
            Instant.parse("2020-05-01T04:00:00Z"), Instant.parse("2020-04-01T04:00:00Z"));
    assertThat(quarantine.records()).isEmpty();
  }

  private List<Bar> bars(AlphaVantageFunction function, Symbol symbol, String file) {
    ParseResult<Bar> result =
        endLabelled.parseBars(
            AlphaVantageRequest.of(function, symbol), RecordedResponses.read(file), file);
    assertThat(result.summary().rejected()).isZero();
    return result.records();
  }

  private List<AdjustedBar> adjusted(AlphaVantageFunction function, String file) {
    return endLabelled
        .parseAdjustedBars(
            AlphaVantageRequest.of(function, IBM), RecordedResponses.read(file), file)
        .records();
  }
}
