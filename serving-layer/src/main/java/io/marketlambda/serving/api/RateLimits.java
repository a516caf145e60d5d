package io.marketlambda.serving.api;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per API key (Bucket4j): {@code requestsPerSecond} tokens refilled greedily each
 * second, up to a burst of the same size. One request takes one token. Requests with a missing or
 * unknown key take a token of their client address's bucket of failed authentications.
 */
final class RateLimits {
  private final int requestsPerSecond;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final Map<String, Bucket> failedAuthentications = new ConcurrentHashMap<>();

  /** Requests with a missing or unknown key one client address may make per minute. */
  static final int FAILED_AUTH_PER_MINUTE = 20;

  private static final int MAX_TRACKED_ADDRESSES = 100_000;

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

  /**
   * Takes a token of the bucket of failed authentications from {@code clientAddress}: {@value
   * #FAILED_AUTH_PER_MINUTE} a minute, so that keys cannot be guessed at the server's speed.
   *
   * @return empty when allowed, else how long until a token is free
   */
  java.util.Optional<Duration> tryFailedAuthentication(String clientAddress) {
    if (failedAuthentications.size() > MAX_TRACKED_ADDRESSES) {
      failedAuthentications.clear(); // bounded memory under a spread-out attack
    }
    ConsumptionProbe probe =
        failedAuthentications
            .computeIfAbsent(
                clientAddress,
                address ->
                    Bucket.builder()
                        .addLimit(
                            limit ->
                                limit
                                    .capacity(FAILED_AUTH_PER_MINUTE)
                                    .refillGreedy(FAILED_AUTH_PER_MINUTE, Duration.ofMinutes(1)))
                        .build())
            .tryConsumeAndReturnRemaining(1);
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
