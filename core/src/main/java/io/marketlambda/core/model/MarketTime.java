package io.marketlambda.core.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Market time: US equity markets keep America/New_York time, so trading dates, daily, weekly and
 * monthly bars follow that zone, including its daylight-saving changes (a trading date lasts 23, 24
 * or 25 hours of UTC).
 *
 * <p>A trading date here is the New York calendar date; whether the exchange was open that day is
 * not this class's concern.
 */
public final class MarketTime {
  /** The market's time zone, America/New_York. */
  public static final ZoneId MARKET_ZONE = ZoneId.of("America/New_York");

  private MarketTime() {}

  /**
   * Returns the trading date of an event: its America/New_York calendar date. For example {@code
   * 2013-10-08T02:00:00Z} (22:00 EDT the evening before) belongs to trading date 2013-10-07.
   *
   * @throws NullPointerException when {@code eventTime} is null
   */
  public static LocalDate tradingDate(Instant eventTime) {
    return LocalDate.ofInstant(eventTime, MARKET_ZONE);
  }

  /**
   * Returns the first instant of a trading date: midnight America/New_York, e.g. {@code
   * 2013-10-07T04:00:00Z} in summer (EDT) and {@code 2014-01-15T05:00:00Z} in winter (EST).
   *
   * @throws NullPointerException when {@code tradingDate} is null
   */
  public static Instant startOf(LocalDate tradingDate) {
    return tradingDate.atStartOfDay(MARKET_ZONE).toInstant();
  }
}
