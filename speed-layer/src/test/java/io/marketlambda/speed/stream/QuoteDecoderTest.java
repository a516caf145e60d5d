package io.marketlambda.speed.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class QuoteDecoderTest {
  /** The columns of Spark's Kafka source that the decoder reads. */
  private static final StructType KAFKA =
      new StructType()
          .add("key", DataTypes.BinaryType)
          .add("value", DataTypes.BinaryType)
          .add("topic", DataTypes.StringType)
          .add("partition", DataTypes.IntegerType)
          .add("offset", DataTypes.LongType);

  private final QuoteDecoder decoder = new QuoteDecoder();

  @Test
  void decodesAValidQuoteIntoTheQuoteColumns() {
    Row row =
        decoder.call(
            kafka(
                "{\"schemaVersion\":1,\"symbol\":\"IBM\",\"eventTime\":\"2013-10-07T13:30:00.123Z\","
                    + "\"priceUsd\":185.12,\"sizeShares\":100,\"source\":\"lean-tick\",\"sequence\":42}"));

    assertThat(row.getString(0)).isEqualTo("IBM");
    assertThat(((Timestamp) row.get(1)).toInstant())
        .isEqualTo(Instant.parse("2013-10-07T13:30:00.123Z"));
    assertThat(row.getDouble(2)).isEqualTo(185.12);
    assertThat(row.getLong(3)).isEqualTo(100);
    assertThat(row.getString(4)).isEqualTo("lean-tick");
    assertThat(row.getLong(5)).isEqualTo(42);
    assertThat(row.get(6)).isNull();
    assertThat(row.get(7)).isNull();
    assertThat(row.getString(10)).isEqualTo("marketlambda.quotes.v1");
    assertThat(row.getLong(12)).isEqualTo(1842);
  }

  @Test
  void anInvalidQuoteKeepsItsBytesFieldAndReason() {
    String value =
        "{\"schemaVersion\":1,\"symbol\":\"IBM\",\"eventTime\":\"2013-10-07T13:30:00Z\","
            + "\"priceUsd\":-3.2,\"sizeShares\":100,\"source\":\"lean-tick\",\"sequence\":1}";

    Row row = decoder.call(kafka(value));

    assertThat(row.get(0)).isNull();
    assertThat(row.getString(6)).isEqualTo("priceUsd");
    assertThat(row.getString(7)).isEqualTo("-3.2 is not a positive finite number");
    assertThat((byte[]) row.get(9)).isEqualTo(value.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void anOversizedValueIsRejectedUnread() {
    byte[] value = new byte[io.marketlambda.views.WireQuotes.MAX_VALUE_BYTES + 1];

    Row row = decoder.call(new GenericRowWithSchema(new Object[] {null, value, "q", 0, 7L}, KAFKA));

    assertThat(row.getString(6)).isEqualTo("$");
    assertThat(row.getString(7)).isEqualTo("is 65537 bytes, more than the 65536 a quote may have");
  }

  @Test
  void aMissingValueIsInvalidNotAFailure() {
    Row row = decoder.call(new GenericRowWithSchema(new Object[] {null, null, "q", 0, 7L}, KAFKA));

    assertThat(row.getString(6)).isEqualTo("$");
    assertThat(row.getString(7)).isNotBlank();
  }

  private static Row kafka(String value) {
    return new GenericRowWithSchema(
        new Object[] {
          "IBM".getBytes(StandardCharsets.UTF_8),
          value.getBytes(StandardCharsets.UTF_8),
          "marketlambda.quotes.v1",
          2,
          1842L
        },
        KAFKA);
  }
}
