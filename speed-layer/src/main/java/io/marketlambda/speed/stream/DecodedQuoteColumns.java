package io.marketlambda.speed.stream;

import io.marketlambda.views.QuoteColumns;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A Kafka record of the quotes topic after decoding: the {@link QuoteColumns} (null when invalid),
 * why it is invalid (null when valid), and where it came from.
 *
 * <pre>
 * ...QuoteColumns...    (nullable)
 * error_field      string  the field at fault, "$" for the whole value; null when valid
 * error_reason     string  why, naming the value; null when valid
 * kafka_key        binary  the record's key, as received
 * kafka_value      binary  the record's value, as received
 * kafka_topic      string
 * kafka_partition  int
 * kafka_offset     long
 * </pre>
 */
final class DecodedQuoteColumns {
  static final String ERROR_FIELD = "error_field";
  static final String ERROR_REASON = "error_reason";
  static final String KAFKA_KEY = "kafka_key";
  static final String KAFKA_VALUE = "kafka_value";
  static final String KAFKA_TOPIC = "kafka_topic";
  static final String KAFKA_PARTITION = "kafka_partition";
  static final String KAFKA_OFFSET = "kafka_offset";

  static final StructType SCHEMA = schema();

  private DecodedQuoteColumns() {}

  private static StructType schema() {
    StructType schema = new StructType();
    for (StructField field : QuoteColumns.SCHEMA.fields()) {
      schema = schema.add(field.name(), field.dataType(), true);
    }
    return schema
        .add(ERROR_FIELD, DataTypes.StringType, true)
        .add(ERROR_REASON, DataTypes.StringType, true)
        .add(KAFKA_KEY, DataTypes.BinaryType, true)
        .add(KAFKA_VALUE, DataTypes.BinaryType, true)
        .add(KAFKA_TOPIC, DataTypes.StringType, false)
        .add(KAFKA_PARTITION, DataTypes.IntegerType, false)
        .add(KAFKA_OFFSET, DataTypes.LongType, false);
  }
}
