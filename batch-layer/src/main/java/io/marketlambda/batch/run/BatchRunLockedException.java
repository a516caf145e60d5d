package io.marketlambda.batch.run;

/**
 * Another nightly run holds the lake's batch-run lock and was heard of within {@code
 * batch.lock-timeout}: this run did not start. The message names the holder and the lock file.
 */
public final class BatchRunLockedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  BatchRunLockedException(String message) {
    super(message);
  }
}
