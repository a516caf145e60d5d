package io.marketlambda.batch.bronze;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.to_date;

import io.delta.tables.DeltaTable;
import io.marketlambda.core.config.ConfigKey;
import io.marketlambda.core.lake.LakeLayout;
import io.marketlambda.core.lake.LakeTable;
import io.marketlambda.views.KafkaOffsetGaps;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.apache.spark.sql.streaming.Trigger;

/**
 * Lands the quotes topic into {@code bronze.quotes} ({@link BronzeColumns#QUOTES}): a Structured
 * Streaming query with {@code Trigger.AvailableNow} that reads every record not landed yet, writes
 * it unparsed (key, value bytes and the record's topic, partition, offset and timestamp: the
 * lineage), and stops. Its checkpoint ({@code <lake.root>/_checkpoints/land-quotes}) and Delta's
 * idempotent streaming sink make it exactly once: a rerun, or a run after a crash, lands each
 * record once. Parsing and validation belong to silver, so that a codec fix can re-read history.
 *
 * <p>When the topic's retention has removed records not landed yet, {@code land} goes on from the
 * oldest record left ({@link #FAIL_ON_DATA_LOSS} false, the default) and reports the offsets it
 * covered without a record ({@link KafkaOffsetGaps}); the next batch run records the holes of
 * {@code bronze.quotes} in {@code batch_runs}. With {@code land.fail-on-data-loss=true} it fails
 * instead, on every run, as Spark's Kafka source does by default.
 */
public final class QuoteLanding {
  /** The landing query's name and checkpoint. */
  public static final String QUERY = "land-quotes";

  public static final ConfigKey<Boolean> FAIL_ON_DATA_LOSS =
      ConfigKey.bool(
          "land.fail-on-data-loss",
          false,
          "true: land fails (on every run) when quotes it has not landed are gone from Kafka;"
              + " false: it goes on from the oldest record left and reports the gap");

  /**
   * What a run landed.
   *
   * @param records records landed into {@code bronze.quotes}
   * @param offsetsWithoutRecord Kafka offsets the run covered that held no record: removed by the
   *     topic's retention before they were landed
   */
  public record Landed(long records, long offsetsWithoutRecord) {}

  private final SparkSession spark;
  private final LakeLayout lake;
  private final Map<String, String> kafka;
  private final String topic;
  private final boolean failOnDataLoss;
  private final Consumer<String> progress;

  /**
   * @param kafka Kafka client settings, {@code kafka.} prefix stripped (e.g. {@code
   *     bootstrap.servers})
   * @param topic the quotes topic
   * @param failOnDataLoss {@link #FAIL_ON_DATA_LOSS}
   */
  public QuoteLanding(
      SparkSession spark,
      LakeLayout lake,
      Map<String, String> kafka,
      String topic,
      boolean failOnDataLoss,
      Consumer<String> progress) {
    this.spark = spark;
    this.lake = lake;
    this.kafka = Map.copyOf(kafka);
    this.topic = topic;
    this.failOnDataLoss = failOnDataLoss;
    this.progress = progress;
  }

  /**
   * The holes of a landed topic: per Kafka partition ({@code topic-partition}, Kafka's own
   * spelling), the offsets between the lowest and highest landed that hold no landed record. Each
   * landed once (the landing is exactly once), these are records the topic's retention removed
   * before {@code land} read them; a gap before the first record ever landed is not seen.
   *
   * @param landed {@code bronze.quotes} rows ({@link BronzeColumns#QUOTES})
   */
  public static Map<String, Long> offsetsWithoutRecord(Dataset<Row> landed) {
    Map<String, Long> gaps = new TreeMap<>();
    for (Row partition :
        landed
            .groupBy(col(BronzeColumns.KAFKA_TOPIC), col(BronzeColumns.KAFKA_PARTITION))
            .agg(
                max(BronzeColumns.KAFKA_OFFSET)
                    .minus(min(BronzeColumns.KAFKA_OFFSET))
                    .plus(1)
                    .minus(count(lit(1)))
                    .as("gap"))
            .collectAsList()) {
      gaps.put(partition.getString(0) + "-" + partition.getInt(1), partition.getLong(2));
    }
    return gaps;
  }

  /**
   * Lands what the topic holds now.
   *
   * @throws IllegalStateException naming the topic and cause when the query fails, also when
   *     records not landed are gone from Kafka and {@code failOnDataLoss} is set
   */
  public Landed run() {
    String path = lake.table(LakeTable.BRONZE_QUOTES).toString();
    DeltaTable.createIfNotExists(spark)
        .location(new org.apache.hadoop.fs.Path(lake.table(LakeTable.BRONZE_QUOTES)).toString())
        .addColumns(BronzeColumns.QUOTES)
        .partitionedBy(BronzeColumns.INGEST_DATE)
        .property("delta.appendOnly", "true")
        .comment("marketlambda bronze.quotes: the quotes topic, landed unparsed")
        .execute();
    Map<String, String> options = new TreeMap<>();
    kafka.forEach((key, value) -> options.put("kafka." + key, value));
    try {
      StreamingQuery query =
          spark
              .readStream()
              .format("kafka")
              .options(options)
              .option("subscribe", topic)
              .option("startingOffsets", "earliest")
              .option("failOnDataLoss", failOnDataLoss)
              .load()
              .select(
                  col("key").cast("string").as(BronzeColumns.KAFKA_KEY),
                  col("value").as(BronzeColumns.KAFKA_VALUE),
                  col("topic").as(BronzeColumns.KAFKA_TOPIC),
                  col("partition").as(BronzeColumns.KAFKA_PARTITION),
                  col("offset").as(BronzeColumns.KAFKA_OFFSET),
                  col("timestamp").as(BronzeColumns.KAFKA_TIMESTAMP),
                  current_timestamp().as(BronzeColumns.INGESTED_AT),
                  to_date(current_timestamp()).as(BronzeColumns.INGEST_DATE))
              .writeStream()
              .format("delta")
              .queryName(QUERY)
              .option("checkpointLocation", lake.checkpoint(QUERY).toString())
              .trigger(Trigger.AvailableNow())
              .start(path);
      query.awaitTermination();
      long landed = 0;
      long missing = 0;
      List<String> gaps = new ArrayList<>();
      for (StreamingQueryProgress batch : query.recentProgress()) {
        landed += batch.numInputRows();
        long gap = KafkaOffsetGaps.of(batch);
        if (gap > 0) {
          missing += gap;
          gaps.add(KafkaOffsetGaps.ranges(batch));
        }
      }
      progress.accept(
          String.format(Locale.ROOT, "bronze.quotes: %,d records landed from %s", landed, topic));
      if (missing > 0) {
        progress.accept(
            String.format(
                Locale.ROOT,
                "WARNING: %,d Kafka offsets of %s held no record when landed (%s): removed by the"
                    + " topic's retention before land read them; gone from the master data set"
                    + " (land.fail-on-data-loss=false)",
                missing,
                topic,
                String.join("; ", gaps)));
      }
      return new Landed(landed, missing);
    } catch (StreamingQueryException e) {
      throw new IllegalStateException(
          "Cannot land topic " + topic + " into " + path + ": " + e.getMessage(), e);
    }
  }
}
