package io.marketlambda.speed.stream;

import io.marketlambda.core.config.ConfigKey;
import io.marketlambda.core.config.LakeConfig;
import io.marketlambda.core.config.Settings;
import io.marketlambda.core.config.TopicsConfig;
import io.marketlambda.core.model.SaleConditionRules;
import io.marketlambda.hbaseviews.HBaseViewsConfig;
import io.marketlambda.views.AlertRules;
import io.marketlambda.views.BarsPipeline;
import io.marketlambda.views.WireQuotes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The speed layer's configuration.
 *
 * @param kafka Kafka client settings from {@code kafka.*}, prefix stripped
 * @param hbase HBase client settings, the {@code hbase.*} keys verbatim
 * @param topics the shared topics
 * @param lake where checkpoints live ({@code <lake.root>/_checkpoints/<query>})
 * @param views the realtime views' namespace and salt buckets
 * @param trigger micro-batch trigger: {@code processing-time} or {@code available-now}
 * @param triggerInterval time between micro-batches with {@code processing-time}
 * @param watermark how late a quote may arrive, in event time, and still count
 * @param onInvalidRecord {@code quarantine} (dead-letter topic) or {@code fail}
 * @param maxOffsetsPerTrigger records read per micro-batch at most
 * @param alertRules thresholds of the provisional intraday alerts
 * @param metricsPort port of the Prometheus endpoint {@code /metrics}; 0 for none
 * @param latestQuoteTrigger how the latest-quote query runs: micro-batches or Spark's continuous
 *     processing
 * @param restarts how the queries are restarted after one fails
 * @param maxEventTimeAhead how far a record's event time may be ahead of its Kafka timestamp;
 *     further ahead it is dead-lettered ({@link WireQuotes#MAX_EVENT_TIME_AHEAD})
 * @param failOnDataLoss whether a query fails when records it has not read yet are gone from Kafka
 *     (retention, a deleted topic); otherwise it goes on and the gap is logged and counted
 * @param saleConditions what a trade of each sale condition updates in its bar, as the batch layer
 *     ({@link BarsPipeline#PRICE_EXCLUDED_CONDITIONS})
 */
public record SpeedConfig(
    Map<String, String> kafka,
    Map<String, String> hbase,
    TopicsConfig topics,
    LakeConfig lake,
    HBaseViewsConfig views,
    Trigger trigger,
    Duration triggerInterval,
    Duration watermark,
    OnInvalidRecord onInvalidRecord,
    int maxOffsetsPerTrigger,
    AlertRules alertRules,
    int metricsPort,
    LatestQuoteTrigger latestQuoteTrigger,
    Restarts restarts,
    Duration maxEventTimeAhead,
    boolean failOnDataLoss,
    SaleConditionRules saleConditions) {

  /**
   * How {@code marketlambda speed} restarts its queries from their checkpoints after one fails (an
   * outage of HBase or Kafka, a lost executor): after an exponential, randomized back-off from
   * {@code initialBackoff} up to {@code maxBackoff}, at most {@code maxAttempts} times in a row; a
   * restart after which a micro-batch completed starts the count again.
   *
   * @param maxAttempts consecutive restarts without a completed micro-batch before the failure is
   *     final; 0 for none
   * @param initialBackoff wait before the first restart
   * @param maxBackoff longest wait between restarts
   */
  public record Restarts(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {}

  /** How micro-batches are triggered. */
  public enum Trigger {
    /** Every {@code speed.trigger-interval}, for ever. */
    PROCESSING_TIME,
    /** Everything available now, then stop: catch-up and tests. */
    AVAILABLE_NOW
  }

  /** How the latest-quote query runs. */
  public enum LatestQuoteTrigger {
    /** Micro-batches like the views' ({@code speed.trigger}, {@code speed.trigger-interval}). */
    MICRO_BATCH,
    /**
     * Spark's continuous processing: long-running tasks, one per quotes-topic partition (each holds
     * a task slot), writing as records arrive, with a checkpoint every {@code
     * speed.trigger-interval} (at least 1 s). Falls back to micro-batches with {@code
     * speed.trigger=available-now}.
     */
    CONTINUOUS
  }

  /** What an invalid record does. */
  public enum OnInvalidRecord {
    /** Goes to the dead-letter topic with its reason; the query goes on. */
    QUARANTINE,
    /** Stops the query, naming the record. */
    FAIL
  }

  public static final ConfigKey<String> BOOTSTRAP_SERVERS =
      ConfigKey.string(
          "kafka.bootstrap.servers", "localhost:9092", "Kafka brokers, host:port[,...]");
  public static final ConfigKey<Trigger> TRIGGER =
      ConfigKey.enumeration(
          "speed.trigger",
          Trigger.class,
          Trigger.PROCESSING_TIME,
          "processing-time or available-now");
  public static final ConfigKey<Duration> TRIGGER_INTERVAL =
      ConfigKey.duration(
          "speed.trigger-interval",
          Duration.ZERO,
          "Time between micro-batch starts (processing-time); 0 = back to back");
  public static final ConfigKey<Duration> WATERMARK =
      ConfigKey.duration(
          "speed.watermark",
          Duration.ofSeconds(10),
          "How late, in event time, a quote may arrive and still count in its bar (behind the"
              + " newest event time seen; above a polling source's cycle)");
  public static final ConfigKey<OnInvalidRecord> ON_INVALID_RECORD =
      ConfigKey.enumeration(
          "speed.on-invalid-record",
          OnInvalidRecord.class,
          OnInvalidRecord.QUARANTINE,
          "quarantine (dead-letter topic, query goes on) or fail (query stops)");
  public static final ConfigKey<Integer> MAX_OFFSETS_PER_TRIGGER =
      ConfigKey.integer(
          "speed.max-offsets-per-trigger",
          200_000,
          1,
          Integer.MAX_VALUE,
          "Kafka records read per micro-batch at most");

  public static final ConfigKey<Double> ALERT_PRICE_MOVE =
      ConfigKey.decimal(
          "speed.alerts.price-move",
          AlertRules.DEFAULTS.priceMove(),
          0.0001,
          10,
          "Price spike/drop alert: move over 5 one-minute bars, a fraction (0.02 = 2 %)");
  public static final ConfigKey<Double> ALERT_VOLUME_ZSCORE =
      ConfigKey.decimal(
          "speed.alerts.volume-zscore",
          AlertRules.DEFAULTS.volumeZScore(),
          0.1,
          1000,
          "Volume spike alert: z-score of a bar's volume against the 30 bars before it");
  public static final ConfigKey<Double> ALERT_OPENING_GAP =
      ConfigKey.decimal(
          "speed.alerts.opening-gap",
          AlertRules.DEFAULTS.openingGap(),
          0.0001,
          10,
          "Opening gap alert: first open against the previous close, a fraction");
  public static final ConfigKey<Integer> METRICS_PORT =
      ConfigKey.integer(
          "speed.metrics-port",
          9464,
          0,
          65535,
          "Port of the Prometheus endpoint /metrics of marketlambda speed; 0 for none");

  public static final ConfigKey<LatestQuoteTrigger> LATEST_QUOTE_TRIGGER =
      ConfigKey.enumeration(
          "speed.latest-quote-trigger",
          LatestQuoteTrigger.class,
          LatestQuoteTrigger.CONTINUOUS,
          "continuous (Spark's continuous processing) or micro-batch for the latest-quote query");

  public static final ConfigKey<Boolean> FAIL_ON_DATA_LOSS =
      ConfigKey.bool(
          "speed.fail-on-data-loss",
          false,
          "true: a query fails (on every restart) when records it has not read are gone from Kafka;"
              + " false: it goes on, logging and counting the gap"
              + " (marketlambda_speed_offsets_without_record_total)");

  public static final ConfigKey<Integer> RESTART_MAX_ATTEMPTS =
      ConfigKey.integer(
          "speed.restart.max-attempts",
          20,
          0,
          10_000,
          "Restarts of the queries in a row, without a completed micro-batch, before a failure"
              + " is final; 0 = never restart");
  public static final ConfigKey<Duration> RESTART_INITIAL_BACKOFF =
      ConfigKey.duration(
          "speed.restart.initial-backoff",
          Duration.ofSeconds(1),
          "Wait before the first restart of the queries after one failed; doubles per attempt");
  public static final ConfigKey<Duration> RESTART_MAX_BACKOFF =
      ConfigKey.duration(
          "speed.restart.max-backoff", Duration.ofMinutes(1), "Longest wait between restarts");

  public SpeedConfig {
    kafka = Map.copyOf(kafka);
    hbase = Map.copyOf(hbase);
  }

  /**
   * Reads the configuration.
   *
   * @throws io.marketlambda.core.config.ConfigException naming the key and value of a bad setting
   */
  public static SpeedConfig from(Settings settings) {
    Map<String, String> kafka = new TreeMap<>(settings.withPrefixStripped("kafka."));
    kafka.put("bootstrap.servers", settings.get(BOOTSTRAP_SERVERS));
    return new SpeedConfig(
        kafka,
        settings.withPrefix("hbase."),
        TopicsConfig.from(settings),
        LakeConfig.from(settings),
        HBaseViewsConfig.from(settings),
        settings.get(TRIGGER),
        settings.get(TRIGGER_INTERVAL),
        settings.get(WATERMARK),
        settings.get(ON_INVALID_RECORD),
        settings.get(MAX_OFFSETS_PER_TRIGGER),
        new AlertRules(
            settings.get(ALERT_PRICE_MOVE),
            settings.get(ALERT_VOLUME_ZSCORE),
            settings.get(ALERT_OPENING_GAP)),
        settings.get(METRICS_PORT),
        settings.get(LATEST_QUOTE_TRIGGER),
        new Restarts(
            settings.get(RESTART_MAX_ATTEMPTS),
            settings.get(RESTART_INITIAL_BACKOFF),
            settings.get(RESTART_MAX_BACKOFF)),
        settings.get(WireQuotes.MAX_EVENT_TIME_AHEAD),
        settings.get(FAIL_ON_DATA_LOSS),
        settings.get(BarsPipeline.PRICE_EXCLUDED_CONDITIONS));
  }

  /** Every key this config reads besides the pass-through prefixes and the shared configs. */
  public static List<ConfigKey<?>> keys() {
    return List.of(
        BOOTSTRAP_SERVERS,
        TRIGGER,
        TRIGGER_INTERVAL,
        WATERMARK,
        ON_INVALID_RECORD,
        MAX_OFFSETS_PER_TRIGGER,
        ALERT_PRICE_MOVE,
        ALERT_VOLUME_ZSCORE,
        ALERT_OPENING_GAP,
        METRICS_PORT,
        LATEST_QUOTE_TRIGGER,
        RESTART_MAX_ATTEMPTS,
        RESTART_INITIAL_BACKOFF,
        RESTART_MAX_BACKOFF,
        WireQuotes.MAX_EVENT_TIME_AHEAD,
        FAIL_ON_DATA_LOSS,
        BarsPipeline.PRICE_EXCLUDED_CONDITIONS);
  }
}
