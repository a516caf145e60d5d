package io.marketlambda.batch.silver;

import io.marketlambda.batch.bronze.BronzeColumns;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.wire.InvalidWireRecordException;
import io.marketlambda.core.wire.QuoteWireCodec;
import java.sql.Timestamp;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Decodes one row of {@code bronze.quotes} with {@link QuoteWireCodec}, the wire format's one
 * definition (the speed layer reads the topic with it too), into a row of {@link
 * SilverQuotes#DECODED}. Never throws on bad data: a value the codec rejects becomes a row with the
 * field and reason, for the quarantine. Values over {@value #MAX_VALUE_BYTES} bytes are rejected
 * unread (a quote is under 300 bytes).
 */
final class BronzeQuoteDecoder implements MapFunction<Row, Row> {
  static final int MAX_VALUE_BYTES = 64 * 1024;
  private static final long serialVersionUID = 1L;
  private static final QuoteWireCodec CODEC = new QuoteWireCodec();

  @Override
  public Row call(Row bronze) {
    byte[] value = bronze.getAs(BronzeColumns.KAFKA_VALUE);
    Object[] lineage = {
      bronze.getAs(BronzeColumns.KAFKA_TOPIC),
      bronze.getAs(BronzeColumns.KAFKA_PARTITION),
      bronze.getAs(BronzeColumns.KAFKA_OFFSET),
      value
    };
    if (value != null && value.length > MAX_VALUE_BYTES) {
      return invalid(
          InvalidWireRecordException.WHOLE_VALUE,
          "is " + value.length + " bytes, more than the " + MAX_VALUE_BYTES + " a quote may have",
          lineage);
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
          lineage[0],
          lineage[1],
          lineage[2],
          lineage[3]);
    } catch (InvalidWireRecordException e) {
      return invalid(e.field(), e.reason(), lineage);
    }
  }

  private static Row invalid(String field, String reason, Object[] lineage) {
    return RowFactory.create(
        null,
        null,
        null,
        null,
        null,
        null,
        field,
        reason,
        lineage[0],
        lineage[1],
        lineage[2],
        lineage[3]);
  }
}
