package io.marketlambda.speed.stream;

import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.wire.BarWireCodec;
import io.marketlambda.core.wire.InvalidWireRecordException;
import io.marketlambda.speed.hbase.SparkRows;
import io.marketlambda.views.BarColumns;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Decodes one Kafka record of the bars topic ({@code marketlambda.bars.v1}) with {@link
 * BarWireCodec} into a row of {@link #SCHEMA}: the {@link BarColumns} (null when invalid), then the
 * error and Kafka columns of {@link DecodedQuoteColumns} under the same names, so invalid bars go
 * to the dead-letter topic the same way. Never throws on bad data.
 *
 * <p>Only 1-minute bars are taken: the speed layer rolls 5m, 15m and 1h up from them itself, and
 * days and longer belong to the batch layer. A bar of another interval is invalid (field {@code
 * interval}), so nothing is dropped unseen.
 */
final class BarDecoder implements MapFunction<Row, Row> {
  private static final long serialVersionUID = 1L;
  private static final BarWireCodec CODEC = new BarWireCodec();

  /** {@link BarColumns}, nullable, then the error and Kafka columns. */
  static final StructType SCHEMA = schema();

  @Override
  public Row call(Row kafka) {
    byte[] key = kafka.getAs("key");
    byte[] value = kafka.getAs("value");
    String topic = kafka.getAs("topic");
    int partition = kafka.<Integer>getAs("partition");
    long offset = kafka.<Long>getAs("offset");
    Object[] values = new Object[SCHEMA.size()];
    int errors = BarColumns.SCHEMA.size();
    String field = null;
    String reason = null;
    if (value != null && value.length > io.marketlambda.views.WireQuotes.MAX_VALUE_BYTES) {
      field = InvalidWireRecordException.WHOLE_VALUE;
      reason =
          "is "
              + value.length
              + " bytes, more than the "
              + io.marketlambda.views.WireQuotes.MAX_VALUE_BYTES
              + " a bar may have";
    } else {
      try {
        Bar bar = CODEC.decode(value);
        if (bar.interval() == BarInterval.ONE_MINUTE) {
          Row row = SparkRows.barRow(bar);
          for (int i = 0; i < errors; i++) {
            values[i] = row.get(i);
          }
        } else {
          field = "interval";
          reason =
              "is "
                  + bar.interval().code()
                  + "; the speed layer takes 1m bars (it rolls 5m, 15m and 1h up itself) and"
                  + " leaves days and longer to the batch layer";
        }
      } catch (InvalidWireRecordException e) {
        field = e.field();
        reason = e.reason();
      }
    }
    values[errors] = field;
    values[errors + 1] = reason;
    values[errors + 2] = key;
    values[errors + 3] = value;
    values[errors + 4] = topic;
    values[errors + 5] = partition;
    values[errors + 6] = offset;
    return RowFactory.create(values);
  }

  private static StructType schema() {
    StructType schema = new StructType();
    for (StructField field : BarColumns.SCHEMA.fields()) {
      schema = schema.add(field.name(), field.dataType(), true);
    }
    for (StructField field : DecodedQuoteColumns.SCHEMA.fields()) {
      if (isErrorOrKafka(field.name())) {
        schema = schema.add(field);
      }
    }
    return schema;
  }

  private static boolean isErrorOrKafka(String name) {
    return name.startsWith("error_") || name.startsWith("kafka_");
  }
}
