package io.marketlambda.speed.stream;

import io.marketlambda.core.config.Settings;
import io.marketlambda.core.config.TopicsConfig;
import io.marketlambda.views.SparkSessions;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;

/**
 * The speed layer wired to its real ends: {@link SpeedPipeline} reading Kafka with Spark's Kafka
 * source ({@code marketlambda.quotes.v1} and {@code marketlambda.bars.v1}, from the earliest offset
 * on a new checkpoint) and writing through {@link RealtimeViewsSink} (HBase realtime views; late,
 * dead-letter and alerts topics).
 *
 * <p>Each query has its checkpoint under {@code <lake.root>/_checkpoints/<query>}: a restart
 * resumes where the last committed micro-batch ended.
 */
public final class SpeedJob {
  private final SparkSession spark;
  private final SpeedConfig config;
  private final SpeedMetrics metrics;

  public SpeedJob(SparkSession spark, SpeedConfig config, SpeedMetrics metrics) {
    this.spark = spark;
    this.config = config;
    this.metrics = metrics;
  }

  /**
   * What the Spark UI of a job that runs for days keeps, unless set: the last 100 jobs and stages
   * and 50 SQL executions. With Spark's defaults (1,000 each) the heap the UI holds grows for the
   * first thousand micro-batches, a few minutes at 5 a second.
   */
  static final List<String> UI_RETENTION =
      List.of(
          "spark.ui.retainedJobs=100",
          "spark.ui.retainedStages=100",
          "spark.ui.retainedTasks=10000",
          "spark.sql.ui.retainedExecutions=50");

  /**
   * Returns {@code settings} ready for the speed layer's Spark session: {@link #UI_RETENTION} where
   * not set, and enough task slots on one machine: when no Spark master is configured (Spark would
   * run {@code local[*]}, one slot per core) and the latest-quote query runs continuously, {@code
   * spark.master=local[cores + partitions + 2, 4]}, as a continuous query holds one slot per
   * quotes-topic partition for as long as it runs.
   *
   * @throws IllegalStateException when the quotes topic's partitions cannot be read
   */
  public static Settings withTaskSlots(Settings given) {
    Settings settings =
        given.withOverrides(
            UI_RETENTION.stream()
                .filter(entry -> !given.keys().contains(entry.substring(0, entry.indexOf('='))))
                .toList());
    SpeedConfig config = SpeedConfig.from(settings);
    if (config.latestQuoteTrigger() != SpeedConfig.LatestQuoteTrigger.CONTINUOUS
        || config.trigger() == SpeedConfig.Trigger.AVAILABLE_NOW
        || settings.keys().contains("spark.master")
        || System.getProperty("spark.master") != null) {
      return settings;
    }
    KafkaOptions.createMissing(config.kafka(), config.topics().quotes());
    int slots =
        Runtime.getRuntime().availableProcessors()
            + KafkaOptions.partitions(config.kafka(), config.topics().quotes())
            + 2;
    return settings.withOverrides(
        List.of("spark.master=local[" + slots + "," + SparkSessions.LOCAL_TASK_ATTEMPTS + "]"));
  }

  /**
   * Starts every query of the speed layer.
   *
   * @throws IllegalStateException if a query cannot start (e.g. an unreadable checkpoint, or Kafka
   *     cannot be reached)
   */
  public List<StreamingQuery> start() {
    TopicsConfig topics = config.topics();
    KafkaOptions.createMissing(
        config.kafka(),
        topics.quotes(),
        topics.bars(),
        topics.late(),
        topics.deadLetter(),
        topics.alerts());
    SpeedSink sink =
        new RealtimeViewsSink(
            config.hbase(),
            config.views(),
            config.kafka(),
            topics.late(),
            topics.deadLetter(),
            topics.alerts());
    SpeedPipeline pipeline = new SpeedPipeline(spark, config, sink, metrics);
    int partitions = KafkaOptions.partitions(config.kafka(), topics.quotes());
    StreamingQuery views =
        pipeline.startViews(kafka(topics.quotes() + "," + topics.bars()), partitions);
    StreamingQuery latest = pipeline.startLatestQuotes(kafka(topics.quotes()), partitions);
    return List.of(latest, views);
  }

  private Dataset<Row> kafka(String subscribe) {
    return spark
        .readStream()
        .format("kafka")
        .options(KafkaOptions.prefixed(config.kafka()))
        .option("subscribe", subscribe)
        .option("startingOffsets", "earliest")
        .option("maxOffsetsPerTrigger", config.maxOffsetsPerTrigger())
        .option("failOnDataLoss", config.failOnDataLoss())
        .load();
  }
}
