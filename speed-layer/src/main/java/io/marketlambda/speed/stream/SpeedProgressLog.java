package io.marketlambda.speed.stream;

import io.marketlambda.views.KafkaOffsetGaps;
import org.apache.spark.sql.streaming.StateOperatorProgress;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs the progress of every speed-layer query from Spark's own figures: batch id, input rows,
 * duration, input and processing rates, event-time watermark, and rows and bytes kept in state; and
 * adds them to {@link SpeedMetrics}. What each micro-batch wrote is counted by {@link
 * SpeedPipeline} itself. One line per query at most every {@value #INFO_EVERY_SECONDS} s at INFO
 * (micro-batches run back to back, several a second); every micro-batch at DEBUG.
 *
 * <p>Micro-batches that take longer than the trigger interval are summed up in one WARN per query
 * at most every {@value #BEHIND_EVERY_SECONDS} s (how many, of how many, the longest), in place of
 * Spark's own warning per micro-batch ({@code ProcessingTimeExecutor}, at ERROR in {@code
 * conf/log4j2.xml}).
 */
public final class SpeedProgressLog extends StreamingQueryListener {
  private static final Logger log = LoggerFactory.getLogger(SpeedProgressLog.class);

  static final int INFO_EVERY_SECONDS = 10;
  static final int BEHIND_EVERY_SECONDS = 60;

  private final SpeedMetrics metrics;
  private final long triggerIntervalMs;
  private final java.util.Map<String, Long> lastInfo =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.Map<String, Overruns> overruns =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** With the default trigger interval ({@code speed.trigger-interval}). */
  public SpeedProgressLog(SpeedMetrics metrics) {
    this(metrics, SpeedConfig.TRIGGER_INTERVAL.defaultValue().orElseThrow());
  }

  /**
   * @param triggerInterval the micro-batch queries' trigger interval; zero when they run back to
   *     back, which is never called an overrun
   */
  public SpeedProgressLog(SpeedMetrics metrics, java.time.Duration triggerInterval) {
    this.metrics = metrics;
    this.triggerIntervalMs = triggerInterval.toMillis();
  }

  @Override
  public void onQueryStarted(QueryStartedEvent event) {
    log.info("query {} started (run {})", event.name(), event.runId());
  }

  @Override
  public void onQueryProgress(QueryProgressEvent event) {
    StreamingQueryProgress progress = event.progress();
    long late = 0;
    long stateRows = 0;
    long stateBytes = 0;
    for (StateOperatorProgress operator : progress.stateOperators()) {
      late += operator.numRowsDroppedByWatermark();
      stateRows += operator.numRowsTotal();
      stateBytes += operator.memoryUsedBytes();
    }
    String query = String.valueOf(progress.name());
    metrics.inputRows.labelValues(query).inc(progress.numInputRows());
    long missing = KafkaOffsetGaps.of(progress);
    if (missing > 0) {
      metrics.offsetsWithoutRecord.labelValues(query).inc(missing);
      log.warn(
          "{} batch {}: {} Kafka offsets it covered held no record ({}): removed by the topic's"
              + " retention before this query read them (or transaction markers); going on"
              + " (speed.fail-on-data-loss=false)",
          query,
          progress.batchId(),
          missing,
          KafkaOffsetGaps.ranges(progress));
    }
    metrics.lateRowsDropped.labelValues(query).inc(late);
    Long duration = progress.durationMs().get("triggerExecution");
    if (duration != null) {
      metrics.batchDuration.labelValues(query).set(duration / 1000.0);
    }
    String watermark = progress.eventTime().get("watermark");
    if (watermark != null) {
      metrics.watermark.labelValues(query).set(java.time.Instant.parse(watermark).getEpochSecond());
    }
    long now = System.nanoTime();
    if (duration != null && triggerIntervalMs > 0) {
      overruns
          .computeIfAbsent(query, name -> new Overruns(name, triggerIntervalMs, now))
          .add(duration, now)
          .ifPresent(log::warn);
    }
    Long last = lastInfo.get(query);
    boolean info = last == null || now - last >= INFO_EVERY_SECONDS * 1_000_000_000L;
    if (info) {
      lastInfo.put(query, now);
    }
    if (!info && !log.isDebugEnabled()) {
      return;
    }
    String format =
        "{} batch {}: {} rows in, {} late rows dropped by Spark, {} ms, {} rows/s in,"
            + " {} rows/s processed, watermark {}, {} keys in state ({} bytes); ms by phase {}";
    Object[] arguments = {
      progress.name(),
      progress.batchId(),
      progress.numInputRows(),
      late,
      duration,
      Math.round(progress.inputRowsPerSecond()),
      Math.round(progress.processedRowsPerSecond()),
      watermark == null ? "none" : watermark,
      stateRows,
      stateBytes,
      new java.util.TreeMap<>(progress.durationMs())
    };
    if (info) {
      log.info(format, arguments);
    } else {
      log.debug(format, arguments);
    }
  }

  /**
   * The micro-batches of one query that took longer than the trigger interval, summed up once a
   * window of {@value #BEHIND_EVERY_SECONDS} s ends.
   */
  static final class Overruns {
    private final String query;
    private final long triggerIntervalMs;
    private long windowStart;
    private long batches;
    private long over;
    private long longestMs;

    Overruns(String query, long triggerIntervalMs, long nowNanos) {
      this.query = query;
      this.triggerIntervalMs = triggerIntervalMs;
      this.windowStart = nowNanos;
    }

    /**
     * Counts a micro-batch that took {@code durationMs}; once the window has ended, the summary of
     * it when any micro-batch overran, and a new window.
     */
    synchronized java.util.Optional<String> add(long durationMs, long nowNanos) {
      batches++;
      if (durationMs > triggerIntervalMs) {
        over++;
        longestMs = Math.max(longestMs, durationMs);
      }
      long elapsed = nowNanos - windowStart;
      if (elapsed < BEHIND_EVERY_SECONDS * 1_000_000_000L) {
        return java.util.Optional.empty();
      }
      java.util.Optional<String> summary =
          over == 0
              ? java.util.Optional.empty()
              : java.util.Optional.of(
                  String.format(
                      java.util.Locale.ROOT,
                      "%s: %d of %d micro-batches in the last %d s took longer than the %d ms"
                          + " trigger interval (longest %d ms): the next one started late, so"
                          + " records waited up to that long to be visible",
                      query,
                      over,
                      batches,
                      Math.round(elapsed / 1e9),
                      triggerIntervalMs,
                      longestMs));
      windowStart = nowNanos;
      batches = 0;
      over = 0;
      longestMs = 0;
      return summary;
    }
  }

  @Override
  public void onQueryTerminated(QueryTerminatedEvent event) {
    if (event.exception().isDefined()) {
      // Whoever awaits the query reports the failure (marketlambda speed's supervisor, at ERROR).
      log.info("query {} ended by a failure", event.id());
      log.debug("query {} failed", event.id(), event.exception().get());
    } else {
      log.info("query {} stopped", event.id());
    }
  }
}
