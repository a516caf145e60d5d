package io.marketlambda.core.indicator;

/**
 * Indicators over a series of bars, oldest first: moving averages, Wilder's RSI, cumulative VWAP,
 * rate of change, realized volatility and a trailing z-score. The one definition of their math,
 * which both layers' Spark views call.
 *
 * <p>Every function returns an array as long as its input, aligned with it; positions before enough
 * history exists hold {@link Double#NaN} ("not yet defined"), never a made-up value. Inputs must be
 * finite; a period must be at least 1.
 */
public final class Indicators {
  private Indicators() {}

  /**
   * Simple moving average: the mean of the last {@code period} values, defined from index {@code
   * period - 1} on.
   *
   * @throws IllegalArgumentException when {@code period < 1}
   */
  public static double[] sma(double[] values, int period) {
    requirePeriod(period);
    double[] result = undefined(values.length);
    double sum = 0;
    for (int i = 0; i < values.length; i++) {
      sum += values[i];
      if (i >= period) {
        sum -= values[i - period];
      }
      if (i >= period - 1) {
        result[i] = sum / period;
      }
    }
    return result;
  }

  /**
   * Exponential moving average with smoothing {@code alpha = 2 / (period + 1)}, seeded with the
   * simple average of the first {@code period} values, defined from index {@code period - 1} on
   * (the convention of J. Murphy, "Technical Analysis of the Financial Markets", 1999, ch. 9, and
   * of StockCharts' EMA).
   *
   * @throws IllegalArgumentException when {@code period < 1}
   */
  public static double[] ema(double[] values, int period) {
    requirePeriod(period);
    double[] result = undefined(values.length);
    if (values.length < period) {
      return result;
    }
    double alpha = 2.0 / (period + 1);
    double average = sma(values, period)[period - 1];
    result[period - 1] = average;
    for (int i = period; i < values.length; i++) {
      average = alpha * values[i] + (1 - alpha) * average;
      result[i] = average;
    }
    return result;
  }

  /**
   * Relative Strength Index after J. Welles Wilder, "New Concepts in Technical Trading Systems",
   * 1978: {@code 100 - 100 / (1 + averageGain / averageLoss)} over price changes, where the first
   * averages are simple means of the first {@code period} changes and each later one is {@code
   * (previous * (period - 1) + current) / period} (Wilder's smoothing). Defined from index {@code
   * period} on (the first {@code period} changes need {@code period + 1} prices); 100 when there
   * was no loss.
   *
   * @throws IllegalArgumentException when {@code period < 1}
   */
  public static double[] rsiWilder(double[] values, int period) {
    requirePeriod(period);
    double[] result = undefined(values.length);
    if (values.length <= period) {
      return result;
    }
    double gain = 0;
    double loss = 0;
    for (int i = 1; i <= period; i++) {
      double change = values[i] - values[i - 1];
      gain += Math.max(change, 0);
      loss += Math.max(-change, 0);
    }
    gain /= period;
    loss /= period;
    result[period] = rsi(gain, loss);
    for (int i = period + 1; i < values.length; i++) {
      double change = values[i] - values[i - 1];
      gain = (gain * (period - 1) + Math.max(change, 0)) / period;
      loss = (loss * (period - 1) + Math.max(-change, 0)) / period;
      result[i] = rsi(gain, loss);
    }
    return result;
  }

  /**
   * Rate of change over {@code lag} positions: {@code values[i] / values[i - lag] - 1}, a fraction
   * (0.02 = +2 %), defined from index {@code lag} on (J. Murphy, "Technical Analysis of the
   * Financial Markets", 1999, ch. 10, "Rate of Change").
   *
   * @throws IllegalArgumentException when {@code lag < 1}
   */
  public static double[] rateOfChange(double[] values, int lag) {
    requirePeriod(lag);
    double[] result = undefined(values.length);
    for (int i = lag; i < values.length; i++) {
      result[i] = values[i] / values[i - lag] - 1;
    }
    return result;
  }

