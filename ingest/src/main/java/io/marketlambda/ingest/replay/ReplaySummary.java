package io.marketlambda.ingest.replay;

import io.marketlambda.ingest.sink.PublishStats;
import java.time.Duration;
import java.time.Instant;

/**
 * What a replay did.
 *
 * @param events events read and handed to the sink
 * @param elapsed wall-clock time of the replay, flush included
 * @param firstEventTime event time of the first event, null when there were none
 * @param lastEventTime event time of the last event, null when there were none
 * @param publish the sink's counts: sent, acknowledged, failed
 * @param stopped whether the replay was stopped (its thread interrupted) before its last event
 */
public record ReplaySummary(
    long events,
    Duration elapsed,
    Instant firstEventTime,
    Instant lastEventTime,
    PublishStats publish,
    boolean stopped) {

  /** One line for the end of a replay. */
  @Override
  public String toString() {
    return String.format(
        java.util.Locale.ROOT,
        "replay %s: %,d events from %s to %s in %.1f s; sent %,d, acked %,d, failed %,d%s",
        stopped ? "stopped" : "done",
        events,
        firstEventTime,
        lastEventTime,
        elapsed.toMillis() / 1000.0,
        publish.sent(),
        publish.acked(),
        publish.failed(),
        publish.firstFailure().map(failure -> " (first failure: " + failure + ")").orElse(""));
  }
}
