package io.marketlambda.speed.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketlambda.core.model.AuctionPrint;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.SaleCondition;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.core.wire.QuoteWireCodec;
import java.sql.Timestamp;
import java.time.Instant;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.junit.jupiter.api.Test;

/** A quotes-topic record decoded into an event row: conditions and the auction print it is. */
class EventDecoderTest {
  private static final Instant REPORTED = Instant.parse("2013-10-07T20:01:04.221Z");
  private static final long CLOSING = SaleCondition.CLOSING_PRINT.mask();

  private final EventDecoder decoder = new EventDecoder("bars", 300_000);

  @Test
  void theListingMarketsClosingPrintIsMarkedAsTheClosingAuction() {
    Row event = decode(quote("N", CLOSING, "N"));

    assertThat(event.getString(EventColumns.I_KIND)).isEqualTo(EventColumns.TRADE);
    assertThat(event.getLong(EventColumns.I_CONDITIONS)).isEqualTo(CLOSING);
    assertThat(event.getInt(EventColumns.I_AUCTION_PRINT)).isEqualTo(AuctionPrint.CLOSING.code());
  }

  @Test
  void anotherMarketsClosingPrintOrAnUnknownListingIsAnOrdinaryTrade() {
    assertThat(decode(quote("Q", CLOSING, "N")).getInt(EventColumns.I_AUCTION_PRINT))
        .isEqualTo(AuctionPrint.NONE.code());
    assertThat(decode(quote("N", CLOSING, null)).getInt(EventColumns.I_AUCTION_PRINT))
        .isEqualTo(AuctionPrint.NONE.code());
  }

  private static Quote quote(String exchange, long conditions, String listingExchange) {
    return new Quote(
        Symbol.of("IBM"),
        REPORTED,
        182.01,
        151_665,
        "lean-tick",
        24_267,
        exchange,
        conditions,
        listingExchange);
  }

  private Row decode(Quote quote) {
    QuoteWireCodec codec = new QuoteWireCodec();
    Row record =
        new GenericRowWithSchema(
            new Object[] {
              codec.encodeKey(quote),
              codec.encodeValue(quote),
              "quotes",
              0,
              7L,
              Timestamp.from(REPORTED.plusMillis(5))
            },
            SpeedPipelineTest.KAFKA);
    return decoder.call(record);
  }
}
