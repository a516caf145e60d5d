package io.marketlambda.sources.alphavantage;

import io.marketlambda.core.model.BarInterval;
import java.util.Optional;

/**
 * The Alpha Vantage API functions this client calls, named as the API's {@code function=}
 * parameter.
 */
public enum AlphaVantageFunction {
  /** Intraday bars; needs {@code interval}, takes {@code month}, {@code extended_hours}. */
  TIME_SERIES_INTRADAY(Shape.BARS, null),
  /** Raw daily bars. */
  TIME_SERIES_DAILY(Shape.BARS, BarInterval.ONE_DAY),
  /** Raw daily bars with adjusted close, dividend and split coefficient. */
  TIME_SERIES_DAILY_ADJUSTED(Shape.ADJUSTED_BARS, BarInterval.ONE_DAY),
  /** Weekly bars, dated by the week's last trading day, not split-adjusted. */
  TIME_SERIES_WEEKLY(Shape.BARS, BarInterval.ONE_WEEK),
  /** Weekly bars with adjusted close and dividend. */
  TIME_SERIES_WEEKLY_ADJUSTED(Shape.ADJUSTED_BARS, BarInterval.ONE_WEEK),
  /** Monthly bars, dated by the month's last trading day, not split-adjusted. */
  TIME_SERIES_MONTHLY(Shape.BARS, BarInterval.ONE_MONTH),
  /** Monthly bars with adjusted close and dividend. */
  TIME_SERIES_MONTHLY_ADJUSTED(Shape.ADJUSTED_BARS, BarInterval.ONE_MONTH),
  /** The latest price and day fields of one symbol. */
  GLOBAL_QUOTE(Shape.QUOTE, null),
  /** Symbols matching keywords. */
  SYMBOL_SEARCH(Shape.REFERENCE, null),
  /** Open or closed status of the world's markets. */
  MARKET_STATUS(Shape.REFERENCE, null),
  /** Historical splits of one symbol. */
  SPLITS(Shape.CORPORATE_ACTIONS, null),
  /** Historical cash dividends of one symbol. */
  DIVIDENDS(Shape.CORPORATE_ACTIONS, null),
  /** Active (or delisted) US listings; served as CSV only. */
  LISTING_STATUS(Shape.REFERENCE, null);

  /** What a data response of a function holds. */
  enum Shape {
    BARS,
    ADJUSTED_BARS,
    QUOTE,
    REFERENCE,
    CORPORATE_ACTIONS
  }

  private final Shape shape;
  private final BarInterval calendarInterval;

  AlphaVantageFunction(Shape shape, BarInterval calendarInterval) {
    this.shape = shape;
    this.calendarInterval = calendarInterval;
  }

  Shape shape() {
    return shape;
  }

  /** Returns whether the function's data rows are OHLCV bars. */
  public boolean isTimeSeries() {
    return shape == Shape.BARS || shape == Shape.ADJUSTED_BARS;
  }

  /** Returns whether the function needs a {@code symbol} parameter. */
  public boolean needsSymbol() {
    return this != SYMBOL_SEARCH && this != MARKET_STATUS && this != LISTING_STATUS;
  }

  /**
   * Returns the bar interval of a daily, weekly or monthly series; empty for intraday (the
   * request's {@link IntradayInterval} decides) and for functions without bars.
   */
  public Optional<BarInterval> calendarInterval() {
    return Optional.ofNullable(calendarInterval);
  }
}
