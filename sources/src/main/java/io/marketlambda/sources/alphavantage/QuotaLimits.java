package io.marketlambda.sources.alphavantage;

import java.time.ZoneId;
import java.util.Objects;

/**
 * How many calls the API key may make.
 *
 * @param callsPerMinute calls allowed in any 60 seconds, at least 1
 * @param callsPerDay calls allowed per quota day, at least 1; {@link #NO_DAILY_CAP} for premium
 *     keys
 * @param resetZone the zone whose midnight starts a new quota day; Alpha Vantage does not document
 *     it, so it is configured ({@code alphavantage.quota-reset-zone}, default UTC)
 */
public record QuotaLimits(int callsPerMinute, long callsPerDay, ZoneId resetZone) {
  /** The daily allowance of a plan without a daily cap. */
  public static final long NO_DAILY_CAP = Long.MAX_VALUE;

  /**
   * @throws IllegalArgumentException when a limit is below 1
   */
  public QuotaLimits {
    Objects.requireNonNull(resetZone, "resetZone");
    if (callsPerMinute < 1 || callsPerDay < 1) {
      throw new IllegalArgumentException(
          "Cannot create quota limits: "
              + callsPerMinute
              + " calls per minute and "
              + callsPerDay
              + " per day; both must be at least 1");
    }
  }

  /** A free key's limits, e.g. 5 a minute and 25 a day. */
  public static QuotaLimits free(int callsPerMinute, int callsPerDay, ZoneId resetZone) {
    return new QuotaLimits(callsPerMinute, callsPerDay, resetZone);
  }

  /** A premium key's limits: calls per minute only. */
  public static QuotaLimits premium(int callsPerMinute, ZoneId resetZone) {
    return new QuotaLimits(callsPerMinute, NO_DAILY_CAP, resetZone);
  }

  /** Returns whether the key has a daily cap. */
  public boolean hasDailyCap() {
    return callsPerDay != NO_DAILY_CAP;
  }

  /**
   * Returns e.g. {@code 5/minute, 25/day (day starts 00:00 UTC)} or {@code 75/minute, no daily
   * cap}.
   */
  public String describe() {
    return callsPerMinute
        + "/minute, "
        + (hasDailyCap()
            ? callsPerDay + "/day (day starts 00:00 " + resetZone + ")"
            : "no daily cap");
  }
}