  /**
   * Cumulative volume-weighted average price from the first position: {@code Σ(price × volume) / Σ
   * volume} over positions {@code 0..i}, i.e. session VWAP when fed the bars of one session with
   * each bar's own VWAP as its price (Berkowitz, Logue and Noser, "The Total Cost of Transactions
   * on the NYSE", Journal of Finance 43(1), 1988). Undefined while the volume so far is 0.
   *
   * @param prices USD, one per bar (the bar's VWAP)
   * @param volumes shares, one per bar, not negative
   * @throws IllegalArgumentException when the arrays differ in length
   */
  public static double[] cumulativeVwap(double[] prices, double[] volumes) {
    requireSameLength(prices, volumes);
    double[] result = undefined(prices.length);
    double notional = 0;
    double volume = 0;
    for (int i = 0; i < prices.length; i++) {
      notional += prices[i] * volumes[i];
      volume += volumes[i];
      if (volume > 0) {
        result[i] = notional / volume;
      }
    }
    return result;
  }

  /**
   * Annualized realized volatility over the last {@code window} log returns: {@code sqrt(
   * periodsPerYear / window × Σ ln(p[j] / p[j-1])²)}, the square root of realized variance, the sum
   * of squared intraday returns (Andersen, Bollerslev, Diebold and Labys, "Modeling and Forecasting
   * Realized Volatility", Econometrica 71(2), 2003), scaled to a year. A fraction (0.2 = 20 % a
   * year), defined from index {@code window} on.
   *
   * @param periodsPerYear returns per year at the series' frequency, e.g. 252 × 390 for 1-minute
   *     bars of the US regular session
   * @throws IllegalArgumentException when {@code window < 1}, {@code periodsPerYear} is not
   *     positive, or a price is not positive
   */
  public static double[] realizedVolatility(double[] prices, int window, double periodsPerYear) {
    requirePeriod(window);
    if (!(periodsPerYear > 0)) {
      throw new IllegalArgumentException(
          "Cannot annualize with " + periodsPerYear + " periods per year: must be positive");
    }
    double[] result = undefined(prices.length);
    double[] squared = new double[prices.length];
    double sum = 0;
    for (int i = 1; i < prices.length; i++) {
      if (!(prices[i] > 0) || !(prices[i - 1] > 0)) {
        throw new IllegalArgumentException(
            "Cannot take a log return at index " + i + ": prices must be positive");
      }
      double logReturn = Math.log(prices[i] / prices[i - 1]);
      squared[i] = logReturn * logReturn;
      sum += squared[i];
      if (i > window) {
        sum -= squared[i - window];
      }
      if (i >= window) {
        result[i] = Math.sqrt(periodsPerYear / window * Math.max(sum, 0));
      }
    }
    return result;
  }

  /**
   * Standard score of each value against the {@code window} values before it (not including
   * itself): {@code (x[i] - mean) / s}, with {@code s} the sample standard deviation ({@code n - 1}
   * denominator) of {@code x[i-window..i-1]}. Defined from index {@code window} on, and only where
   * {@code s > 0}. The usual volume-spike test (e.g. volume z-score screens).
   *
   * @throws IllegalArgumentException when {@code window < 2}
   */
  public static double[] trailingZScore(double[] values, int window) {
    if (window < 2) {
      throw new IllegalArgumentException(
          "Cannot compute a z-score over " + window + " values: need at least 2");
    }
    double[] result = undefined(values.length);
    for (int i = window; i < values.length; i++) {
      double mean = 0;
      for (int j = i - window; j < i; j++) {
        mean += values[j];
      }
      mean /= window;
      double squares = 0;
      for (int j = i - window; j < i; j++) {
        squares += (values[j] - mean) * (values[j] - mean);
      }
      double deviation = Math.sqrt(squares / (window - 1));
      if (deviation > 0) {
        result[i] = (values[i] - mean) / deviation;
      }
    }
    return result;
  }

  private static void requireSameLength(double[] a, double[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "Cannot combine series of " + a.length + " and " + b.length + " values");
    }
  }

  private static double rsi(double averageGain, double averageLoss) {
    return averageLoss == 0 ? 100 : 100 - 100 / (1 + averageGain / averageLoss);
  }

  private static double[] undefined(int length) {
    double[] result = new double[length];
    java.util.Arrays.fill(result, Double.NaN);
    return result;
  }

  private static void requirePeriod(int period) {
    if (period < 1) {
      throw new IllegalArgumentException("Cannot compute an indicator over period " + period);
    }
  }
}
