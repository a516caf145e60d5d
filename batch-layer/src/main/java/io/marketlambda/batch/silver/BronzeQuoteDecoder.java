package io.marketlambda.batch.silver;

import io.marketlambda.batch.bronze.BronzeColumns;
import io.marketlambda.views.WireQuotes;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Decodes one row of {@code bronze.quotes} with {@link WireQuotes} (the speed layer decodes the
 * topic with it too) into a row of {@link SilverQuotes#DECODED}. Never throws on bad data: a value
 * the codec rejects becomes a row with the field and reason, for the quarantine.
 */
final class BronzeQuoteDecoder implements MapFunction<Row, Row> {
  private static final long serialVersionUID = 1L;
  private final long maxAheadMillis;

  /**
   * @param maxAheadMillis how far an event time may be ahead of the row's Kafka timestamp
   */
  BronzeQuoteDecoder(long maxAheadMillis) {
    this.maxAheadMillis = maxAheadMillis;
  }

  @Override
  public Row call(Row bronze) {
    byte[] value = bronze.getAs(BronzeColumns.KAFKA_VALUE);
    Object[] decoded =
        WireQuotes.decode(
            value, bronze.<java.sql.Timestamp>getAs(BronzeColumns.KAFKA_TIMESTAMP), maxAheadMillis);
    Object[] values = java.util.Arrays.copyOf(decoded, decoded.length + 4);
    values[decoded.length] = bronze.getAs(BronzeColumns.KAFKA_TOPIC);
    values[decoded.length + 1] = bronze.getAs(BronzeColumns.KAFKA_PARTITION);
    values[decoded.length + 2] = bronze.getAs(BronzeColumns.KAFKA_OFFSET);
    values[decoded.length + 3] = value;
    return RowFactory.create(values);
  }
}
