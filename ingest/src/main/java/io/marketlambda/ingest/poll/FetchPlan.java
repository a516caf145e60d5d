package io.marketlambda.ingest.poll;

import io.marketlambda.sources.alphavantage.QuotaLimits;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the planner would call now and what it defers, each with why; {@link #render()} prints it
 * for {@code --dry-run}.
 *
 * @param at when the plan was made (UTC)
 * @param limits the quota planned against
 * @param callsMadeToday calls already made in the quota day of {@code at}
 * @param callNow the requests to call now, in order
 * @param deferred the requests left for later, in order, with the reason and earliest time
 */
public record FetchPlan(
    Instant at,
    QuotaLimits limits,
    long callsMadeToday,
    List<FetchTarget> callNow,
    List<Deferral> deferred) {

  /**
   * A deferred request.
   *
   * @param target the request
   * @param reason why it waits, e.g. {@code daily quota of 25 calls spent}
   * @param notBefore the earliest time it could be called (UTC)
   */
  public record Deferral(FetchTarget target, String reason, Instant notBefore) {
    public Deferral {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(notBefore, "notBefore");
    }
  }

  public FetchPlan {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(limits, "limits");
    callNow = List.copyOf(callNow);
    deferred = List.copyOf(deferred);
  }

  /**
   * Returns the plan as text, one request per line:
   *
   * <pre>
   * Alpha Vantage plan at 2026-11-21T05:30:00Z: 5/minute, 25/day (day starts 00:00 UTC); 23 calls made today
   * call now (2):
   *   1. TIME_SERIES_DAILY IBM (priority 10, last success never)
   * deferred (1):
   *   - SPLITS IBM (priority 0, last success never): daily quota of 25 calls spent; not before ...
   * </pre>
   */
  public String render() {
    StringBuilder text = new StringBuilder();
    text.append("Alpha Vantage plan at ")
        .append(at)
        .append(": ")
        .append(limits.describe())
        .append("; ")
        .append(callsMadeToday)
        .append(" calls made today\n");
    text.append("call now (").append(callNow.size()).append("):\n");
    for (int i = 0; i < callNow.size(); i++) {
      text.append("  ").append(i + 1).append(". ").append(callNow.get(i).describe()).append('\n');
    }
    text.append("deferred (").append(deferred.size()).append("):\n");
    for (Deferral deferral : deferred) {
      text.append("  - ")
          .append(deferral.target().describe())
          .append(": ")
          .append(deferral.reason())
          .append("; not before ")
          .append(deferral.notBefore())
          .append('\n');
    }
    return text.toString();
  }
}
