package io.marketlambda.speed.stream;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.time.Instant;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Sends quotes that arrived behind the watermark to the late topic: the original key and value
 * bytes unchanged, with headers saying where they came from and which watermark they missed:
 *
 * <pre>
 * marketlambda.late.watermark   the watermark (ISO-8601 UTC) the quote's event time was behind
 * marketlambda.source.topic     topic, partition and offset of the original record
 * marketlambda.source.partition
 * marketlambda.source.offset
 * </pre>
 *
 * The bar queries leave such quotes out of their bars (their state is gone); the batch layer, which
 * lands the whole quotes topic into bronze, counts them in the next nightly run. Consumers of the
 * late topic can re-publish or inspect them. A micro-batch replayed after a failure sends its late
 * quotes again (at least once).
 */
final class LateQuotes {
  static final String WATERMARK = "marketlambda.late.watermark";

  private LateQuotes() {}

  /** Writes {@code late} (rows of {@link DecodedQuoteColumns}) to {@code topic}. */
  static void send(Dataset<Row> late, Instant watermark, String topic, Map<String, String> kafka) {
    KafkaOptions.save(
        late.select(
            col(DecodedQuoteColumns.KAFKA_KEY).as("key"),
            col(DecodedQuoteColumns.KAFKA_VALUE).as("value"),
            array(
                    DeadLetters.header(WATERMARK, lit(watermark.toString())),
                    DeadLetters.header(
                        DeadLetters.SOURCE_TOPIC, col(DecodedQuoteColumns.KAFKA_TOPIC)),
                    DeadLetters.header(
                        DeadLetters.SOURCE_PARTITION, col(DecodedQuoteColumns.KAFKA_PARTITION)),
                    DeadLetters.header(
                        DeadLetters.SOURCE_OFFSET, col(DecodedQuoteColumns.KAFKA_OFFSET)))
                .as("headers")),
        topic,
        kafka);
  }
}
