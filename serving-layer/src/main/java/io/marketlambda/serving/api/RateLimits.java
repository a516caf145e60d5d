package io.marketlambda.serving.api;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per API key (Bucket4j): {@code requestsPerSecond} tokens refilled greedily each
 * second, up to a burst of the same size. One request takes one token.
 */
final class RateLimits {
  private final int requestsPerSecond;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  RateLimits(int requestsPerSecond) {
    this.requestsPerSecond = requestsPerSecond;
  }

  /**
   * Takes a token for the key.
   *
   * @return empty when allowed, else how long until a token is free
   */
  java.util.Optional<Duration> tryTake(String apiKey) {
    ConsumptionProbe probe =
        buckets.computeIfAbsent(apiKey, key -> newBucket()).tryConsumeAndReturnRemaining(1);
    return probe.isConsumed()
        ? java.util.Optional.empty()
        : java.util.Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
  }

  private Bucket newBucket() {
    return Bucket.builder()
        .addLimit(
            limit ->
                limit
                    .capacity(requestsPerSecond)
                    .refillGreedy(requestsPerSecond, Duration.ofSeconds(1)))
        .build();
  }
}
