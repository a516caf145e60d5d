package io.marketlambda.ingest.poll;

import io.marketlambda.sources.alphavantage.AlphaVantageRequest;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A request the planner may spend a call on.
 *
 * @param request the call
 * @param priority larger is more important, e.g. 10 for the watch list's daily bars, 0 for
 *     reference data
 * @param lastSuccess when this request last returned data (UTC), or {@code null} if never
 */
public record FetchTarget(AlphaVantageRequest request, int priority, Instant lastSuccess) {
  public FetchTarget {
    Objects.requireNonNull(request, "request");
  }

  /** Returns when this request last returned data, empty if never. */
  public Optional<Instant> lastSuccessTime() {
    return Optional.ofNullable(lastSuccess);
  }

  /** Returns e.g. {@code TIME_SERIES_DAILY IBM (priority 10, last success never)}. */
  String describe() {
    return request.describe()
        + " (priority "
        + priority
        + ", last success "
        + (lastSuccess == null ? "never" : lastSuccess.toString())
        + ")";
  }
}
