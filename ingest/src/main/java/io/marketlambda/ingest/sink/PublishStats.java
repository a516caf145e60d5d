package io.marketlambda.ingest.sink;

import java.util.Optional;

/**
 * Counts of a sink's events so far.
 *
 * @param sent events handed to the sink
 * @param acked events the store confirmed (for Kafka: acknowledged by all in-sync replicas)
 * @param failed events the store refused or that timed out; never retried silently
 * @param firstFailure the first failure's message, if any
 * @param latestFailure the latest failure's message, if any
 */
public record PublishStats(
    long sent,
    long acked,
    long failed,
    Optional<String> firstFailure,
    Optional<String> latestFailure) {
  /** Counts with at most one failure message, both first and latest. */
  public PublishStats(long sent, long acked, long failed, Optional<String> failure) {
    this(sent, acked, failed, failure, failure);
  }

  /**
   * The counts since {@code earlier} (counts of the same sink, taken before): what one request
   * published, when a sink's counts are cumulative. Its failure messages are the latest one when
   * failures happened since, else none.
   */
  public PublishStats since(PublishStats earlier) {
    Optional<String> failure = failed > earlier.failed ? latestFailure : Optional.empty();
    return new PublishStats(
        sent - earlier.sent, acked - earlier.acked, failed - earlier.failed, failure, failure);
  }

  /** Events handed over but neither acknowledged nor failed yet. */
  public long inFlight() {
    return sent - acked - failed;
  }
}
