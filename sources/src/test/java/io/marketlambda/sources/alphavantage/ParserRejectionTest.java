package io.marketlambda.sources.alphavantage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.sources.quarantine.InMemoryQuarantine;
import io.marketlambda.sources.quarantine.RejectedRecord;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rows that fail validation go to the quarantine; damaged bodies are refused whole. */
class ParserRejectionTest {
  private static final Symbol IBM = Symbol.of("IBM");
  private static final String DAILY_CSV =
      "portfoliotree-alphavantage/examples/TIME_SERIES_DAILY_42a08190.csv";

  private final InMemoryQuarantine quarantine = new InMemoryQuarantine();
  private final AlphaVantageParser parser = new AlphaVantageParser(BarLabel.START, quarantine);
  private final AlphaVantageRequest dailyCsv =
      AlphaVantageRequest.of(AlphaVantageFunction.TIME_SERIES_DAILY, IBM).asCsv();

  @Test
  void badCsvRowsAreQuarantinedWithTheirLineAndParsingGoesOn() {
    String real = RecordedResponses.read(DAILY_CSV);
    // Line 3, 2026-05-14: a high below the open. Line 5, 2026-05-12: a close that is not a number.
    String damaged =
        real.replace("2026-05-14,215.5450,220.9600,", "2026-05-14,215.5450,210.9600,")
            .replace(
                "2026-05-12,224.4300,224.4300,219.2200,219.2200,",
                "2026-05-12,224.4300,224.4300,219.2200,n/a,");

    ParseResult<Bar> result = parser.parseBars(dailyCsv, damaged, DAILY_CSV);

    assertThat(result.records()).hasSize(98);
    assertThat(result.summary().accepted()).isEqualTo(98);
    assertThat(result.summary().rejectedByField()).isEqualTo(Map.of("highUsd", 1L, "close", 1L));
    assertThat(quarantine.records())
        .extracting(RejectedRecord::origin, RejectedRecord::position, RejectedRecord::field)
        .containsExactly(tuple(DAILY_CSV, 3L, "highUsd"), tuple(DAILY_CSV, 5L, "close"));
    assertThat(quarantine.records().get(1).reason()).isEqualTo("\"n/a\" is not a number");
    assertThat(quarantine.records().get(1).raw())
        .isEqualTo("2026-05-12,224.4300,224.4300,219.2200,n/a,6045225");
  }

  @Test
  void badJsonRowsAreQuarantinedAtPositionZeroWithTheRequestAsOrigin() {
    String damaged =
        RecordedResponses.read("crazzyghost-alphavantage-java/timeseries_daily.json")
            .replace("\"3. low\": \"121.0600\"", "\"3. low\": \"\"");
    AlphaVantageRequest request =
        AlphaVantageRequest.of(AlphaVantageFunction.TIME_SERIES_DAILY, IBM);

    ParseResult<Bar> result = parser.parseBars(request, damaged);

    assertThat(result.records()).hasSize(1);
    assertThat(result.summary().toString())
        .isEqualTo("read TIME_SERIES_DAILY IBM: 1 accepted, 1 rejected {low=1}");
    RejectedRecord rejected = quarantine.records().get(0);
    assertThat(rejected.position()).isZero();
    assertThat(rejected.reason()).isEqualTo("is missing");
    assertThat(rejected.raw()).startsWith("\"2020-05-08\": {");
  }

  @Test
  void truncatedBodiesAreRefusedAsTransient() {
    String json = RecordedResponses.read("crazzyghost-alphavantage-java/timeseries_daily.json");
    String csv = RecordedResponses.read(DAILY_CSV);
    AlphaVantageRequest request =
        AlphaVantageRequest.of(AlphaVantageFunction.TIME_SERIES_DAILY, IBM);

    assertThatThrownBy(() -> parser.parseBars(request, json.substring(0, json.length() / 2)))
        .isInstanceOf(AlphaVantageTransientException.class)
        .hasMessageContaining("the body is truncated");
    assertThatThrownBy(() -> parser.parseBars(dailyCsv, csv.substring(0, csv.length() - 20)))
        .isInstanceOf(AlphaVantageTransientException.class)
        .hasMessageContaining("the last row has 4 of the header's 6 fields");
    assertThat(quarantine.records()).isEmpty();
  }

  @Test
  void jsonWhenCsvWasAskedForIsRefused() {
    String json = RecordedResponses.read("crazzyghost-alphavantage-java/timeseries_daily.json");

    assertThatThrownBy(() -> parser.parseBars(dailyCsv, json))
        .isInstanceOf(AlphaVantageRequestException.class)
        .hasMessage(
            "Cannot call TIME_SERIES_DAILY IBM: cannot read the body as CSV: body is JSON, not the"
                + " CSV asked for; not retried");
  }

  @Test
  void aSeriesOfAnotherSymbolThanRequestedIsRefused() {
    String msft = RecordedResponses.read("asmarques-alphavantage/time_series_daily.json");
    AlphaVantageRequest request =
        AlphaVantageRequest.of(AlphaVantageFunction.TIME_SERIES_DAILY, IBM);

    assertThatThrownBy(() -> parser.parseBars(request, msft))
        .isInstanceOf(AlphaVantageRequestException.class)
        .hasMessageContaining("Meta Data symbol \"MSFT\" is not the requested IBM");
  }

  @Test
  void thirtyMinuteBarsHaveNoBarIntervalAndAreRefusedClearly() {
    AlphaVantageRequest request =
        AlphaVantageRequest.intraday(IBM, IntradayInterval.THIRTY_MINUTES);

    assertThatThrownBy(
            () -> parser.parseBars(request, "{\"Meta Data\":{},\"Time Series (30min)\":{}}"))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageStartingWith(
            "Cannot make bars of interval 30min: marketlambda has no 30-minute");
  }
}
