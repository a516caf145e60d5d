package io.marketlambda.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuoteWireCodecTest {
  private static final Quote TRADE =
      new Quote(
          new Symbol("IBM"),
          Instant.parse("2013-10-07T13:30:00.123Z"),
          185.12,
          100,
          "lean-tick",
          42);
  // AAPL's first close after its 4:1 split, 2020-08-31 16:00 EDT.
  private static final Quote LAST_PRICE =
      new Quote(
          new Symbol("AAPL"), Instant.parse("2020-08-31T20:00:00Z"), 129.04, 0, "alpha-vantage", 0);

  private final QuoteWireCodec codec = new QuoteWireCodec();

  @Test
  void encodesATradeAsTheGoldenBytes() {
    assertThat(codec.encodeValue(TRADE)).isEqualTo(GoldenFiles.read("quote-v1-trade.json"));
  }

  @Test
  void encodesALastPriceEventAsTheGoldenBytes() {
    assertThat(codec.encodeValue(LAST_PRICE))
        .isEqualTo(GoldenFiles.read("quote-v1-last-price.json"));
  }

  @Test
  void decodesTheGoldenFiles() {
    assertThat(codec.decode(GoldenFiles.read("quote-v1-trade.json"))).isEqualTo(TRADE);
    assertThat(codec.decode(GoldenFiles.read("quote-v1-last-price.json"))).isEqualTo(LAST_PRICE);
  }

  @Test
  void ignoresUnknownFields() {
    Quote expected =
        new Quote(
            new Symbol("BRK.B"),
            Instant.parse("2013-10-07T13:30:00.123Z"),
            116.5,
            10,
            "lean-tick",
            7);

    assertThat(codec.decode(GoldenFiles.read("quote-v1-extra-field.json"))).isEqualTo(expected);
  }

  @Test
  void keyIsTheSymbolInUtf8() {
    assertThat(codec.encodeKey(TRADE)).containsExactly('I', 'B', 'M');
  }

  @ParameterizedTest
  @ValueSource(
      doubles = {0.1, 1e-7, 185.1200000001, 123456789.123, 4.9e-324, 1.7976931348623157e308})
  void roundTripsEveryDoubleExactly(double priceUsd) {
    Quote quote =
        new Quote(
            new Symbol("^GSPC"),
            Instant.parse("1999-12-31T23:59:59.999999999Z"),
            priceUsd,
            Long.MAX_VALUE,
            "stooq",
            Long.MAX_VALUE);

    assertThat(codec.decode(codec.encodeValue(quote))).isEqualTo(quote);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "quote-v1-bad-negative-price.json|priceUsd|-3.2 is not a positive finite number",
        "quote-v1-bad-missing-symbol.json|symbol|is missing",
        "quote-v1-bad-schema-version-2.json|schemaVersion|"
            + "2 is not supported; this reader understands version 1",
      })
  void rejectsBadGoldenFilesNamingTheField(String file, String field, String reason) {
    assertThatThrownBy(() -> codec.decode(GoldenFiles.read(file)))
        .isInstanceOfSatisfying(
            InvalidWireRecordException.class,
            e -> {
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.reason()).isEqualTo(reason);
            })
        .hasMessage("Cannot decode quote: field \"" + field + "\": " + reason);
  }

  @Test
  void rejectsNonJsonAsAWholeValueKeepingTheCause() {
    assertThatThrownBy(() -> codec.decode(GoldenFiles.read("quote-v1-bad-not-json.json")))
        .isInstanceOfSatisfying(
            InvalidWireRecordException.class,
            e -> assertThat(e.field()).isEqualTo(InvalidWireRecordException.WHOLE_VALUE))
        .hasMessageStartingWith("Cannot decode quote: value is not JSON: Unrecognized token 'IBM'")
        .hasMessageContaining(" at line 1, column ")
        .hasMessageNotContaining("\tat ")
        .hasCauseInstanceOf(com.fasterxml.jackson.core.JsonParseException.class);
  }

  /** Reads a golden file without its trailing newline. */
}
