package io.marketlambda.ingest.poll;

import io.marketlambda.core.model.MarketTime;
import io.marketlambda.sources.alphavantage.MarketStatus;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Whether polling for new US equity data is worth a call now: on weekdays between the market's open
 * and close (America/New_York) as {@code MARKET_STATUS} reports them, plus a grace period after the
 * close for the last bars, and not on a day {@code MARKET_STATUS} reports the market closed during
 * its hours (a holiday).
 *
 * <p>{@code MARKET_STATUS} costs one call of the quota, so it is asked at most once per New York
 * trading day, on the first check within the session's hours (09:30 to 16:00 until it answers).
 */
final class MarketHours {
  static final String US_REGION = "United States";
  private static final LocalTime DEFAULT_OPEN = LocalTime.of(9, 30);
  private static final LocalTime DEFAULT_CLOSE = LocalTime.of(16, 0);
  private static final java.time.Duration AFTER_CLOSE_GRACE = java.time.Duration.ofMinutes(20);

  private final Supplier<List<MarketStatus>> marketStatus;
  private LocalDate checkedDay;
  private boolean openToday = true;
  private LocalTime open = DEFAULT_OPEN;
  private LocalTime close = DEFAULT_CLOSE;

  /**
   * @param marketStatus calls {@code MARKET_STATUS}; called at most once per New York date
   */
  MarketHours(Supplier<List<MarketStatus>> marketStatus) {
    this.marketStatus = marketStatus;
  }

  /** Whether {@code now} falls in the US equity session (or its grace period) of a trading day. */
  boolean isSession(Instant now) {
    ZonedDateTime local = now.atZone(MarketTime.MARKET_ZONE);
    DayOfWeek day = local.getDayOfWeek();
    if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
      return false;
    }
    LocalTime time = local.toLocalTime();
    if (time.isBefore(open) || time.isAfter(close.plus(AFTER_CLOSE_GRACE))) {
      return false;
    }
    if (!local.toLocalDate().equals(checkedDay) && !time.isAfter(close)) {
      checkedDay = local.toLocalDate();
      usEquity(marketStatus.get()).ifPresent(this::adopt);
    }
    return openToday;
  }

  private void adopt(MarketStatus us) {
    open = LocalTime.parse(us.localOpen());
    close = LocalTime.parse(us.localClose());
    openToday = us.open();
  }

  private static Optional<MarketStatus> usEquity(List<MarketStatus> markets) {
    return markets.stream()
        .filter(market -> market.marketType().equalsIgnoreCase("Equity"))
        .filter(market -> market.region().equalsIgnoreCase(US_REGION))
        .findFirst();
  }
}
