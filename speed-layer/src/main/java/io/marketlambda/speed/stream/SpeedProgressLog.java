package io.marketlambda.speed.stream;

import org.apache.spark.sql.streaming.StateOperatorProgress;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs one line per micro-batch of every speed-layer query: query, batch id, input rows, rows
 * written (bars the aggregation emitted, for bar queries; 0 for the stateless quotes query, which
 * logs its own counts), late rows (behind the watermark, dropped by the stateful operators and
 * counted here; the quotes query sends them to the late topic), duration, input and processing
 * rates, event-time watermark, and rows kept in state; and adds the same figures to {@link
 * SpeedMetrics}.
 */
public final class SpeedProgressLog extends StreamingQueryListener {
  private static final Logger log = LoggerFactory.getLogger(SpeedProgressLog.class);

  private final SpeedMetrics metrics;

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
    long updated = 0;
    long late = 0;
    long stateRows = 0;
    for (StateOperatorProgress operator : progress.stateOperators()) {
      if (operator.operatorName().equals("stateStoreSave")) {
        updated = operator.numRowsUpdated(); // bars emitted by the aggregation
      }
      late += operator.numRowsDroppedByWatermark();
      stateRows += operator.numRowsTotal();
    }
    String query = String.valueOf(progress.name());
    metrics.inputRows.labelValues(query).inc(progress.numInputRows());
    metrics.rowsWritten.labelValues(query).inc(updated);
    metrics.lateRowsDropped.labelValues(query).inc(late);
    Long duration = progress.durationMs().get("triggerExecution");
    if (duration != null) {
      metrics.batchDuration.labelValues(query).set(duration / 1000.0);
    }
    String watermark = progress.eventTime().get("watermark");
    if (watermark != null) {
      metrics.watermark.labelValues(query).set(java.time.Instant.parse(watermark).getEpochSecond());
    }
    log.info(
        "{} batch {}: {} rows in, {} rows written, {} late rows dropped, {} ms, {} rows/s in,"
            + " {} rows/s processed, watermark {}, {} rows in state",
        progress.name(),
        progress.batchId(),
        progress.numInputRows(),
        updated,
        late,
        duration,
        Math.round(progress.inputRowsPerSecond()),
        Math.round(progress.processedRowsPerSecond()),
        watermark == null ? "none" : watermark,
        stateRows);
  }

  @Override
  public void onQueryTerminated(QueryTerminatedEvent event) {
    if (event.exception().isDefined()) {
      log.error("query {} failed: {}", event.id(), event.exception().get());
    } else {
      log.info("query {} stopped", event.id());
    }
  }
}
