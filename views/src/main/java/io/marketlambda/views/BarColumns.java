package io.marketlambda.views;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The columns of a bars Dataset, one row per symbol, interval and bar ({@link
 * io.marketlambda.core.model.Bar}):
 *
 * <pre>
 * symbol         string     e.g. IBM
 * interval       string     a BarInterval code: 1m, 5m, 15m, 1h, 1d, 1w, 1mo
 * bar_start      timestamp  the bar's start (an instant; bars are labelled by their start)
 * open_usd       double     first trade's price, USD
 * high_usd       double     highest price, USD
 * low_usd        double     lowest price, USD
 * close_usd      double     last trade's price, USD
 * volume_shares  double     shares traded
 * vwap_usd       double     volume-weighted average price, USD
 * trade_count    long       trades in the bar
 * </pre>
 */
public final class BarColumns {
  public static final String SYMBOL = "symbol";
  public static final String INTERVAL = "interval";
  public static final String BAR_START = "bar_start";
  public static final String OPEN_USD = "open_usd";
  public static final String HIGH_USD = "high_usd";
  public static final String LOW_USD = "low_usd";
  public static final String CLOSE_USD = "close_usd";
  public static final String VOLUME_SHARES = "volume_shares";
  public static final String VWAP_USD = "vwap_usd";
  public static final String TRADE_COUNT = "trade_count";

  /** The schema above, in this order. */
  public static final StructType SCHEMA =
      new StructType()
          .add(SYMBOL, DataTypes.StringType, false)
          .add(INTERVAL, DataTypes.StringType, false)
          .add(BAR_START, DataTypes.TimestampType, false)
          .add(OPEN_USD, DataTypes.DoubleType, false)
          .add(HIGH_USD, DataTypes.DoubleType, false)
          .add(LOW_USD, DataTypes.DoubleType, false)
          .add(CLOSE_USD, DataTypes.DoubleType, false)
          .add(VOLUME_SHARES, DataTypes.DoubleType, false)
          .add(VWAP_USD, DataTypes.DoubleType, false)
          .add(TRADE_COUNT, DataTypes.LongType, false);

  private BarColumns() {}

  /** A bar's values in the order of {@link #SCHEMA}; the start as a {@link java.sql.Timestamp}. */
  public static Object[] values(io.marketlambda.core.model.Bar bar) {
    return new Object[] {
      bar.symbol().value(),
      bar.interval().code(),
      java.sql.Timestamp.from(bar.start()),
      bar.openUsd(),
      bar.highUsd(),
      bar.lowUsd(),
      bar.closeUsd(),
      bar.volumeShares(),
      bar.vwapUsd(),
      bar.tradeCount()
    };
  }

  /**
   * Returns the bar of a row that has these columns (read by name: extra columns and their order do
   * not matter).
   *
   * @throws IllegalArgumentException when a column is missing, or null
   * @throws io.marketlambda.core.model.InvalidRecordException when the values break a rule of a bar
   */
  public static io.marketlambda.core.model.Bar bar(org.apache.spark.sql.Row row) {
    try {
      return new io.marketlambda.core.model.Bar(
          io.marketlambda.core.model.Symbol.of(row.getAs(SYMBOL)),
          io.marketlambda.core.model.BarInterval.parse(row.getAs(INTERVAL)),
          SparkTimes.instant(row.getAs(BAR_START)),
          row.<Double>getAs(OPEN_USD),
          row.<Double>getAs(HIGH_USD),
          row.<Double>getAs(LOW_USD),
          row.<Double>getAs(CLOSE_USD),
          row.<Double>getAs(VOLUME_SHARES),
          row.<Double>getAs(VWAP_USD),
          row.<Long>getAs(TRADE_COUNT));
    } catch (NullPointerException | ClassCastException e) {
      throw new IllegalArgumentException("Cannot read a bar from row " + row + ": " + e, e);
    }
  }
}
