package io.marketlambda.core.model;

import java.time.Instant;

/**
 * An OHLCV bar: the trades of one symbol during one interval, labelled by the interval's start.
 *
 * <p>Prices are USD and positive; {@code lowUsd <= openUsd, closeUsd <= highUsd}.
 *
 * @param symbol the symbol traded
 * @param interval the length of the bar
 * @param start the first instant the bar covers (UTC), on a boundary of {@code interval}; the bar
 *     covers {@code [start, end())}
 * @param openUsd the first price in USD
 * @param highUsd the highest price in USD
 * @param lowUsd the lowest price in USD
 * @param closeUsd the last price in USD
 * @param volumeShares the number of shares traded, finite and at least zero; fractional because
 *     vendors' split-adjusted volumes are (e.g. Stooq)
 * @param vwapUsd the volume-weighted average price in USD, finite and positive
 * @param tradeCount the number of trades, at least zero (zero when the vendor does not report it)
 */
public record Bar(
    Symbol symbol,
    BarInterval interval,
    Instant start,
    double openUsd,
    double highUsd,
    double lowUsd,
    double closeUsd,
    double volumeShares,
    double vwapUsd,
    long tradeCount) {

  /**
   * Validates every component.
   *
   * @throws InvalidRecordException naming the first invalid component, e.g. {@code Cannot create
   *     bar IBM 1m 2013-10-07T13:30:00Z: highUsd 10.0 is below openUsd 11.0}
   */
  public Bar {
    RecordCheck check = new RecordCheck("bar", symbol, interval, start);
    check.requireNonNull("symbol", symbol);
    check.requireNonNull("interval", interval);
    check.requireNonNull("start", start);
    Instant boundary = interval.startOf(start);
    if (!boundary.equals(start)) {
      throw check.invalid(
          "start", start + " is not on a " + interval + " boundary; its bar starts at " + boundary);
    }
    check.requirePositive("openUsd", openUsd);
    check.requirePositive("highUsd", highUsd);
    check.requirePositive("lowUsd", lowUsd);
    check.requirePositive("closeUsd", closeUsd);
    check.requireAtMost("lowUsd", lowUsd, "openUsd", openUsd);
    check.requireAtMost("lowUsd", lowUsd, "closeUsd", closeUsd);
    check.requireAtLeast("highUsd", highUsd, "openUsd", openUsd);
    check.requireAtLeast("highUsd", highUsd, "closeUsd", closeUsd);
    check.requireNonNegative("volumeShares", volumeShares);
    check.requirePositive("vwapUsd", vwapUsd);
    check.requireNonNegative("tradeCount", tradeCount);
  }

  /**
   * A bar from a vendor that reports OHLCV only (Lean, Stooq, Yahoo, Alpha Vantage): the VWAP is
   * approximated by the typical price {@code (high + low + close) / 3} (the "typical price" of
   * technical analysis, e.g. the pivot-point and CCI literature) and the trade count is 0
   * (unknown).
   *
   * @throws InvalidRecordException when the values break a rule of this record
   */
  public static Bar withTypicalPriceVwap(
      Symbol symbol,
      BarInterval interval,
      Instant start,
      double openUsd,
      double highUsd,
      double lowUsd,
      double closeUsd,
      double volumeShares) {
    return new Bar(
        symbol,
        interval,
        start,
        openUsd,
        highUsd,
        lowUsd,
        closeUsd,
        volumeShares,
        (highUsd + lowUsd + closeUsd) / 3,
        0);
  }

  /**
   * Returns the end of the bar (exclusive, UTC), the start of the next bar: {@code start} plus the
   * fixed length for intraday intervals, the next America/New_York day, Monday or first of month
   * for calendar intervals.
   */
  public Instant end() {
    return interval.endOf(start);
  }
}
