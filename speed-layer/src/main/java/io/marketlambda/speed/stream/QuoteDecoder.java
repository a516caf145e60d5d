package io.marketlambda.speed.stream;

import io.marketlambda.core.model.Quote;
import io.marketlambda.core.wire.InvalidWireRecordException;
import io.marketlambda.core.wire.QuoteWireCodec;
import java.sql.Timestamp;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Decodes one Kafka record of the quotes topic with {@link QuoteWireCodec}, the wire format's one
 * definition, into a row of {@link DecodedQuoteColumns}. Never throws on bad data: an invalid value
 * becomes a row with the field and reason, for the dead-letter topic.
 *
 * <p>Values over {@value #MAX_VALUE_BYTES} bytes are rejected unread: a quote is under 300 bytes,
 * and a multi-megabyte value is a producer bug, not a quote.
 */
final class QuoteDecoder implements MapFunction<Row, Row> {
  static final int MAX_VALUE_BYTES = 64 * 1024;
  private static final long serialVersionUID = 1L;
  private static final QuoteWireCodec CODEC = new QuoteWireCodec();

  @Override
  public Row call(Row kafka) {
    byte[] key = kafka.getAs("key");
    byte[] value = kafka.getAs("value");
    String topic = kafka.getAs("topic");
    int partition = kafka.<Integer>getAs("partition");
    long offset = kafka.<Long>getAs("offset");
    if (value != null && value.length > MAX_VALUE_BYTES) {
      return invalid(
          InvalidWireRecordException.WHOLE_VALUE,
          "is " + value.length + " bytes, more than the " + MAX_VALUE_BYTES + " a quote may have",
          key,
          value,
          topic,
          partition,
          offset);
    }
    try {
      Quote quote = CODEC.decode(value);
      return RowFactory.create(
          quote.symbol().value(),
          Timestamp.from(quote.eventTime()),
          quote.priceUsd(),
          quote.sizeShares(),
          quote.source(),
          quote.sequence(),
          null,
          null,
          key,
          value,
          topic,
          partition,
          offset);
    } catch (InvalidWireRecordException e) {
      return invalid(e.field(), e.reason(), key, value, topic, partition, offset);
    }
  }

  private static Row invalid(
      String field,
      String reason,
      byte[] key,
      byte[] value,
      String topic,
      int partition,
      long offset) {
    return RowFactory.create(
        null, null, null, null, null, null, field, reason, key, value, topic, partition, offset);
  }
}
