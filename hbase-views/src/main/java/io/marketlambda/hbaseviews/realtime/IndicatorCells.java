package io.marketlambda.hbaseviews.realtime;

import io.marketlambda.core.indicator.Indicator;
import java.util.List;

/**
 * The qualifiers of an indicators row (family {@code i}, table {@code indicators_1m}), one row per
 * symbol and regular-session 1-minute bar. Every value is an 8-byte big-endian IEEE double; NaN
 * where the indicator is not defined yet (too few bars in the session). The qualifiers, names,
 * units and definitions are {@link Indicator}'s intraday ones; the API answers their column names.
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
  public static final String CLOSE_USD = Indicator.CLOSE.qualifier();
  public static final String VOLUME_SHARES = Indicator.VOLUME.qualifier();
  public static final String SMA_5_USD = Indicator.SMA_5.qualifier();
  public static final String SMA_15_USD = Indicator.SMA_15.qualifier();
  public static final String SMA_60_USD = Indicator.SMA_60.qualifier();
  public static final String EMA_5_USD = Indicator.EMA_5.qualifier();
  public static final String EMA_15_USD = Indicator.EMA_15.qualifier();
  public static final String EMA_60_USD = Indicator.EMA_60.qualifier();
  public static final String SESSION_VWAP_USD = Indicator.SESSION_VWAP.qualifier();
  public static final String REALIZED_VOL_30 = Indicator.REALIZED_VOL_30.qualifier();
  public static final String CHANGE_5 = Indicator.CHANGE_5.qualifier();
  public static final String VOLUME_ZSCORE_30 = Indicator.VOLUME_ZSCORE_30.qualifier();
  public static final String OPENING_GAP = Indicator.OPENING_GAP.qualifier();

  /** Every qualifier above, in the order listed. */
  public static final List<String> ALL =
      Indicator.of(Indicator.Scope.INTRADAY).stream().map(Indicator::qualifier).toList();

  private IndicatorCells() {}
}
