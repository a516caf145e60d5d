package io.marketlambda.speed.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;
import org.apache.spark.sql.streaming.SourceProgress;
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
    long covered = 0;
    for (SourceProgress source : progress.sources()) {
      long span = offsetSpan(source.startOffset(), source.endOffset());
      covered = span < 0 || covered < 0 ? -1 : covered + span;
    }
    if (covered > progress.numInputRows()) {
      long missing = covered - progress.numInputRows();
      metrics.offsetsWithoutRecord.labelValues(query).inc(missing);
      String offsets =
          java.util.Arrays.stream(progress.sources())
              .map(source -> source.startOffset() + " to " + source.endOffset())
              .collect(java.util.stream.Collectors.joining("; "));
      log.warn(
          "{} batch {}: {} of the {} Kafka offsets it covered held no record ({}): removed by"
              + " the topic's retention before this query read them (or transaction markers);"
              + " going on (speed.fail-on-data-loss=false)",
          query,
          progress.batchId(),
          missing,
          covered,
          offsets);
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

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * How many offsets lie between a Kafka source's start and end offsets ({@code
   * {"topic":{"0":12,"1":40}}}), over the partitions both name; -1 when either is missing or not of
   * that form (the first micro-batch has no start offsets).
   */
  static long offsetSpan(String start, String end) {
    if (start == null || end == null) {
      return -1;
    }
    try {
      JsonNode from = JSON.readTree(start);
      long span = 0;
      for (Iterator<Map.Entry<String, JsonNode>> topics = JSON.readTree(end).fields();
          topics.hasNext(); ) {
        Map.Entry<String, JsonNode> topic = topics.next();
        for (Iterator<Map.Entry<String, JsonNode>> partitions = topic.getValue().fields();
            partitions.hasNext(); ) {
          Map.Entry<String, JsonNode> partition = partitions.next();
          JsonNode first = from.path(topic.getKey()).path(partition.getKey());
          if (first.isIntegralNumber() && partition.getValue().isIntegralNumber()) {
            span += Math.max(0, partition.getValue().asLong() - first.asLong());
          }
        }
      }
      return span;
    } catch (JsonProcessingException e) {
      return -1;
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
