package io.marketlambda.core.model;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.temporal.TemporalAdjuster;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The length of a bar. Bars are labelled by their START instant and cover {@code [start, end)}.
 *
 * <p>Intraday intervals (1m, 5m, 15m, 1h) have a fixed length and align on UTC epoch multiples of
 * it. Since the America/New_York offset is a whole number of hours, these boundaries are the same
 * in New York: hourly bars run 09:00-10:00 New York time, clock-aligned rather than session-aligned
 * (the session opens at 09:30).
 *
 * <p>Calendar intervals (1d, 1w, 1mo) follow America/New_York dates ({@link MarketTime}): a daily
 * bar starts at midnight New York time of its trading date, a weekly bar on Monday 00:00, a monthly
 * bar on the first of the month 00:00. Their length in UTC varies with daylight saving.
 */
public enum BarInterval {
  /** One minute, {@code 1m}. */
  ONE_MINUTE("1m", Duration.ofMinutes(1)),
  /** Five minutes, {@code 5m}, starting at minutes 0, 5, 10, ... */
  FIVE_MINUTES("5m", Duration.ofMinutes(5)),
  /** Fifteen minutes, {@code 15m}, starting at minutes 0, 15, 30, 45. */
  FIFTEEN_MINUTES("15m", Duration.ofMinutes(15)),
  /** One clock hour, {@code 1h}. */
  ONE_HOUR("1h", Duration.ofHours(1)),
  /** One America/New_York trading date, {@code 1d}, from midnight to midnight. */
  ONE_DAY("1d", Period.ofDays(1), TemporalAdjusters.ofDateAdjuster(UnaryOperator.identity())),
  /** One America/New_York week, {@code 1w}, from Monday 00:00. */
  ONE_WEEK("1w", Period.ofWeeks(1), TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
  /** One America/New_York calendar month, {@code 1mo}, from the first 00:00. */
  ONE_MONTH("1mo", Period.ofMonths(1), TemporalAdjusters.firstDayOfMonth());

  private final String code;
  // Exactly one of fixedLength and (calendarLength, firstDate) is set.
  private final Duration fixedLength;
  private final Period calendarLength;
  private final TemporalAdjuster firstDate;

  BarInterval(String code, Duration fixedLength) {
    this(code, fixedLength, null, null);
  }

  BarInterval(String code, Period calendarLength, TemporalAdjuster firstDate) {
    this(code, null, calendarLength, firstDate);
  }

  BarInterval(
      String code, Duration fixedLength, Period calendarLength, TemporalAdjuster firstDate) {
    this.code = code;
    this.fixedLength = fixedLength;
    this.calendarLength = calendarLength;
    this.firstDate = firstDate;
  }

  /**
   * Returns the interval for its code.
   *
   * @param code one of {@code 1m 5m 15m 1h 1d 1w 1mo}, case-sensitive
   * @throws IllegalArgumentException when {@code code} is none of them; the message lists them
   */
  public static BarInterval parse(String code) {
    for (BarInterval interval : values()) {
      if (interval.code.equals(code)) {
        return interval;
      }
    }
    String codes = Arrays.stream(values()).map(BarInterval::code).collect(Collectors.joining(", "));
    String shown = code == null ? "null" : '"' + code + '"';
    throw new IllegalArgumentException(
        "Cannot parse bar interval: " + shown + " is not one of " + codes);
  }

  /**
   * Returns the short code used in config, APIs and table names, e.g. {@code 15m} or {@code 1mo}.
   */
  public String code() {
    return code;
  }

  /** Returns whether bars of this interval are shorter than a trading date (1m, 5m, 15m, 1h). */
  public boolean isIntraday() {
    return fixedLength != null;
  }

  /**
   * Returns the length of every bar of an intraday interval, or empty for 1d, 1w and 1mo, whose
   * length follows the America/New_York calendar.
   */
  public Optional<Duration> fixedLength() {
    return Optional.ofNullable(fixedLength);
  }

  /**
   * Returns the start of the bar that contains {@code eventTime}: the event time floored to a bar
   * boundary. For example, for {@code 2013-10-10T17:37:12Z} (a Thursday, 13:37 EDT): 5m gives
   * {@code 17:35:00Z}, 1d gives {@code 2013-10-10T04:00:00Z}, 1w gives Monday {@code
   * 2013-10-07T04:00:00Z}, 1mo gives {@code 2013-10-01T04:00:00Z}.
   *
   * @throws NullPointerException when {@code eventTime} is null
   */
  public Instant startOf(Instant eventTime) {
    Objects.requireNonNull(eventTime, "eventTime");
    if (fixedLength != null) {
      long lengthSeconds = fixedLength.toSeconds();
      return Instant.ofEpochSecond(
          Math.floorDiv(eventTime.getEpochSecond(), lengthSeconds) * lengthSeconds);
    }
    return MarketTime.startOf(MarketTime.tradingDate(eventTime).with(firstDate));
  }

  /**
   * Returns the end (exclusive) of the bar that contains {@code eventTime}, which is the start of
   * the next bar. A daily bar ending on a daylight-saving change lasts 23 or 25 hours.
   *
   * @throws NullPointerException when {@code eventTime} is null
   */
  public Instant endOf(Instant eventTime) {
    Instant start = startOf(eventTime);
    if (fixedLength != null) {
      return start.plus(fixedLength);
    }
    return MarketTime.startOf(MarketTime.tradingDate(start).plus(calendarLength));
  }

  /** Returns {@link #code()}, so messages and logs read {@code IBM 1m}. */
  @Override
  public String toString() {
    return code;
  }
}
