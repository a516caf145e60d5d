package io.marketlambda.sources.alphavantage;

import java.time.Duration;

/** Waits between attempts; tests pass one that records the pauses instead of waiting. */
@FunctionalInterface
public interface Sleeper {
  /** Sleeps on the calling thread; restores the interrupt flag if interrupted. */
  Sleeper THREAD =
      pause -> {
        try {
          Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Cannot sleep " + pause + ": interrupted", e);
        }
      };

  /** Pauses for {@code pause}. */
  void sleep(Duration pause);
}
