package io.marketlambda.views;

import io.marketlambda.core.indicator.Indicator;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The columns of a daily indicators Dataset ({@link DailyIndicators}), one row per symbol and
 * trading date, computed on adjusted daily closes (so splits and dividends make no jumps). Windows
 * count trading days (bars), not calendar days; an indicator is null until the symbol has enough
 * history for it. The names and units are {@link Indicator}'s daily ones.
 *
 * <pre>
 * symbol                string     e.g. IBM
 * trading_date          date       America/New_York trading date
 * bar_start             timestamp  the daily bar's start (New York midnight)
 * close_usd             double     adjusted close, USD
 * change_1d             double     close over the previous close, minus 1 (fraction)
 * sma_20_usd, sma_50_usd, sma_200_usd          simple moving averages, USD
 * ema_12_usd, ema_26_usd                       exponential moving averages (SMA-seeded), USD
 * macd_usd, macd_signal_usd, macd_histogram_usd MACD(12,26,9), USD
 * rsi_14                double     Wilder's RSI over 14 changes, 0..100
 * bollinger_middle_usd, bollinger_upper_usd, bollinger_lower_usd   Bollinger(20, 2), USD
 * atr_14_usd            double     Wilder's average true range over 14 bars, USD
 * volatility_20d        double     annualized close-to-close volatility of 20 returns, fraction
 * high_52w_usd          double     highest adjusted high of the last 252 bars, USD
 * low_52w_usd           double     lowest adjusted low of the last 252 bars, USD
 * </pre>
 */
public final class DailyIndicatorColumns {
  public static final String SYMBOL = BarColumns.SYMBOL;
  public static final String TRADING_DATE = "trading_date";
  public static final String BAR_START = BarColumns.BAR_START;
  public static final String CLOSE_USD = BarColumns.CLOSE_USD;
  public static final String CHANGE_1D = Indicator.CHANGE_1D.column();
  public static final String SMA_20_USD = Indicator.SMA_20.column();
  public static final String SMA_50_USD = Indicator.SMA_50.column();
  public static final String SMA_200_USD = Indicator.SMA_200.column();
  public static final String EMA_12_USD = Indicator.EMA_12.column();
  public static final String EMA_26_USD = Indicator.EMA_26.column();
  public static final String MACD_USD = Indicator.MACD.column();
  public static final String MACD_SIGNAL_USD = Indicator.MACD_SIGNAL.column();
  public static final String MACD_HISTOGRAM_USD = Indicator.MACD_HISTOGRAM.column();
  public static final String RSI_14 = Indicator.RSI_14.column();
  public static final String BOLLINGER_MIDDLE_USD = Indicator.BOLLINGER_MIDDLE.column();
  public static final String BOLLINGER_UPPER_USD = Indicator.BOLLINGER_UPPER.column();
  public static final String BOLLINGER_LOWER_USD = Indicator.BOLLINGER_LOWER.column();
  public static final String ATR_14_USD = Indicator.ATR_14.column();
  public static final String VOLATILITY_20D = Indicator.VOLATILITY_20D.column();
  public static final String HIGH_52W_USD = Indicator.HIGH_52W.column();
  public static final String LOW_52W_USD = Indicator.LOW_52W.column();

  /** The nullable indicator columns, from {@code change_1d} to {@code low_52w_usd}, in order. */
  public static final List<String> INDICATORS =
      Indicator.of(Indicator.Scope.DAILY).stream().map(Indicator::column).toList();

  /** The schema above, in this order. */
  public static final StructType SCHEMA = schema();

  private DailyIndicatorColumns() {}

  private static StructType schema() {
    StructType schema =
        new StructType()
            .add(SYMBOL, DataTypes.StringType, false)
            .add(TRADING_DATE, DataTypes.DateType, false)
            .add(BAR_START, DataTypes.TimestampType, false)
            .add(CLOSE_USD, DataTypes.DoubleType, false);
    for (String indicator : INDICATORS) {
      schema = schema.add(indicator, DataTypes.DoubleType, true);
    }
    return schema;
  }
}
