package io.marketlambda.batch.bronze;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.to_date;

import io.delta.tables.DeltaTable;
import io.marketlambda.core.lake.LakeLayout;
import io.marketlambda.core.lake.LakeTable;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
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
 */
public final class QuoteLanding {
  /** The landing query's name and checkpoint. */
  public static final String QUERY = "land-quotes";

  private final SparkSession spark;
  private final LakeLayout lake;
  private final Map<String, String> kafka;
  private final String topic;
  private final Consumer<String> progress;

  /**
   * @param kafka Kafka client settings, {@code kafka.} prefix stripped (e.g. {@code
   *     bootstrap.servers})
   * @param topic the quotes topic
   */
  public QuoteLanding(
      SparkSession spark,
      LakeLayout lake,
      Map<String, String> kafka,
      String topic,
      Consumer<String> progress) {
    this.spark = spark;
    this.lake = lake;
    this.kafka = Map.copyOf(kafka);
    this.topic = topic;
    this.progress = progress;
  }

  /**
   * Lands what the topic holds now and returns the number of records landed by this run.
   *
   * @throws IllegalStateException naming the topic and cause when the query fails
   */
  public long run() {
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
      for (StreamingQueryProgress batch : query.recentProgress()) {
        landed += batch.numInputRows();
      }
      progress.accept(
          String.format(Locale.ROOT, "bronze.quotes: %,d records landed from %s", landed, topic));
      return landed;
    } catch (StreamingQueryException e) {
      throw new IllegalStateException(
          "Cannot land topic " + topic + " into " + path + ": " + e.getMessage(), e);
    }
  }
}
