package io.marketlambda.speed.stream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import io.marketlambda.core.config.RealtimeViewsConfig;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.speed.hbase.RealtimeViewWriter;
import io.marketlambda.views.BarColumns;
import io.marketlambda.views.BarsPipeline;
import io.marketlambda.views.QuoteColumns;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.DataStreamWriter;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.apache.spark.sql.streaming.Trigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The speed layer: streaming queries from the quotes and bars topics to the HBase realtime views.
 *
 * <ul>
 *   <li>{@code speed-quotes}: decodes every record; invalid ones go to the dead-letter topic (or
 *       stop the query, with {@code speed.on-invalid-record=fail}); valid ones whose event time is
 *       behind the watermark {@code speed-bars-1m} has reached go to the late topic ({@link
 *       LateQuotes}); the newest valid quote per symbol goes to {@code latest_quote}. Stateless.
 *   <li>{@code speed-bars-1m}: valid quotes, a watermark of {@code speed.watermark} on event time,
 *       duplicates by (symbol, event time, sequence) dropped within it, then {@link BarsPipeline}
 *       (the batch layer's definition of a bar) in update mode; each micro-batch writes the
 *       1-minute bars it changed, then the views derived from them ({@link DerivedViews}): the 5m,
 *       15m and 1h bars holding them, the session's indicators, and alerts.
 * </ul>
 *
 * <p>Late quotes: Spark's stateful operators drop rows behind the watermark without handing them
 * out, so the quotes query, which sees every record, routes the valid quotes whose event time is
 * behind the watermark of {@code speed-bars-1m} as of its last completed micro-batch. The bar
 * query's own count of dropped rows is logged and kept as a metric beside it; the two can differ by
 * quotes that arrive within one trigger of the watermark passing them, and in the first micro-batch
 * after a restart (no watermark known yet, nothing routed).
 *
 * <p>Each query has its checkpoint under {@code <lake.root>/_checkpoints/<query>}: a restart
 * resumes where the last committed micro-batch ended, and a replayed micro-batch rewrites identical
 * HBase cells (cell timestamp = event time or bar start).
 */
public final class SpeedJob {
  private static final Logger log = LoggerFactory.getLogger(SpeedJob.class);

  private final SparkSession spark;
  private final SpeedConfig config;
  private final SpeedMetrics metrics;
  private volatile StreamingQuery oneMinuteBars;

  public SpeedJob(SparkSession spark, SpeedConfig config, SpeedMetrics metrics) {
    this.spark = spark;
    this.config = config;
    this.metrics = metrics;
  }

  /**
   * Starts every query of the speed layer.
   *
   * @throws IllegalStateException if a query cannot start (e.g. an unreadable checkpoint)
   */
  public List<StreamingQuery> start() {
    oneMinuteBars = startMinuteBars();
    return List.of(oneMinuteBars, startQuotes(), startVendorBars());
  }

  /** Kafka records of the quotes topic, decoded: {@link DecodedQuoteColumns}. */
  Dataset<Row> decodedQuotes() {
    return spark
        .readStream()
        .format("kafka")
        .options(KafkaOptions.prefixed(config.kafka()))
        .option("subscribe", config.topics().quotes())
        .option("startingOffsets", "earliest")
        .option("maxOffsetsPerTrigger", config.maxOffsetsPerTrigger())
        .load()
        .map(new QuoteDecoder(), Encoders.row(DecodedQuoteColumns.SCHEMA));
  }

  StreamingQuery startQuotes() {
    Map<String, String> kafka = config.kafka();
    Map<String, String> hbase = config.hbase();
    String deadLetterTopic = config.topics().deadLetter();
    RealtimeViewsConfig views = config.views();
    boolean failOnInvalid = config.onInvalidRecord() == SpeedConfig.OnInvalidRecord.FAIL;
    String lateTopic = config.topics().late();
    SpeedMetrics metrics = this.metrics;
    VoidFunction2<Dataset<Row>, Long> writeBatch =
        (batch, batchId) -> {
          batch.persist();
          try {
            Column isInvalid = col(DecodedQuoteColumns.ERROR_REASON).isNotNull();
            Optional<Instant> watermark = barsWatermark();
            Column isLate =
                watermark.isEmpty()
                    ? lit(false)
                    : not(isInvalid)
                        .and(col(QuoteColumns.EVENT_TIME).lt(lit(Timestamp.from(watermark.get()))));
            // One pass counts both: dead letters by field, and late quotes.
            long deadLettered = 0;
            long late = 0;
            for (Row count :
                batch
                    .groupBy(col(DecodedQuoteColumns.ERROR_FIELD), isLate.as("late"))
                    .count()
                    .collectAsList()) {
              if (!count.isNullAt(0)) {
                metrics.deadLetters.labelValues(count.getString(0)).inc(count.getLong(2));
                deadLettered += count.getLong(2);
              } else if (count.getBoolean(1)) {
                late += count.getLong(2);
              }
            }
            Dataset<Row> invalid = batch.filter(isInvalid);
            if (deadLettered > 0 && failOnInvalid) {
              Row first = invalid.first();
              throw new IllegalStateException(describeInvalid(first));
            }
            if (deadLettered > 0) {
              DeadLetters.send(invalid, deadLetterTopic, kafka);
            }
            if (late > 0) {
              LateQuotes.send(batch.filter(isLate), watermark.get(), lateTopic, kafka);
              metrics.lateQuotes.inc(late);
            }
            Dataset<Row> valid = batch.filter(not(isInvalid));
            // Each writer keeps the newest quote per symbol of its partition; a symbol's quotes
            // share
            // a Kafka partition (key = symbol), and cell timestamps = event time order the rest.
            RealtimeViewWriter.writeEachPartition(
                valid, hbase, views, RealtimeViewWriter::writeLatestQuote);
            log.info(
                "speed-quotes batch {}: {} dead-lettered, {} late (watermark {})",
                batchId,
                deadLettered,
                late,
                watermark.map(Instant::toString).orElse("none yet"));
          } finally {
            batch.unpersist();
          }
        };
    return start(decodedQuotes().writeStream().foreachBatch(writeBatch), "speed-quotes");
  }

  StreamingQuery startMinuteBars() {
    BarInterval interval = BarInterval.ONE_MINUTE;
    Dataset<Row> quotes =
        decodedQuotes()
            .filter(col(DecodedQuoteColumns.ERROR_REASON).isNull())
            .select(QuoteColumns.SCHEMA.fieldNames()[0], tail(QuoteColumns.SCHEMA.fieldNames()))
            .withWatermark(QuoteColumns.EVENT_TIME, config.watermark().toMillis() + " milliseconds")
            .dropDuplicatesWithinWatermark(
                QuoteColumns.SYMBOL, QuoteColumns.EVENT_TIME, QuoteColumns.SEQUENCE);
    DerivedViews derivedViews = new DerivedViews(config);
    SpeedMetrics metrics = this.metrics;
    VoidFunction2<Dataset<Row>, Long> writeBatch =
        (bars, batchId) -> writeBars(bars, batchId, "speed-bars-1m", derivedViews);
    return start(
        BarsPipeline.fromQuotes(quotes, interval)
            .writeStream()
            .outputMode("update")
            .foreachBatch(writeBatch),
        "speed-bars-1m");
  }

  private StreamingQuery start(DataStreamWriter<Row> writer, String name) {
    // With spark.scheduler.mode=FAIR, each query's jobs run in a pool of its own, so that the
    // latest-quote query is not queued behind the bar queries' jobs (a no-op in FIFO mode).
    spark.sparkContext().setLocalProperty("spark.scheduler.pool", name);
    writer
        .queryName(name)
        .option("checkpointLocation", config.lake().layout().checkpoint(name).toString())
        .trigger(
            config.trigger() == SpeedConfig.Trigger.AVAILABLE_NOW
                ? Trigger.AvailableNow()
                : Trigger.ProcessingTime(config.triggerInterval().toMillis()));
    try {
      return writer.start();
    } catch (TimeoutException e) {
      throw new IllegalStateException("Cannot start query " + name + ": " + e.getMessage(), e);
    } finally {
      spark.sparkContext().setLocalProperty("spark.scheduler.pool", null);
    }
  }

  /**
   * The event-time watermark {@code speed-bars-1m} reached in its last completed micro-batch; empty
   * before it has one.
   */
  private Optional<Instant> barsWatermark() {
    StreamingQuery query = oneMinuteBars;
    StreamingQueryProgress progress = query == null ? null : query.lastProgress();
    String watermark = progress == null ? null : progress.eventTime().get("watermark");
    if (watermark == null) {
      return Optional.empty();
    }
    Instant instant = Instant.parse(watermark);
    return instant.equals(Instant.EPOCH) ? Optional.empty() : Optional.of(instant);
  }

  /**
   * Vendor 1-minute bars from the bars topic ({@code marketlambda.bars.v1}, e.g. a replay of Lean
   * minute bars): invalid records and bars of other intervals to the dead-letter topic, the rest
   * written to {@code bars_1m} as they are (a vendor's bar is final; a replay rewrites identical
   * cells) and through the same derived views as the bars made from trades. No watermark: a bar
   * arriving late still lands, and its session's derived views are recomputed.
   */
  StreamingQuery startVendorBars() {
    Map<String, String> kafka = config.kafka();
    String deadLetterTopic = config.topics().deadLetter();
    boolean failOnInvalid = config.onInvalidRecord() == SpeedConfig.OnInvalidRecord.FAIL;
    SpeedMetrics metrics = this.metrics;
    DerivedViews derivedViews = new DerivedViews(config);
    KafkaOptions.createMissing(kafka, config.topics().bars());
    Dataset<Row> decoded =
        spark
            .readStream()
            .format("kafka")
            .options(KafkaOptions.prefixed(kafka))
            .option("subscribe", config.topics().bars())
            .option("startingOffsets", "earliest")
            .option("maxOffsetsPerTrigger", config.maxOffsetsPerTrigger())
            .load()
            .map(new BarDecoder(), Encoders.row(BarDecoder.SCHEMA));
    VoidFunction2<Dataset<Row>, Long> writeBatch =
        (batch, batchId) -> {
          batch.persist();
          try {
            Column isInvalid = col(DecodedQuoteColumns.ERROR_REASON).isNotNull();
            Dataset<Row> invalid = batch.filter(isInvalid);
            long deadLettered = 0;
            for (Row count :
                invalid.groupBy(col(DecodedQuoteColumns.ERROR_FIELD)).count().collectAsList()) {
              metrics.deadLetters.labelValues(count.getString(0)).inc(count.getLong(1));
              deadLettered += count.getLong(1);
            }
            if (deadLettered > 0 && failOnInvalid) {
              throw new IllegalStateException(describeInvalid(invalid.first(), "bar"));
            }
            if (deadLettered > 0) {
              DeadLetters.send(invalid, deadLetterTopic, kafka);
            }
            String[] columns = BarColumns.SCHEMA.fieldNames();
            Dataset<Row> bars =
                batch
                    .filter(not(isInvalid))
                    .select(columns[0], tail(columns))
                    .dropDuplicates(BarColumns.SYMBOL, BarColumns.BAR_START);
            writeBars(bars, batchId, "speed-vendor-bars", derivedViews);
            if (deadLettered > 0) {
              log.info("speed-vendor-bars batch {}: {} dead-lettered", batchId, deadLettered);
            }
          } finally {
            batch.unpersist();
          }
        };
    return start(decoded.writeStream().foreachBatch(writeBatch), "speed-vendor-bars");
  }

  /** Writes 1-minute bars to {@code bars_1m}, then their sessions' derived views. */
  private void writeBars(Dataset<Row> bars, long batchId, String query, DerivedViews derivedViews) {
    bars.persist();
    try {
      RealtimeViewWriter.writeEachPartition(
          bars, config.hbase(), config.views(), RealtimeViewWriter::writeBar);
      if (!bars.isEmpty()) {
        long started = System.nanoTime();
        DerivedViews.Written written = derivedViews.update(bars);
        long millis = (System.nanoTime() - started) / 1_000_000;
        metrics.indicatorRows.inc(written.indicatorRows());
        written
            .alertsByType()
            .forEach((type, count) -> metrics.alerts.labelValues(type).inc(count));
        log.info(
            "{} batch {}: derived views in {} ms: {} bars rolled up, {} indicator rows, alerts {}",
            query,
            batchId,
            millis,
            written.rolledUpBars(),
            written.indicatorRows(),
            written.alertsByType());
      }
    } finally {
      bars.unpersist();
    }
  }

  private static String describeInvalid(Row row) {
    return describeInvalid(row, "quote");
  }

  private static String describeInvalid(Row row, String what) {
    return "Cannot decode "
        + what
        + " at offset "
        + row.getAs(DecodedQuoteColumns.KAFKA_OFFSET)
        + " of "
        + row.getAs(DecodedQuoteColumns.KAFKA_TOPIC)
        + "-"
        + row.getAs(DecodedQuoteColumns.KAFKA_PARTITION)
        + ": field "
        + row.getAs(DecodedQuoteColumns.ERROR_FIELD)
        + " "
        + row.getAs(DecodedQuoteColumns.ERROR_REASON)
        + " (speed.on-invalid-record=fail)";
  }

  private static String[] tail(String[] names) {
    return java.util.Arrays.copyOfRange(names, 1, names.length);
  }
}
