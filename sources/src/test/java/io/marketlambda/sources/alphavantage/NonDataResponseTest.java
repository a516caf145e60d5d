package io.marketlambda.sources.alphavantage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketlambda.core.model.Symbol;
import io.marketlambda.sources.quarantine.InMemoryQuarantine;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NonDataResponseTest {
  /** The class each body's own text calls for, read from the text by hand. */
  static final Map<String, NonDataKind> EXPECTED =
      Map.ofEntries(
          // "Invalid API call. Please retry or visit the documentation ... for FX_DAILY."
          Map.entry("invalid_call_fx_daily", NonDataKind.INVALID_REQUEST),
          // "Invalid API call. ... for TIME_SERIES_DAILY."
          Map.entry("invalid_call_daily_template", NonDataKind.INVALID_REQUEST),
          // "the parameter apikey is invalid or missing."
          Map.entry("apikey_missing", NonDataKind.INVALID_REQUEST),
          // "standard API call frequency is 5 calls per minute and 500 calls per day"
          Map.entry("rate_limit_note_5_per_min_500_per_day", NonDataKind.RATE_LIMITED),
          // "Please consider optimizing your API call frequency"
          Map.entry("rate_limit_information_2017", NonDataKind.RATE_LIMITED),
          // "... if you would like to have a higher API call volume."
          Map.entry("rate_limit_information_2018", NonDataKind.RATE_LIMITED),
          // "This is a premium endpoint and there are multiple ways to unlock premium endpoints"
          Map.entry("premium_endpoint_2022", NonDataKind.PREMIUM_ONLY),
          // "spreading out your free API requests ... (25 requests per day)"
          Map.entry("daily_limit_spread_out_2025", NonDataKind.DAILY_QUOTA_EXHAUSTED),
          // "Our standard API rate limit is 25 requests per day."
          Map.entry("daily_limit_25_per_day_2024", NonDataKind.DAILY_QUOTA_EXHAUSTED),
          // "The **demo** API key is for demo purposes only."
          Map.entry("demo_key_information", NonDataKind.INVALID_REQUEST),
          // "This is a premium endpoint. ***THE SAMPLE DATA SCHEMA BELOW IS ARTIFICIAL..."
          Map.entry("premium_sample_schema_bulk_quotes", NonDataKind.PREMIUM_ONLY));

  @Test
  void everyRecordedNonDataBodyIsClassifiedAsItsTextSays() {
    Map<String, String> bodies = ErrorBodies.byId();

    assertThat(bodies).hasSize(11).containsOnlyKeys(EXPECTED.keySet());
    bodies.forEach(
        (id, body) ->
            assertThat(NonDataResponse.find(body))
                .as(id)
                .hasValueSatisfying(found -> assertThat(found.kind()).isEqualTo(EXPECTED.get(id))));
  }

  @Test
  void theArtificialOptionsSampleIsPremiumOnly() {
    String body =
        RecordedResponses.read(
            "portfoliotree-alphavantage/examples/REALTIME_OPTIONS_e1db0de5.json");

    assertThat(NonDataResponse.find(body))
        .hasValueSatisfying(found -> assertThat(found.kind()).isEqualTo(NonDataKind.PREMIUM_ONLY));
    assertThat(
            NonDataResponse.find(
                RecordedResponses.read(
                    "crazzyghost-alphavantage-java/timeseries_realtimebulkquote.json")))
        .hasValueSatisfying(found -> assertThat(found.key()).isEqualTo("message"));
  }

  @Test
  void dataBodiesAreNotNonData() {
    for (String file :
        new String[] {
          "crazzyghost-alphavantage-java/timeseries_daily.json",
          "crazzyghost-alphavantage-java/market_status.json",
          "crazzyghost-alphavantage-java/timeseries_globalquote.json",
          "portfoliotree-alphavantage/examples/TIME_SERIES_DAILY_42a08190.csv",
          "portfoliotree-alphavantage/examples/TOP_GAINERS_LOSERS_bbd20350.json"
        }) {
      assertThat(NonDataResponse.find(RecordedResponses.read(file))).as(file).isEmpty();
    }
  }

  @Test
  void aNonDataBodyIsNeverParsedAsDataEvenForCsvRequests() {
    AlphaVantageParser parser = new AlphaVantageParser(BarLabel.START, new InMemoryQuarantine());
    AlphaVantageRequest request =
        AlphaVantageRequest.of(AlphaVantageFunction.TIME_SERIES_DAILY, Symbol.of("IBM")).asCsv();
    String invalidCall = ErrorBodies.byId().get("invalid_call_daily_template");

    assertThatThrownBy(() -> parser.parseBars(request, invalidCall))
        .isInstanceOf(AlphaVantageRequestException.class)
        .hasMessage(
            "Cannot call TIME_SERIES_DAILY IBM: Alpha Vantage rejected the request: \"Invalid API"
                + " call. Please retry or visit the documentation"
                + " (https://www.alphavantage.co/documentation/) for TIME_SERIES_DAILY.\"; check"
                + " the function, symbol, parameters and API key; not retried");
    assertThatThrownBy(
            () -> parser.parseBars(request, ErrorBodies.byId().get("daily_limit_25_per_day_2024")))
        .isInstanceOf(AlphaVantageQuotaException.class)
        .hasMessageStartingWith("Cannot call TIME_SERIES_DAILY IBM: daily quota spent:");
    assertThatThrownBy(
            () -> parser.parseBars(request, ErrorBodies.byId().get("rate_limit_information_2017")))
        .isInstanceOfSatisfying(
            AlphaVantageTransientException.class, e -> assertThat(e.rateLimited()).isTrue());
  }
}
