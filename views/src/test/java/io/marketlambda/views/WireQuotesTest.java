package io.marketlambda.views;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.core.wire.QuoteWireCodec;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one decoding of the quotes topic, shared by both layers: never throws, names the field. */
class WireQuotesTest {
  private static final long FIVE_MINUTES = 5 * 60_000;
  private static final int FIELD = WireQuotes.DECODED_VALUES - 2;
  private static final int REASON = WireQuotes.DECODED_VALUES - 1;

  private final QuoteWireCodec codec = new QuoteWireCodec();

  @Test
  void decodesAQuoteIntoItsColumns() {
    Instant time = Instant.parse("2013-10-07T13:30:00.123Z");
    Quote quote = new Quote(Symbol.of("IBM"), time, 185.12, 100, "lean-tick", 7);

    Object[] values =
        WireQuotes.decode(
            codec.encodeValue(quote), Timestamp.from(Instant.parse("2026-12-06T00:00:00Z")), 0);

    assertThat(values)
        // a regular sale: no exchange, no sale condition, no listing market; then no error field
        // and reason
        .containsExactly(
            "IBM", Timestamp.from(time), 185.12, 100L, "lean-tick", 7L, null, 0L, null, null, null);
  }

  @Test
  void decodesTheExchangeConditionsAndListingMarketOfAnAuctionPrint() {
    Instant time = Instant.parse("2013-10-07T20:01:04.221Z");
    long closingPrint = io.marketlambda.core.model.SaleCondition.CLOSING_PRINT.mask();
    Quote quote =
        new Quote(
            Symbol.of("IBM"), time, 182.01, 151_665, "lean-tick", 24_267, "N", closingPrint, "N");

    Object[] values =
        WireQuotes.decode(
            codec.encodeValue(quote), Timestamp.from(Instant.parse("2026-12-06T00:00:00Z")), 0);

    assertThat(values)
        .containsExactly(
            "IBM",
            Timestamp.from(time),
            182.01,
            151_665L,
            "lean-tick",
            24_267L,
            "N",
            closingPrint,
            "N",
            null,
            null);
  }

  @Test
  void rejectsAnEventTimeTooFarAheadOfTheRecordsKafkaTimestamp() {
    Instant sent = Instant.parse("2026-12-06T15:00:00Z");
    // A producer whose clock, or time zone, is off: a year ahead.
    Quote yearAhead =
        new Quote(Symbol.of("IBM"), Instant.parse("2027-12-06T15:00:00Z"), 185.0, 1, "it", 1);
    Quote slightlyAhead = new Quote(Symbol.of("IBM"), sent.plusSeconds(299), 185.0, 1, "it", 2);

    Object[] rejected =
        WireQuotes.decode(codec.encodeValue(yearAhead), Timestamp.from(sent), FIVE_MINUTES);
    Object[] accepted =
        WireQuotes.decode(codec.encodeValue(slightlyAhead), Timestamp.from(sent), FIVE_MINUTES);

    assertThat(rejected[0]).isNull();
    assertThat(rejected[FIELD]).isEqualTo("eventTime");
    assertThat((String) rejected[REASON])
        .contains(" ahead of the record's Kafka timestamp 2026-12-06T15:00:00Z")
        .endsWith("more than quotes.max-event-time-ahead (PT5M)");
    assertThat(accepted[FIELD]).isNull();
    assertThat(accepted[0]).isEqualTo("IBM");
  }

  @Test
  void aRecordWithoutATimestampIsNotBounded() {
    Quote future =
        new Quote(Symbol.of("IBM"), Instant.parse("2099-01-01T00:00:00Z"), 1, 1, "it", 1);

    assertThat(WireQuotes.decode(codec.encodeValue(future), null, FIVE_MINUTES)[FIELD]).isNull();
    assertThat(WireQuotes.decode(codec.encodeValue(future), new Timestamp(-1), FIVE_MINUTES)[FIELD])
        .isNull();
  }

  @Test
  void rejectsBytesJacksonTakesForUcs4AsTheWholeValue() {
    Object[] values = WireQuotes.decode(new byte[] {0, 0, 0x41, 0}, null, FIVE_MINUTES);

    assertThat(values[FIELD]).isEqualTo("$");
    assertThat((String) values[REASON]).startsWith("is not UTF-8 JSON");
  }

  /**
   * Random mutations of a valid value (bytes flipped, cut, repeated, BOMs and odd encodings put in
   * front): whatever comes in, decode returns a quote or a rejection naming a field and a reason.
   */
  @Test
  void neverThrowsOnMutatedValues() {
    byte[] valid =
        codec.encodeValue(
            new Quote(
                Symbol.of("IBM"), Instant.parse("2013-10-07T13:30:00Z"), 185.12, 100, "it", 1));
    byte[][] prefixes = {
      {},
      {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
      {(byte) 0xFE, (byte) 0xFF},
      {0, 0, (byte) 0xFE, (byte) 0xFF},
      {0, 0, 0},
      "[".getBytes(UTF_8)
    };
    Random random = new Random(20131007);
    int rejected = 0;
    for (int i = 0; i < 20_000; i++) {
      byte[] prefix = prefixes[random.nextInt(prefixes.length)];
      byte[] body = valid.clone();
      for (int flips = random.nextInt(4); flips > 0; flips--) {
        body[random.nextInt(body.length)] = (byte) random.nextInt(256);
      }
      int length = random.nextInt(4) == 0 ? random.nextInt(body.length + 1) : body.length;
      byte[] value = new byte[prefix.length + length];
      System.arraycopy(prefix, 0, value, 0, prefix.length);
      System.arraycopy(body, 0, value, prefix.length, length);

      Object[] values =
          WireQuotes.decode(value, Timestamp.from(Instant.parse("2013-10-07T13:30:00Z")), 0);

      if (values[FIELD] == null) {
        assertThat(values[0]).as("symbol of an accepted value").isNotNull();
      } else {
        rejected++;
        assertThat((String) values[REASON]).as("reason for field " + values[FIELD]).isNotBlank();
        assertThat(values[0]).isNull();
      }
    }
    assertThat(rejected).as("mutations rejected").isGreaterThan(10_000);
  }
}
