package io.marketlambda.sources.alphavantage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The calls made so far in one quota day.
 *
 * @param quotaDay the quota day, a date of the quota's reset zone
 * @param callsMade calls made on that day, at least 0
 * @param recentCalls the times of the calls of the last minute (UTC), oldest first, for the
 *     per-minute limit across restarts
 */
public record QuotaState(LocalDate quotaDay, long callsMade, List<Instant> recentCalls) {
  /**
   * @throws IllegalArgumentException when {@code callsMade} is negative
   */
  public QuotaState {
    Objects.requireNonNull(quotaDay, "quotaDay");
    recentCalls = List.copyOf(recentCalls);
    if (callsMade < 0) {
      throw new IllegalArgumentException("Cannot create quota state: callsMade " + callsMade);
    }
  }

  /** A day without calls yet. */
  static QuotaState fresh(LocalDate quotaDay) {
    return new QuotaState(quotaDay, 0, List.of());
  }
}
