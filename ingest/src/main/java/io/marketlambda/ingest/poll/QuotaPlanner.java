package io.marketlambda.ingest.poll;

import io.marketlambda.sources.alphavantage.QuotaLedger;
import io.marketlambda.sources.alphavantage.QuotaLimits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Spends the quota across requests: most important first ({@link FetchTarget#priority()}
 * descending), then stalest first (oldest last success, never-fetched before any), then by name so
 * a plan is repeatable. The calls allowed now are the fewer of the calls left today and the calls
 * left in the current minute; the limits are never exceeded. Requests beyond the minute's calls but
 * within the day's wait for later minutes; requests beyond the day's calls wait for the next quota
 * day. Each request is planned as one call: retries of a failed call use further calls, which the
 * {@link QuotaLedger} counts, so the next plan accounts for them.
 */
public final class QuotaPlanner {
  private static final Comparator<FetchTarget> ORDER =
      Comparator.comparingInt(FetchTarget::priority)
          .reversed()
          .thenComparing(FetchTarget::lastSuccess, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(target -> target.request().describe());

  private final QuotaLedger ledger;
  private final Clock clock;

  public QuotaPlanner(QuotaLedger ledger, Clock clock) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Returns the plan for {@code targets} at the clock's current time. */
  public FetchPlan plan(List<FetchTarget> targets) {
    Instant now = clock.instant();
    QuotaLimits limits = ledger.limits();
    List<FetchTarget> ordered = targets.stream().sorted(ORDER).toList();
    long leftToday = ledger.callsLeftToday(now);
    long leftNow = Math.min(leftToday, ledger.callsLeftThisMinute(now));
    List<FetchTarget> callNow = new ArrayList<>();
    List<FetchPlan.Deferral> deferred = new ArrayList<>();
    for (int i = 0; i < ordered.size(); i++) {
      FetchTarget target = ordered.get(i);
      if (i < leftNow) {
        callNow.add(target);
      } else if (i < leftToday) {
        long laterMinutes = (i - leftNow) / limits.callsPerMinute();
        Instant slot = ledger.nextMinuteSlot(now);
        Instant notBefore =
            (slot.isAfter(now) ? slot : now.plus(Duration.ofMinutes(1)))
                .plus(Duration.ofMinutes(laterMinutes));
        deferred.add(
            new FetchPlan.Deferral(
                target,
                "per-minute limit of " + limits.callsPerMinute() + " calls reached",
                notBefore));
      } else {
        deferred.add(
            new FetchPlan.Deferral(
                target,
                "daily quota of " + limits.callsPerDay() + " calls spent",
                ledger.nextReset(now)));
      }
    }
    return new FetchPlan(now, limits, ledger.callsToday(now), callNow, deferred);
  }
}
