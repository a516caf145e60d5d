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
 * counted here; they are not yet routed to the late topic), duration, input and processing rates,
 * event-time watermark, and rows kept in state.
 */
public final class SpeedProgressLog extends StreamingQueryListener {
  private static final Logger log = LoggerFactory.getLogger(SpeedProgressLog.class);

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
    log.info(
        "{} batch {}: {} rows in, {} rows written, {} late rows dropped, {} ms, {} rows/s in,"
            + " {} rows/s processed, watermark {}, {} rows in state",
        progress.name(),
        progress.batchId(),
        progress.numInputRows(),
        updated,
        late,
        progress.durationMs().get("triggerExecution"),
        Math.round(progress.inputRowsPerSecond()),
        Math.round(progress.processedRowsPerSecond()),
        progress.eventTime().getOrDefault("watermark", "none"),
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
