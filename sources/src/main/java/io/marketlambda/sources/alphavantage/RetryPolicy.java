package io.marketlambda.sources.alphavantage;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * The client's resilience4j {@link Retry}: up to {@code maxAttempts} attempts for {@link
 * AlphaVantageTransientException} only, with exponential back-off and jitter ({@link
 * IntervalFunction#ofExponentialRandomBackoff}: {@code initialPause}, doubling, randomised by 50%);
 * after a rate-limit body the pause is at least {@code rateLimitPause}.
 *
 * <p>The pause is slept through the injected {@link Sleeper}, so tests do not wait: resilience4j's
 * own sleep is JVM-wide, so it is handed a zero interval.
 *
 * @param maxAttempts attempts including the first, at least 1
 * @param initialPause the first back-off before jitter, positive
 * @param rateLimitPause the least pause after a per-minute rate-limit body
 */
record RetryPolicy(int maxAttempts, Duration initialPause, Duration rateLimitPause) {
  /** One second, doubling: 1 s, 2 s, 4 s ... each within +-50%. */
  static final Duration DEFAULT_INITIAL_PAUSE = Duration.ofSeconds(1);

  /** A quarter of the per-minute window. */
  static final Duration DEFAULT_RATE_LIMIT_PAUSE = Duration.ofSeconds(15);

  RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("Cannot create retry policy: maxAttempts " + maxAttempts);
    }
    Objects.requireNonNull(initialPause, "initialPause");
    Objects.requireNonNull(rateLimitPause, "rateLimitPause");
  }

  Retry retry(String name, Sleeper sleeper) {
    IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(initialPause, 2.0, 0.5);
    IntervalBiFunction<Object> pauseThenGo =
        (attempt, outcome) -> {
          Duration pause = Duration.ofMillis(backoff.apply(attempt));
          if (outcome.isLeft()
              && outcome.getLeft() instanceof AlphaVantageTransientException failure
              && failure.rateLimited()
              && pause.compareTo(rateLimitPause) < 0) {
            pause = rateLimitPause;
          }
          sleeper.sleep(pause);
          return 0L;
        };
    RetryConfig config =
        RetryConfig.custom()
            .maxAttempts(maxAttempts)
            .intervalBiFunction(pauseThenGo)
            .retryOnException(AlphaVantageTransientException.class::isInstance)
            .build();
    return Retry.of(name, config);
  }
}
