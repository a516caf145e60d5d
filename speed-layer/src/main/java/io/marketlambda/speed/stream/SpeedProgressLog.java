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
 */
public final class SpeedProgressLog extends StreamingQueryListener {
  private static final Logger log = LoggerFactory.getLogger(SpeedProgressLog.class);

  static final int INFO_EVERY_SECONDS = 10;

  private final SpeedMetrics metrics;
  private final java.util.Map<String, Long> lastInfo =
      new java.util.concurrent.ConcurrentHashMap<>();

  public SpeedProgressLog(SpeedMetrics metrics) {
    this.metrics = metrics;
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
