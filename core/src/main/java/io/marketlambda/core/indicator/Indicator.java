package io.marketlambda.core.indicator;

import java.util.Arrays;
import java.util.List;

/**
 * The one vocabulary of the indicators: for each, the name the API answers and the tables' column
 * carry ({@link #column}), the HBase qualifier of its cell ({@link #qualifier}), its unit and what
 * it is. Intraday indicators are computed per regular-session 1-minute bar (the realtime view
 * {@code indicators_1m}, family {@code i}, short qualifiers to keep cells small); daily ones per
 * trading date on adjusted closes ({@code gold.indicators_daily} and the serving copy, whose
 * qualifiers are the column names). Formulas and their sources are in {@link Indicators}.
 */
public enum Indicator {
  CLOSE(Scope.INTRADAY, "close_usd", "c", "USD", "the 1-minute bar's close"),
  VOLUME(Scope.INTRADAY, "volume_shares", "v", "shares", "the 1-minute bar's volume"),
  SMA_5(Scope.INTRADAY, "sma_5_usd", "sma5", "USD", "simple moving average of the last 5 closes"),
  SMA_15(Scope.INTRADAY, "sma_15_usd", "sma15", "USD", "simple moving average of 15 closes"),
  SMA_60(Scope.INTRADAY, "sma_60_usd", "sma60", "USD", "simple moving average of 60 closes"),
  EMA_5(Scope.INTRADAY, "ema_5_usd", "ema5", "USD", "exponential moving average over 5 closes"),
  EMA_15(Scope.INTRADAY, "ema_15_usd", "ema15", "USD", "exponential moving average over 15"),
  EMA_60(Scope.INTRADAY, "ema_60_usd", "ema60", "USD", "exponential moving average over 60"),
  SESSION_VWAP(Scope.INTRADAY, "session_vwap_usd", "vwap", "USD", "VWAP of the session so far"),
  REALIZED_VOL_30(
      Scope.INTRADAY,
      "realized_vol_30",
      "rv30",
      "fraction a year",
      "annualized realized volatility of the last 30 one-minute log returns"),
  CHANGE_5(
      Scope.INTRADAY, "change_5", "chg5", "fraction", "close over the close 5 bars earlier, - 1"),
  VOLUME_ZSCORE_30(
      Scope.INTRADAY,
      "volume_zscore_30",
      "vz30",
      "standard deviations",
      "z-score of the volume against the 30 bars before it"),
  OPENING_GAP(
      Scope.INTRADAY,
      "opening_gap",
      "gap",
      "fraction",
      "first bar of the session: its open over the previous session's close, - 1"),

  CHANGE_1D(Scope.DAILY, "change_1d", "fraction", "close over the previous close, - 1"),
  SMA_20(Scope.DAILY, "sma_20_usd", "USD", "simple moving average of 20 closes"),
  SMA_50(Scope.DAILY, "sma_50_usd", "USD", "simple moving average of 50 closes"),
  SMA_200(Scope.DAILY, "sma_200_usd", "USD", "simple moving average of 200 closes"),
  EMA_12(Scope.DAILY, "ema_12_usd", "USD", "exponential moving average over 12 closes"),
  EMA_26(Scope.DAILY, "ema_26_usd", "USD", "exponential moving average over 26 closes"),
  MACD(Scope.DAILY, "macd_usd", "USD", "MACD(12,26,9) line"),
  MACD_SIGNAL(Scope.DAILY, "macd_signal_usd", "USD", "MACD(12,26,9) signal"),
  MACD_HISTOGRAM(Scope.DAILY, "macd_histogram_usd", "USD", "MACD(12,26,9) histogram"),
  RSI_14(Scope.DAILY, "rsi_14", "0..100", "Wilder's RSI over 14 changes"),
  BOLLINGER_MIDDLE(Scope.DAILY, "bollinger_middle_usd", "USD", "Bollinger(20, 2) middle band"),
  BOLLINGER_UPPER(Scope.DAILY, "bollinger_upper_usd", "USD", "Bollinger(20, 2) upper band"),
  BOLLINGER_LOWER(Scope.DAILY, "bollinger_lower_usd", "USD", "Bollinger(20, 2) lower band"),
  ATR_14(Scope.DAILY, "atr_14_usd", "USD", "Wilder's average true range over 14 bars"),
  VOLATILITY_20D(
      Scope.DAILY,
      "volatility_20d",
      "fraction a year",
      "annualized close-to-close volatility of 20 returns"),
  HIGH_52W(Scope.DAILY, "high_52w_usd", "USD", "highest adjusted high of the last 252 bars"),
  LOW_52W(Scope.DAILY, "low_52w_usd", "USD", "lowest adjusted low of the last 252 bars");

  /** Which view computes an indicator. */
  public enum Scope {
    /** Per regular-session 1-minute bar, restarting each session (speed layer, realtime view). */
    INTRADAY,
    /** Per trading date on adjusted daily closes (batch layer, batch view). */
    DAILY
  }

  private final Scope scope;
  private final String column;
  private final String qualifier;
  private final String unit;
  private final String description;

  Indicator(Scope scope, String column, String qualifier, String unit, String description) {
    this.scope = scope;
    this.column = column;
    this.qualifier = qualifier;
    this.unit = unit;
    this.description = description;
  }

  Indicator(Scope scope, String column, String unit, String description) {
    this(scope, column, column, unit, description);
  }

  /** Which view computes it. */
  public Scope scope() {
    return scope;
  }

  /** The name the API answers, the tables' column and the notebooks' name, e.g. sma_5_usd. */
  public String column() {
    return column;
  }

  /** The HBase qualifier of its cell: short for intraday ones (sma5), the column for daily ones. */
  public String qualifier() {
    return qualifier;
  }

  /** Its unit, e.g. USD, shares, fraction. */
  public String unit() {
    return unit;
  }

  /** What it is, in a few words. */
  public String description() {
    return description;
  }

  /** The indicators of {@code scope}, in declaration order. */
  public static List<Indicator> of(Scope scope) {
    return Arrays.stream(values()).filter(indicator -> indicator.scope == scope).toList();
  }
}
