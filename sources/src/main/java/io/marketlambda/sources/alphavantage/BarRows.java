package io.marketlambda.sources.alphavantage;

import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.MarketTime;
import io.marketlambda.core.model.Symbol;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Reads the rows of one time series into {@link Bar}s.
 *
 * <p>Times: intraday timestamps are local times of the zone the JSON {@code Meta Data} states
 * ({@code US/Eastern}); CSV bodies state none and are read as America/New_York. They name the bar's
 * start or end as {@link BarLabel} says. Daily rows start at midnight America/New_York of their
 * date. Weekly and monthly rows are dated by the period's LAST trading day (a Friday, or the latest
 * day of a period still running: the first row of a series is usually partial); the bar starts at
 * the period's start (Monday, first of month) as {@link BarInterval#startOf} gives.
 *
 * <p>Prices: Alpha Vantage reports no VWAP, so {@code vwapUsd} is the typical price {@code (high +
 * low + close) / 3}, an approximation; {@code tradeCount} is 0 (not reported).
 */
final class BarRows {
  private final Symbol symbol;
  private final BarInterval interval;
  private final BarLabel label;
  private final ZoneId zone;

  /**
   * @param table supplies the zone ({@code time_zone} in the metadata) for intraday series
   * @throws IllegalArgumentException when the stated time zone is unknown
   */
  BarRows(Symbol symbol, BarInterval interval, BarLabel label, ResponseTable table) {
    this.symbol = Objects.requireNonNull(symbol, "symbol");
    this.interval = Objects.requireNonNull(interval, "interval");
    this.label = Objects.requireNonNull(label, "label");
    String stated = table.metadata().get("time_zone");
    try {
      this.zone = stated == null ? MarketTime.MARKET_ZONE : ZoneId.of(stated);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("Meta Data time zone \"" + stated + "\" is unknown", e);
    }
  }

  /** Returns the row's bar; throws {@link IllegalArgumentException} naming a field it rejects. */
  Bar bar(ResponseTable.Row row) {
    double high = RowFields.number(row, "high");
    double low = RowFields.number(row, "low");
    double close = RowFields.number(row, "close");
    return Bar.withTypicalPriceVwap(
        symbol,
        interval,
        start(row),
        RowFields.number(row, "open"),
        high,
        low,
        close,
        RowFields.number(row, "volume"));
  }

  /** Returns the row's bar with its adjustment fields. */
  AdjustedBar adjustedBar(ResponseTable.Row row) {
    return new AdjustedBar(
        bar(row),
        RowFields.number(row, "adjusted_close"),
        RowFields.number(row, "dividend_amount"),
        RowFields.number(row, "split_coefficient", 1.0));
  }

  private Instant start(ResponseTable.Row row) {
    if (!interval.isIntraday()) {
      return interval.startOf(MarketTime.startOf(RowFields.date(row, "timestamp")));
    }
    Instant stamped = RowFields.dateTime(row, "timestamp").atZone(zone).toInstant();
    return label == BarLabel.START ? stamped : stamped.minus(interval.fixedLength().orElseThrow());
  }
}
