package io.marketlambda.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.SaleCondition;
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
    // "exchange" has since become a field of v1 (read); "conditions" is still unknown (ignored).
    Quote expected =
        new Quote(
            new Symbol("BRK.B"),
            Instant.parse("2013-10-07T13:30:00.123Z"),
            116.5,
            10,
            "lean-tick",
            7,
            "NYSE",
            0);

    assertThat(codec.decode(GoldenFiles.read("quote-v1-extra-field.json"))).isEqualTo(expected);
  }

  @Test
  void carriesTheExchangeAndTheSaleConditionsOfATradeByName() {
    // The example: a TRF average-price print of SPY, 2013-10-07 13:07:19 New York.
    Quote print =
        new Quote(
            new Symbol("SPY"),
            Instant.parse("2013-10-07T17:07:19.150Z"),
            168.90,
            1_002_411,
            "lean-tick",
            133_187,
            "D",
            SaleCondition.AVERAGE_PRICE.mask() | SaleCondition.TRADE_THROUGH_EXEMPT.mask());

    assertThat(codec.encodeValue(print)).isEqualTo(GoldenFiles.read("quote-v1-conditions.json"));
    assertThat(codec.decode(GoldenFiles.read("quote-v1-conditions.json"))).isEqualTo(print);
  }

  @Test
  void carriesTheListingExchangeWhoseAuctionPrintsAreTheOfficialOpenAndClose() {
    // NYSE's closing print of IBM on 2013-10-07, reported at 16:01:04 New York.
    Quote close =
        new Quote(
            new Symbol("IBM"),
            Instant.parse("2013-10-07T20:01:04.221Z"),
            182.01,
            151_665,
            "lean-tick",
            24_267,
            "N",
            SaleCondition.CLOSING_PRINT.mask(),
            "N");

    assertThat(codec.encodeValue(close)).isEqualTo(GoldenFiles.read("quote-v1-auction.json"));
    assertThat(codec.decode(GoldenFiles.read("quote-v1-auction.json"))).isEqualTo(close);
    assertThat(new String(codec.encodeValue(TRADE), java.nio.charset.StandardCharsets.UTF_8))
        .doesNotContain("listingExchange");
  }

  @Test
  void aMalformedListingExchangeNamesTheField() {
    byte[] value =
        ("{\"schemaVersion\":1,\"symbol\":\"IBM\",\"eventTime\":\"2013-10-07T13:30:00.123Z\","
                + "\"priceUsd\":185.12,\"sizeShares\":100,\"source\":\"lean-tick\","
                + "\"sequence\":42,\"listingExchange\":\"nyse\"}")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    assertThatThrownBy(() -> codec.decode(value))
        .isInstanceOf(InvalidWireRecordException.class)
        .satisfies(
            e -> assertThat(((InvalidWireRecordException) e).field()).isEqualTo("listingExchange"))
        .hasMessageContaining("\"nyse\" is not an exchange code");
  }

  @Test
  void nullExchangeAndSaleConditionsReadAsAbsent() {
    byte[] value =
        ("{\"schemaVersion\":1,\"symbol\":\"IBM\",\"eventTime\":\"2013-10-07T13:30:00.123Z\","
                + "\"priceUsd\":185.12,\"sizeShares\":100,\"source\":\"lean-tick\","
                + "\"sequence\":42,\"exchange\":null,\"saleConditions\":null}")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    assertThat(codec.decode(value)).isEqualTo(TRADE);
  }

  @Test
  void aQuoteWithoutExchangeOrConditionsIsARegularSaleAndWritesNeitherField() {
    assertThat(TRADE.exchange()).isNull();
    assertThat(TRADE.conditions()).isZero();
    assertThat(new String(codec.encodeValue(TRADE), java.nio.charset.StandardCharsets.UTF_8))
        .doesNotContain("exchange")
        .doesNotContain("saleConditions");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"saleConditions\":[\"sold-on-mars\"]|saleConditions|"
            + "\"sold-on-mars\" is not a sale condition (e.g. regular, intermarket-sweep, form-t)",
        "\"saleConditions\":\"regular\"|saleConditions|\"regular\" is not an array of strings",
        "\"saleConditions\":[1]|saleConditions|[1] is not an array of strings",
        "\"exchange\":\"nyse arca\"|exchange|"
            + "\"nyse arca\" is not an exchange code like N, P or XNYS ([A-Z0-9]{1,8})",
        "\"exchange\":7|exchange|7 is not a string",
      })
  void rejectsBadExchangesAndConditionsNamingTheField(String extra, String field, String reason) {
    byte[] value =
        ("{\"schemaVersion\":1,\"symbol\":\"IBM\",\"eventTime\":\"2013-10-07T13:30:00Z\","
                + "\"priceUsd\":185.12,\"sizeShares\":100,\"source\":\"lean-tick\","
                + "\"sequence\":1,"
                + extra
                + "}")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    assertThatThrownBy(() -> codec.decode(value))
        .isInstanceOfSatisfying(
            InvalidWireRecordException.class,
            e -> {
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.reason()).isEqualTo(reason);
            });
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
