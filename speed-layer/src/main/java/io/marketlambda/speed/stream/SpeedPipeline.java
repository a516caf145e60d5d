package io.marketlambda.speed.stream;

import io.marketlambda.speed.checkpoint.LocalCheckpointFileManager;
import io.marketlambda.views.AlertRules;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.DataStreamWriter;
import org.apache.spark.sql.streaming.GroupStateTimeout;
import org.apache.spark.sql.streaming.OutputMode;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The speed layer's two streaming queries, from a source of Kafka records (columns {@code key,
 * value, topic, partition, offset}, as Spark's Kafka source gives them) to a {@link SpeedSink}:
 *
 * <ul>
 *   <li>{@value #VIEWS} (quotes and bars topics): {@link EventDecoder} decodes each record; a
 *       watermark of {@code speed.watermark} on event time; per symbol, {@link SymbolViewsFunction}
 *       (Spark's {@code flatMapGroupsWithState} over {@link
 *       io.marketlambda.speed.state.SymbolViews}) updates the bars of every interval, the
 *       indicators and the alerts from the state it keeps, and sends late records and dead letters;
 *       {@link ViewUpdatesWriter} writes the updates in the same stage. No read of HBase.
 *   <li>{@value #LATEST} (quotes topic): decode, newest per symbol and partition, write. Stateless,
 *       no shuffle, one Spark job per micro-batch. Invalid records are skipped here: {@value
 *       #VIEWS} dead-letters them, once.
 * </ul>
 *
 * Both are micro-batch queries with a checkpoint each ({@link LocalCheckpointFileManager} on a
 * local file system); the state store is RocksDB with changelog checkpointing, and the shuffle has
 * as many partitions as the quotes topic. A restart resumes at the last committed micro-batch and
 * rewrites identical cells (cell timestamp = event time or bar start): exactly-once views on
 * at-least-once writes.
 */
public final class SpeedPipeline {
  private static final Logger log = LoggerFactory.getLogger(SpeedPipeline.class);

  static final String VIEWS = "speed-views";
  static final String LATEST = "speed-latest-quote";

  /**
   * The names of the speed layer's streaming queries, which are also their checkpoint directories
   * ({@code LakeLayout.checkpoint}).
   */
  public static final List<String> QUERY_NAMES = List.of(VIEWS, LATEST);

  private final SparkSession spark;
  private final SpeedConfig config;
  private final SpeedSink sink;
  private final SpeedMetrics metrics;

  /**
   * @param sink where updates go; it travels to the executors
   * @param metrics the driver's metrics, updated after each micro-batch
   */
  public SpeedPipeline(
      SparkSession spark, SpeedConfig config, SpeedSink sink, SpeedMetrics metrics) {
    this.spark = spark;
    this.config = config;
    this.sink = sink;
    this.metrics = metrics;
  }

  /**
   * Starts {@value #VIEWS}.
   *
   * @param records Kafka records of the quotes and bars topics
   * @param partitions partitions of the state's shuffle: the quotes topic's partition count
   * @throws IllegalStateException when the query cannot start
   */
  public StreamingQuery startViews(Dataset<Row> records, int partitions) {
    SpeedCounts counts = new SpeedCounts();
    spark.sparkContext().register(counts, VIEWS + "-counts");
    AlertRules rules = config.alertRules();
    Dataset<Row> updates =
        records
            .map(
                new EventDecoder(config.topics().bars(), config.maxEventTimeAhead().toMillis()),
                Encoders.row(EventColumns.SCHEMA))
            .withWatermark(EventColumns.EVENT_TIME, config.watermark().toMillis() + " milliseconds")
            .groupByKey((MapFunction<Row, String>) SymbolViewsFunction::key, Encoders.STRING())
            .flatMapGroupsWithState(
                new SymbolViewsFunction(rules, config.saleConditions(), counts),
                OutputMode.Update(),
                Encoders.BINARY(),
                Encoders.row(UpdateColumns.SCHEMA),
                GroupStateTimeout.NoTimeout());
    boolean failOnInvalid = config.onInvalidRecord() == SpeedConfig.OnInvalidRecord.FAIL;
    CountsReporter reporter = new CountsReporter(VIEWS, counts);
    return reporter.follow(
        start(
            updates
                .writeStream()
                .outputMode(OutputMode.Update())
                .foreach(new ViewUpdatesWriter(sink, counts, failOnInvalid)),
            VIEWS,
            Map.of(
                LocalCheckpointFileManager.SETTING,
                LocalCheckpointFileManager.class.getName(),
                "spark.sql.shuffle.partitions",
                Integer.toString(partitions),
                "spark.sql.streaming.stateStore.providerClass",
                "org.apache.spark.sql.execution.streaming.state.RocksDBStateStoreProvider",
                "spark.sql.streaming.stateStore.rocksdb.changelogCheckpointing.enabled",
                "true"),
            true));
  }

  /**
   * Starts {@value #LATEST}.
   *
   * @param records Kafka records of the quotes topic
   * @param partitions the quotes topic's partitions: a continuous query holds a task slot for each
   * @throws IllegalStateException when the query cannot start
   */
  public StreamingQuery startLatestQuotes(Dataset<Row> records, int partitions) {
    SpeedCounts counts = new SpeedCounts();
    spark.sparkContext().register(counts, LATEST + "-counts");
    boolean continuous =
        config.latestQuoteTrigger() == SpeedConfig.LatestQuoteTrigger.CONTINUOUS
            && config.trigger() != SpeedConfig.Trigger.AVAILABLE_NOW;
    int slots = spark.sparkContext().defaultParallelism();
    if (continuous && slots < partitions + 2) {
      log.warn(
          "Cannot run {} continuously with {} task slots: it holds one per quotes partition ({})"
              + " and {} needs 2 more; running micro-batches (give spark.master=local[{}] or more"
              + " executor cores)",
          LATEST,
          slots,
          partitions,
          VIEWS,
          partitions + 2);
      continuous = false;
    }
    DataStreamWriter<Row> writer =
        records
            .select("value", "timestamp")
            .writeStream()
            .foreach(
                new LatestQuoteWriter(
                    sink, counts, FLUSH_MILLIS, config.maxEventTimeAhead().toMillis()));
    if (continuous) {
      writer.trigger(
          Trigger.Continuous(
              Math.max(CONTINUOUS_CHECKPOINT_MILLIS, config.triggerInterval().toMillis())));
    }
    CountsReporter reporter = new CountsReporter(LATEST, counts);
    return reporter.follow(
        start(
            writer,
            LATEST,
            Map.of(LocalCheckpointFileManager.SETTING, LocalCheckpointFileManager.class.getName()),
            !continuous));
  }

  /** The latest-quote writers make a quote visible within this long of its arrival. */
  static final long FLUSH_MILLIS = 5;

  /**
   * The shortest checkpoint interval of the continuous latest-quote query (Spark's own example is 1
   * s): it bounds what a restart rewrites, not how soon a quote is visible ({@link
   * LatestQuoteWriter} flushes on a timer). At 100 ms the epoch commits cost CPU and Spark warned
   * "falling behind" whenever one took longer.
   */
  static final long CONTINUOUS_CHECKPOINT_MILLIS = 1000;

  /**
   * Reports one query's counts after each of its micro-batches, and the rest when it ends; then it
   * removes itself.
   */
  private final class CountsReporter extends org.apache.spark.sql.streaming.StreamingQueryListener {
    private final String name;
    private final SpeedCounts counts;
    private volatile java.util.UUID id;

    CountsReporter(String name, SpeedCounts counts) {
      this.name = name;
      this.counts = counts;
      spark.streams().addListener(this);
    }

    /** Ties this reporter to the started query. */
    StreamingQuery follow(StreamingQuery query) {
      id = query.id();
      return query;
    }

    @Override
    public void onQueryStarted(QueryStartedEvent event) {}

    @Override
    public void onQueryProgress(QueryProgressEvent event) {
      if (name.equals(event.progress().name())) {
        report(name, event.progress().batchId(), counts.drain());
      }
    }

    @Override
    public void onQueryTerminated(QueryTerminatedEvent event) {
      if (event.id().equals(id)) {
        report(name, -1, counts.drain());
        spark.streams().removeListener(this);
      }
    }
  }

  private void report(String query, long batchId, Map<String, Long> counts) {
    metrics.record(query, counts);
    if (log.isDebugEnabled() || counts.keySet().stream().anyMatch(SpeedPipeline::isNotable)) {
      log.info("{} batch {}: {}", query, batchId, counts);
    }
  }

  /** Late records and dead letters are logged at INFO each micro-batch they occur. */
  private static boolean isNotable(String count) {
    return count.equals(SpeedCounts.LATE) || count.startsWith(SpeedCounts.DEAD_LETTER);
  }

  private StreamingQuery start(
      DataStreamWriter<Row> writer,
      String name,
      Map<String, String> queryConf,
      boolean microBatch) {
    Duration interval = config.triggerInterval();
    writer
        .queryName(name)
        .option("checkpointLocation", config.lake().layout().checkpoint(name).toString());
    if (microBatch) {
      writer.trigger(
          config.trigger() == SpeedConfig.Trigger.AVAILABLE_NOW
              ? Trigger.AvailableNow()
              : Trigger.ProcessingTime(interval.toMillis()));
    }
    // A query copies the session's SQL conf when it starts: set this query's own, then restore.
    Map<String, String> previous = new java.util.HashMap<>();
    queryConf.forEach(
        (key, value) -> {
          previous.put(key, spark.conf().getOption(key).getOrElse(() -> null));
          spark.conf().set(key, value);
        });
    spark.sparkContext().setLocalProperty("spark.scheduler.pool", name);
    try {
      return writer.start();
    } catch (TimeoutException e) {
      throw new IllegalStateException("Cannot start query " + name + ": " + e.getMessage(), e);
    } finally {
      spark.sparkContext().setLocalProperty("spark.scheduler.pool", null);
      previous.forEach(
          (key, value) -> {
            if (value == null) {
              spark.conf().unset(key);
            } else {
              spark.conf().set(key, value);
            }
          });
    }
  }
}
