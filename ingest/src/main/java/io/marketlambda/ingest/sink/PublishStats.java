package io.marketlambda.ingest.sink;

import java.util.Optional;

/**
 * Counts of a sink's events so far.
 *
 * @param sent events handed to the sink
 * @param acked events the store confirmed (for Kafka: acknowledged by all in-sync replicas)
 * @param failed events the store refused or that timed out; never retried silently
 * @param firstFailure the first failure's message, if any
 */
public record PublishStats(long sent, long acked, long failed, Optional<String> firstFailure) {
  /** Events handed over but neither acknowledged nor failed yet. */
  public long inFlight() {
    return sent - acked - failed;
  }
}
