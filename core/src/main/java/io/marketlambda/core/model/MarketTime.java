package io.marketlambda.core.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
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

  /** The US equity regular session's open, 09:30 New York time. */
  public static final LocalTime REGULAR_OPEN = LocalTime.of(9, 30);

  /** The US equity regular session's close, 16:00 New York time (early closes not modelled). */
  public static final LocalTime REGULAR_CLOSE = LocalTime.of(16, 0);

  private MarketTime() {}

  /**
   * Returns whether an instant falls in the regular session of its trading date: 09:30 inclusive to
   * 16:00 exclusive, New York time. Pre-market (from 04:00) and after-hours (to 20:00) trades are
   * outside; so are weekends' and holidays' times, if any were given.
   */
  public static boolean isRegularSession(Instant eventTime) {
    LocalTime time = LocalTime.ofInstant(eventTime, MARKET_ZONE);
    return !time.isBefore(REGULAR_OPEN) && time.isBefore(REGULAR_CLOSE);
  }

  /** Returns the regular session's open of a trading date, e.g. 13:30Z in summer. */
  public static Instant regularOpenOf(LocalDate tradingDate) {
    return tradingDate.atTime(REGULAR_OPEN).atZone(MARKET_ZONE).toInstant();
  }

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
