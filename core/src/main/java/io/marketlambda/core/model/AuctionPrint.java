package io.marketlambda.core.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The listing market's auction prints, which make a trading day's official open and close: a trade
 * reported by the symbol's listing (primary) market ({@link Quote#listingExchange()}) with the
 * condition {@link SaleCondition#OPENING_PRINT} is its opening auction, with {@link
 * SaleCondition#CLOSING_PRINT} its closing auction. Other markets' opening and closing prints are
 * ordinary trades.
 *
 * <p>How a bar places them (both layers, {@link BarBuilder} and the batch layer's {@code
 * BarsPipeline}):
 *
 * <ul>
 *   <li>an opening auction print that may set the last sale is the open of its minute, even when
 *       other markets traded earlier in that minute (NYSE opened IBM at 09:30:16 on 2013-10-07
 *       after trades elsewhere from 09:30:01), and of a coarser bar whose first trade that may set
 *       the last sale is in that minute (so that coarser bars open as their minutes roll up; a
 *       delayed auction sets the open of its own minute only);
 *   <li>a closing auction print reported within {@link #CLOSING_PRINT_WINDOW} after the regular
 *       session's close ({@link MarketTime#REGULAR_CLOSE}) belongs to the session's last minute
 *       ({@link #barMillis}): NYSE's closing print of IBM that day was reported at 16:01:04 and is
 *       the 15:59 bar's close and part of its volume. By its event time it follows every trade of
 *       that minute, so it is the close wherever it may set the last sale.
 * </ul>
 *
 * Every fill of an auction counts in volume as the tape's table says (an auction reported as many
 * fills, as NYSE Arca reports SPY's, counts whole). There is no exchange calendar yet: on an early
 * close the closing print stays in its own minute.
 */
public enum AuctionPrint {
  /** Any other trade. */
  NONE,
  /** The listing market's opening auction. */
  OPENING,
  /** The listing market's closing auction. */
  CLOSING;

  /**
   * How long after the close a closing auction print is still placed in the session's last minute;
   * a later one stays in its own minute. The speed layer keeps the minutes from the session's last
   * to the end of this window open until its watermark passes the window's end.
   */
  public static final Duration CLOSING_PRINT_WINDOW = Duration.ofMinutes(5);

  private static final long MINUTE = 60_000;
  private static final AuctionPrint[] BY_CODE = values();

  /**
   * Returns what a trade is.
   *
   * @param conditions the trade's {@link SaleCondition} bits
   * @param exchange the market center that reported it, or null
   * @param listingExchange the symbol's listing market, or null when unknown (then no trade is an
   *     auction print)
   */
  public static AuctionPrint of(long conditions, String exchange, String listingExchange) {
    if (exchange == null || !exchange.equals(listingExchange)) {
      return NONE;
    }
    if ((conditions & SaleCondition.OPENING_PRINT.mask()) != 0) {
      return OPENING;
    }
    if ((conditions & SaleCondition.CLOSING_PRINT.mask()) != 0) {
      return CLOSING;
    }
    return NONE;
  }

  /** A small code for columns and state: the ordinal. */
  public int code() {
    return ordinal();
  }

  /**
   * Returns the print of a {@link #code()}.
   *
   * @throws IllegalArgumentException when the code is no print's
   */
  public static AuctionPrint ofCode(int code) {
    if (code < 0 || code >= BY_CODE.length) {
      throw new IllegalArgumentException(code + " is not an auction print code (0 to 2)");
    }
    return BY_CODE[code];
  }

  /**
   * Returns the time that decides a trade's bar: its event time, except for a closing auction print
   * reported from the close to the end of {@link #CLOSING_PRINT_WINDOW}, which is placed 1 ms
   * before the close of its trading date (in the session's last minute).
   *
   * @param eventMillis the trade's event time, epoch ms UTC
   */
  public long barMillis(long eventMillis) {
    if (this != CLOSING) {
      return eventMillis;
    }
    long close = closeOf(eventMillis);
    return inClosingPrintWindow(eventMillis, close) ? close - 1 : eventMillis;
  }

  /**
   * Returns the watermark at which the speed layer may take a 1-minute bar as final: its end, but
   * for the minutes from the session's last one to the end of {@link #CLOSING_PRINT_WINDOW}, the
   * window's end, so that a closing auction print reported after the close still finds the last
   * minute open.
   *
   * @param minuteStartMillis the bar's start, epoch ms UTC, a whole minute
   */
  public static long finalAtMillis(long minuteStartMillis) {
    long end = minuteStartMillis + MINUTE;
    long close = closeOf(minuteStartMillis);
    long windowEnd = close + CLOSING_PRINT_WINDOW.toMillis();
    return minuteStartMillis >= close - MINUTE && minuteStartMillis < windowEnd ? windowEnd : end;
  }

  /**
   * Returns the start of the earliest 1-minute bar a trade at or after the watermark may still
   * change: the watermark's minute, but the session's last minute from the close to the end of
   * {@link #CLOSING_PRINT_WINDOW}, for a closing auction print.
   *
   * @param watermarkMillis an event-time watermark, epoch ms UTC
   */
  public static long changeableFromMillis(long watermarkMillis) {
    long close = closeOf(watermarkMillis);
    return inClosingPrintWindow(watermarkMillis, close)
        ? close - MINUTE
        : Math.floorDiv(watermarkMillis, MINUTE) * MINUTE;
  }

  /** Whether an instant is from the close to the end of {@link #CLOSING_PRINT_WINDOW}. */
  private static boolean inClosingPrintWindow(long millis, long close) {
    return millis >= close && millis < close + CLOSING_PRINT_WINDOW.toMillis();
  }

  /** The regular session's close on the trading date of an instant, epoch ms UTC. */
  private static long closeOf(long millis) {
    LocalDate date = MarketTime.tradingDate(Instant.ofEpochMilli(millis));
    return date.atTime(MarketTime.REGULAR_CLOSE)
        .atZone(MarketTime.MARKET_ZONE)
        .toInstant()
        .toEpochMilli();
  }
}
