package io.marketlambda.sources.alphavantage;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Counts the calls made against the quota, persisted in the state file after each call. Give it to
 * the {@link AlphaVantageClient} as its {@link CallBudget}, which then never exceeds the limits,
 * and to the quota planner of the poll loop. Not thread-safe: one client per key.
 */
public final class QuotaLedger implements CallBudget {
  private static final Duration MINUTE = Duration.ofMinutes(1);

  private final QuotaLimits limits;
  private final QuotaStateFile file;
  private QuotaState state;

  /**
   * @param stateFile the {@code alphavantage.state-file}; created on the first call
   * @param now the current time, to pick the quota day
   * @throws IllegalStateException when the state file is malformed
   */
  public QuotaLedger(QuotaLimits limits, Path stateFile, Instant now) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.file = new QuotaStateFile(stateFile);
    this.state = file.read(quotaDay(now));
  }

  /**
   * Returns empty when the day's calls are spent, the time until the per-minute window frees a call
   * when it is full, else zero.
   */
  @Override
  public Optional<Duration> waitBeforeNextCall(Instant now) {
    if (callsLeftToday(now) == 0) {
      return Optional.empty();
    }
    return Optional.of(
        callsLeftThisMinute(now) > 0 ? Duration.ZERO : Duration.between(now, nextMinuteSlot(now)));
  }

  @Override
  public void recordCall(Instant at) {
    QuotaState current = stateAt(at);
    List<Instant> recent = new ArrayList<>(current.recentCalls());
    recent.add(at);
    state = new QuotaState(current.quotaDay(), current.callsMade() + 1, recent);
    file.write(state);
  }

  /** Counts the quota day of {@code at} as spent, persisted. */
  @Override
  public void recordQuotaSpent(Instant at) {
    QuotaState current = stateAt(at);
    if (limits.hasDailyCap() && current.callsMade() < limits.callsPerDay()) {
      state = new QuotaState(current.quotaDay(), limits.callsPerDay(), current.recentCalls());
      file.write(state);
    }
  }

  /** Returns the calls made in the quota day of {@code now}. */
  public long callsToday(Instant now) {
    return stateAt(now).callsMade();
  }

  /**
   * Returns the calls left in the quota day of {@code now}; {@link Long#MAX_VALUE} without a cap.
   */
  public long callsLeftToday(Instant now) {
    return limits.hasDailyCap()
        ? Math.max(0, limits.callsPerDay() - callsToday(now))
        : Long.MAX_VALUE;
  }

  /**
   * Returns the calls allowed right now by the per-minute limit (calls of the last 60 s counted).
   */
  public int callsLeftThisMinute(Instant now) {
    return Math.max(0, limits.callsPerMinute() - stateAt(now).recentCalls().size());
  }

  /** Returns when the per-minute window next frees a call: the oldest recent call plus a minute. */
  public Instant nextMinuteSlot(Instant now) {
    List<Instant> recent = stateAt(now).recentCalls();
    return recent.isEmpty() ? now : recent.get(0).plus(MINUTE);
  }

  /** Returns the first instant of the next quota day. */
  public Instant nextReset(Instant now) {
    return quotaDay(now).plusDays(1).atStartOfDay(limits.resetZone()).toInstant();
  }

  public QuotaLimits limits() {
    return limits;
  }

  private QuotaState stateAt(Instant now) {
    LocalDate day = quotaDay(now);
    QuotaState current = day.isAfter(state.quotaDay()) ? QuotaState.fresh(day) : state;
    Instant windowStart = now.minus(MINUTE);
    List<Instant> recent =
        current.recentCalls().stream().filter(call -> call.isAfter(windowStart)).toList();
    return new QuotaState(current.quotaDay(), current.callsMade(), recent);
  }

  private LocalDate quotaDay(Instant now) {
    return LocalDate.ofInstant(now, limits.resetZone());
  }
}
