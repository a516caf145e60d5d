package io.marketlambda.sources.alphavantage;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The calls the API key may still make, consulted by the {@link AlphaVantageClient} before every
 * HTTP call, retries included, since each one costs a call. {@link QuotaLedger} is the production
 * budget.
 */
public interface CallBudget {
  /** A budget without limits that keeps nothing, for tests and premium keys without planning. */
  CallBudget UNLIMITED =
      new CallBudget() {
        @Override
        public Optional<Duration> waitBeforeNextCall(Instant now) {
          return Optional.of(Duration.ZERO);
        }

        @Override
        public void recordCall(Instant at) {}
      };

  /**
   * Returns how long to wait before the next call may be sent ({@link Duration#ZERO}: now), or
   * empty when the quota day's calls are spent.
   */
  Optional<Duration> waitBeforeNextCall(Instant now);

  /** Records one call sent at {@code at} (UTC). */
  void recordCall(Instant at);

  /**
   * Records that the API said the daily quota is spent at {@code at} although this budget may have
   * counted fewer calls (the key is shared, or the count was lost): no call until the next quota
   * day. Does nothing by default.
   */
  default void recordQuotaSpent(Instant at) {}
}
