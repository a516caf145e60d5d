package io.marketlambda.sources.alphavantage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketlambda.core.model.Symbol;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class AlphaVantageRequestTest {
  private static final Symbol IBM = Symbol.of("IBM");

  @Test
  void rendersTheDocumentedIntradayHistoryQuery() {
    AlphaVantageRequest request =
        AlphaVantageRequest.intraday(IBM, IntradayInterval.FIVE_MINUTES)
            .forMonth(YearMonth.of(2009, 1))
            .regularSessionOnly()
            .unadjusted()
            .withFullOutput()
            .asCsv();

    assertThat(request.queryString())
        .isEqualTo(
            "function=TIME_SERIES_INTRADAY&symbol=IBM&interval=5min&month=2009-01"
                + "&extended_hours=false&adjusted=false&outputsize=full&datatype=csv");
    assertThat(request.describe()).isEqualTo("TIME_SERIES_INTRADAY IBM 5min 2009-01");
  }

  @Test
  void rendersTheOtherFunctionsWithoutTheKey() {
    assertThat(
            AlphaVantageRequest.of(AlphaVantageFunction.TIME_SERIES_DAILY_ADJUSTED, IBM)
                .queryString())
        .isEqualTo("function=TIME_SERIES_DAILY_ADJUSTED&symbol=IBM");
    assertThat(AlphaVantageRequest.symbolSearch("tesco plc").queryString())
        .isEqualTo("function=SYMBOL_SEARCH&keywords=tesco+plc");
    assertThat(AlphaVantageRequest.marketStatus().queryString())
        .isEqualTo("function=MARKET_STATUS");
    assertThat(AlphaVantageRequest.listingStatus().queryString())
        .isEqualTo("function=LISTING_STATUS&datatype=csv");
    assertThat(AlphaVantageRequest.of(AlphaVantageFunction.SPLITS, IBM).describe())
        .isEqualTo("SPLITS IBM");
  }

  @Test
  void refusesMissingOrForeignParameters() {
    assertThatThrownBy(() -> AlphaVantageRequest.of(AlphaVantageFunction.TIME_SERIES_INTRADAY, IBM))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot create request TIME_SERIES_INTRADAY IBM: parameter interval is missing or not"
                + " taken by this function");
    assertThatThrownBy(() -> AlphaVantageRequest.of(AlphaVantageFunction.MARKET_STATUS, IBM))
        .hasMessageContaining("parameter symbol");
    assertThatThrownBy(
            () ->
                AlphaVantageRequest.of(AlphaVantageFunction.TIME_SERIES_DAILY, IBM)
                    .forMonth(YearMonth.of(2020, 1)))
        .hasMessageContaining("parameter month");
  }

  @Test
  void thirtyMinutesCanBeRequestedButHasNoBarInterval() {
    assertThat(IntradayInterval.parse("30min")).isEqualTo(IntradayInterval.THIRTY_MINUTES);
    assertThat(AlphaVantageRequest.intraday(IBM, IntradayInterval.THIRTY_MINUTES).queryString())
        .endsWith("interval=30min");
    assertThatThrownBy(IntradayInterval.THIRTY_MINUTES::barInterval)
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> IntradayInterval.parse("2min"))
        .hasMessage(
            "Cannot parse intraday interval: \"2min\" is not one of 1min, 5min, 15min, 30min, 60min");
  }
}
