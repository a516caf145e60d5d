package io.marketlambda.speed.stream;

import io.marketlambda.core.config.TopicsConfig;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
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
   * Starts every query of the speed layer.
   *
   * @throws IllegalStateException if a query cannot start (e.g. an unreadable checkpoint, or Kafka
   *     cannot be reached)
   */
  public List<StreamingQuery> start() {
    TopicsConfig topics = config.topics();
    KafkaOptions.createMissing(config.kafka(), topics.bars());
    SpeedSink sink =
        new RealtimeViewsSink(
            config.hbase(),
            config.views(),
            config.kafka(),
            topics.late(),
            topics.deadLetter(),
            topics.alerts());
    SpeedPipeline pipeline = new SpeedPipeline(spark, config, sink, metrics);
    StreamingQuery views =
        pipeline.startViews(
            kafka(topics.quotes() + "," + topics.bars()), partitions(topics.quotes()));
    StreamingQuery latest = pipeline.startLatestQuotes(kafka(topics.quotes()));
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
        .load();
  }

  /** The partition count of {@code topic}, for the state's shuffle. */
  private int partitions(String topic) {
    Map<String, Object> properties = new TreeMap<>(config.kafka());
    try (Admin admin = Admin.create(properties)) {
      return admin
          .describeTopics(List.of(topic))
          .allTopicNames()
          .get(30, TimeUnit.SECONDS)
          .get(topic)
          .partitions()
          .size();
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "Cannot read the partitions of topic " + topic + ": " + e.getCause().getMessage(), e);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "Cannot read the partitions of topic " + topic + ": Kafka gave no answer in 30 s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted reading topic " + topic, e);
    }
  }
}
