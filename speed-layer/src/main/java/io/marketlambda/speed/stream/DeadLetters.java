package io.marketlambda.speed.stream;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.when;

import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Sends invalid quotes to the dead-letter topic: the original key and value bytes unchanged, and in
 * Kafka headers why and where from (the convention of Kafka Connect's dead-letter queues):
 *
 * <pre>
 * marketlambda.error.field      the field at fault, "$" for the whole value
 * marketlambda.error.reason     why, naming the value
 * marketlambda.source.topic     topic, partition and offset of the original record
 * marketlambda.source.partition
 * marketlambda.source.offset
 * marketlambda.error.truncated-from  only when the value was cut: its original size in bytes
 * </pre>
 *
 * Values over {@value #MAX_VALUE_BYTES} bytes are cut to that size, so that a producer's runaway
 * record cannot exceed the dead-letter topic's message size (Kafka's default is 1 MiB) and stop the
 * speed layer; the header keeps the original size. A micro-batch replayed after a failure sends its
 * dead letters again (at least once).
 */
final class DeadLetters {
  static final String ERROR_FIELD = "marketlambda.error.field";
  static final String ERROR_REASON = "marketlambda.error.reason";
  static final String SOURCE_TOPIC = "marketlambda.source.topic";
  static final String SOURCE_PARTITION = "marketlambda.source.partition";
  static final String SOURCE_OFFSET = "marketlambda.source.offset";
  static final String TRUNCATED_FROM = "marketlambda.error.truncated-from";
  static final int MAX_VALUE_BYTES = 512 * 1024;

  private DeadLetters() {}

  /** Writes the invalid rows of a decoded micro-batch to {@code topic}. */
  static void send(Dataset<Row> invalid, String topic, Map<String, String> kafka) {
    Column value = col(DecodedQuoteColumns.KAFKA_VALUE);
    Column oversized = length(value).gt(MAX_VALUE_BYTES);
    Column headers =
        array(
            header(ERROR_FIELD, col(DecodedQuoteColumns.ERROR_FIELD)),
            header(ERROR_REASON, col(DecodedQuoteColumns.ERROR_REASON)),
            header(SOURCE_TOPIC, col(DecodedQuoteColumns.KAFKA_TOPIC)),
            header(SOURCE_PARTITION, col(DecodedQuoteColumns.KAFKA_PARTITION)),
            header(SOURCE_OFFSET, col(DecodedQuoteColumns.KAFKA_OFFSET)));
    KafkaOptions.save(
        invalid.select(
            col(DecodedQuoteColumns.KAFKA_KEY).as("key"),
            when(oversized, substring(value, 1, MAX_VALUE_BYTES)).otherwise(value).as("value"),
            when(oversized, concat(headers, array(header(TRUNCATED_FROM, length(value)))))
                .otherwise(headers)
                .as("headers")),
        topic,
        kafka);
  }

  /** A Kafka header struct for Spark's Kafka sink: the value as its string's UTF-8 bytes. */
  static Column header(String key, Column value) {
    return struct(lit(key).as("key"), value.cast("string").cast("binary").as("value"));
  }
}
