package io.marketlambda.sources.quarantine;

/**
 * Where rejected records go. Implementations count them and keep them for inspection; a rejection
 * never stops the read or the pipeline.
 */
public interface Quarantine {
  /** Keeps one rejected record. */
  void reject(RejectedRecord record);
}
