package io.marketlambda.views;

import io.marketlambda.core.indicator.Indicator;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The columns of an intraday indicators Dataset, one row per symbol and 1-minute bar ({@link
 * IntradayIndicators}). Every indicator restarts at the start of each trading date
 * (America/New_York) and is null until the session has enough bars for it; windows count bars, not
 * clock minutes. The names, units and HBase qualifiers are {@link Indicator}'s intraday ones.
 *
 * <pre>
 * symbol               string     e.g. IBM
 * bar_start            timestamp  the 1-minute bar's start
 * trading_date         date       America/New_York date of the bar
 * close_usd            double     the bar's close, USD
 * volume_shares        double     the bar's volume, shares
 * sma_5_usd            double     simple moving average of the last 5 closes, USD
 * sma_15_usd           double     ... of 15 closes
 * sma_60_usd           double     ... of 60 closes
 * ema_5_usd            double     exponential moving average over 5 closes (SMA-seeded), USD
 * ema_15_usd           double     ... over 15
 * ema_60_usd           double     ... over 60
 * session_vwap_usd     double     VWAP of the session so far, USD
 * realized_vol_30      double     annualized realized volatility of the last 30 one-minute log
 *                                 returns, fraction (0.2 = 20 % a year)
 * change_5             double     close over the close 5 bars earlier, minus 1 (fraction)
 * previous_change_5    double     change_5 of the bar before (for threshold crossings)
 * volume_zscore_30     double     z-score of the volume against the 30 bars before it
 * opening_gap          double     first bar of the session only: its open over the previous
 *                                 session's close, minus 1 (fraction); null without a previous
 *                                 session in the input
 * </pre>
 */
public final class IndicatorColumns {
  public static final String SYMBOL = BarColumns.SYMBOL;
  public static final String BAR_START = BarColumns.BAR_START;
  public static final String TRADING_DATE = "trading_date";
  public static final String CLOSE_USD = BarColumns.CLOSE_USD;
  public static final String VOLUME_SHARES = BarColumns.VOLUME_SHARES;
  public static final String SMA_5_USD = Indicator.SMA_5.column();
  public static final String SMA_15_USD = Indicator.SMA_15.column();
  public static final String SMA_60_USD = Indicator.SMA_60.column();
  public static final String EMA_5_USD = Indicator.EMA_5.column();
  public static final String EMA_15_USD = Indicator.EMA_15.column();
  public static final String EMA_60_USD = Indicator.EMA_60.column();
  public static final String SESSION_VWAP_USD = Indicator.SESSION_VWAP.column();
  public static final String REALIZED_VOL_30 = Indicator.REALIZED_VOL_30.column();
  public static final String CHANGE_5 = Indicator.CHANGE_5.column();
  public static final String PREVIOUS_CHANGE_5 = "previous_change_5";
  public static final String VOLUME_ZSCORE_30 = Indicator.VOLUME_ZSCORE_30.column();
  public static final String OPENING_GAP = Indicator.OPENING_GAP.column();

  /** The nullable indicator columns, from {@code sma_5_usd} to {@code opening_gap}, in order. */
  public static final java.util.List<String> INDICATORS =
      java.util.List.of(
          SMA_5_USD,
          SMA_15_USD,
          SMA_60_USD,
          EMA_5_USD,
          EMA_15_USD,
          EMA_60_USD,
          SESSION_VWAP_USD,
          REALIZED_VOL_30,
          CHANGE_5,
          PREVIOUS_CHANGE_5,
          VOLUME_ZSCORE_30,
          OPENING_GAP);

  /** The schema above, in this order. */
  public static final StructType SCHEMA = schema();

  private IndicatorColumns() {}

  private static StructType schema() {
    StructType schema =
        new StructType()
            .add(SYMBOL, DataTypes.StringType, false)
            .add(BAR_START, DataTypes.TimestampType, false)
            .add(TRADING_DATE, DataTypes.DateType, false)
            .add(CLOSE_USD, DataTypes.DoubleType, false)
            .add(VOLUME_SHARES, DataTypes.DoubleType, false);
    for (String indicator : INDICATORS) {
      schema = schema.add(indicator, DataTypes.DoubleType, true);
    }
    return schema;
  }
}
