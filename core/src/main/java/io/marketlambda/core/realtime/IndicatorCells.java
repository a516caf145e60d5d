package io.marketlambda.core.realtime;

import java.util.List;

/**
 * The qualifiers of an indicators row (family {@code i}, table {@code indicators_1m}), one row per
 * symbol and regular-session 1-minute bar. Every value is an 8-byte big-endian IEEE double; NaN
 * where the indicator is not defined yet (too few bars in the session). Units and definitions are
 * those of the views' intraday indicators.
 *
 * <pre>
 * c      close, USD                        v      volume, shares
 * sma5   SMA of 5 closes, USD              ema5   EMA over 5 closes, USD
 * sma15  SMA of 15 closes, USD             ema15  EMA over 15 closes, USD
 * sma60  SMA of 60 closes, USD             ema60  EMA over 60 closes, USD
 * vwap   session VWAP, USD                 rv30   realized volatility of 30 returns, annualized
 * chg5   change over 5 bars, fraction      vz30   volume z-score against 30 bars
 * gap    opening gap, fraction (first bar of the session only)
 * </pre>
 */
public final class IndicatorCells {
  public static final String CLOSE_USD = "c";
  public static final String VOLUME_SHARES = "v";
  public static final String SMA_5_USD = "sma5";
  public static final String SMA_15_USD = "sma15";
  public static final String SMA_60_USD = "sma60";
  public static final String EMA_5_USD = "ema5";
  public static final String EMA_15_USD = "ema15";
  public static final String EMA_60_USD = "ema60";
  public static final String SESSION_VWAP_USD = "vwap";
  public static final String REALIZED_VOL_30 = "rv30";
  public static final String CHANGE_5 = "chg5";
  public static final String VOLUME_ZSCORE_30 = "vz30";
  public static final String OPENING_GAP = "gap";

  /** Every qualifier above, in the order listed. */
  public static final List<String> ALL =
      List.of(
          CLOSE_USD,
          VOLUME_SHARES,
          SMA_5_USD,
          SMA_15_USD,
          SMA_60_USD,
          EMA_5_USD,
          EMA_15_USD,
          EMA_60_USD,
          SESSION_VWAP_USD,
          REALIZED_VOL_30,
          CHANGE_5,
          VOLUME_ZSCORE_30,
          OPENING_GAP);

  private IndicatorCells() {}
}
