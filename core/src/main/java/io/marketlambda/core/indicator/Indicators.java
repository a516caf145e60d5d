package io.marketlambda.core.indicator;

/**
 * Moving averages and Wilder's RSI over a series of prices, oldest first.
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
