package io.marketlambda.speed.stream;

import io.marketlambda.views.WireQuotes;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Decodes one Kafka record of the quotes topic with the wire format's one definition, into a row of
 * {@link DecodedQuoteColumns}. Never throws on bad data: an invalid value becomes a row with the
 * field and reason, for the dead-letter topic.
 *
 * <p>The value is decoded by {@link WireQuotes}, as the batch layer decodes the landed quotes.
 */
final class QuoteDecoder implements MapFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  @Override
  public Row call(Row kafka) {
    byte[] value = kafka.getAs("value");
    Object[] decoded = WireQuotes.decode(value);
    Object[] values = java.util.Arrays.copyOf(decoded, decoded.length + 5);
    values[decoded.length] = kafka.getAs("key");
    values[decoded.length + 1] = value;
    values[decoded.length + 2] = kafka.getAs("topic");
    values[decoded.length + 3] = kafka.<Integer>getAs("partition");
    values[decoded.length + 4] = kafka.<Long>getAs("offset");
    return RowFactory.create(values);
  }
}
