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

  /**
   * MACD after Gerald Appel ("The Moving Average Convergence-Divergence Trading Method", 1979): the
   * MACD line {@code EMA(fast) - EMA(slow)}, the signal line {@code EMA(signal)} of the MACD line
   * (seeded, like {@link #ema}, with the simple average of its first {@code signal} defined
   * values), and the histogram {@code MACD - signal}. The usual parameters are 12, 26, 9.
   *
   * @return {@code [macd, signal, histogram]}, each aligned with {@code values}
   * @throws IllegalArgumentException when a period is below 1 or {@code fast >= slow}
   */
  public static double[][] macd(double[] values, int fast, int slow, int signal) {
    requirePeriod(fast);
    requirePeriod(slow);
    requirePeriod(signal);
    if (fast >= slow) {
      throw new IllegalArgumentException(
          "Cannot compute MACD(" + fast + "," + slow + "," + signal + "): fast must be < slow");
    }
    double[] fastEma = ema(values, fast);
    double[] slowEma = ema(values, slow);
    double[] line = undefined(values.length);
    for (int i = slow - 1; i < values.length; i++) {
      line[i] = fastEma[i] - slowEma[i];
    }
    double[] signalLine = undefined(values.length);
    double[] histogram = undefined(values.length);
    if (values.length >= slow) {
      double[] definedLine = java.util.Arrays.copyOfRange(line, slow - 1, values.length);
      double[] definedSignal = ema(definedLine, signal);
      for (int k = 0; k < definedSignal.length; k++) {
        int i = slow - 1 + k;
        signalLine[i] = definedSignal[k];
        histogram[i] = line[i] - definedSignal[k];
      }
    }
    return new double[][] {line, signalLine, histogram};
  }

  /**
   * Bollinger Bands after John Bollinger ("Bollinger on Bollinger Bands", 2001): middle band the
   * {@code period} SMA, upper and lower bands {@code k} population standard deviations (divisor
   * {@code period}, as Bollinger specifies) above and below it. The usual parameters are 20, 2.
   *
   * @return {@code [middle, upper, lower]}, each aligned with {@code values}
   * @throws IllegalArgumentException when {@code period < 1} or {@code k} is not positive
   */
  public static double[][] bollinger(double[] values, int period, double k) {
    requirePeriod(period);
    if (!(k > 0)) {
      throw new IllegalArgumentException("Cannot compute Bollinger bands " + k + " apart");
    }
    double[] middle = sma(values, period);
    double[] upper = undefined(values.length);
    double[] lower = undefined(values.length);
    for (int i = period - 1; i < values.length; i++) {
      double squares = 0;
      for (int j = i - period + 1; j <= i; j++) {
        squares += (values[j] - middle[i]) * (values[j] - middle[i]);
      }
      double deviation = Math.sqrt(squares / period);
      upper[i] = middle[i] + k * deviation;
      lower[i] = middle[i] - k * deviation;
    }
    return new double[][] {middle, upper, lower};
  }

  /**
   * Average True Range after J. Welles Wilder ("New Concepts in Technical Trading Systems", 1978).
   * The true range of bar {@code i > 0} is {@code max(high - low, |high - previous close|, |low -
   * previous close|)}; of bar 0, {@code high - low}. The first ATR, at index {@code period}, is the
   * mean of the true ranges of bars 1 to {@code period}; each later one {@code (previous × (period
   * - 1) + true range) / period}.
   *
   * @throws IllegalArgumentException when {@code period < 1} or the arrays differ in length
   */
  public static double[] atrWilder(double[] highs, double[] lows, double[] closes, int period) {
    requirePeriod(period);
    requireSameLength(highs, lows);
    requireSameLength(highs, closes);
    double[] result = undefined(highs.length);
    if (highs.length <= period) {
      return result;
    }
    double[] trueRange = new double[highs.length];
    for (int i = 1; i < highs.length; i++) {
      trueRange[i] =
          Math.max(
              highs[i] - lows[i],
              Math.max(Math.abs(highs[i] - closes[i - 1]), Math.abs(lows[i] - closes[i - 1])));
    }
    double average = 0;
    for (int i = 1; i <= period; i++) {
      average += trueRange[i];
    }
    average /= period;
    result[period] = average;
    for (int i = period + 1; i < highs.length; i++) {
      average = (average * (period - 1) + trueRange[i]) / period;
      result[i] = average;
    }
    return result;
  }

  /**
   * Annualized historical volatility: the sample standard deviation ({@code n - 1}) of the last
   * {@code window} log returns {@code ln(p[j] / p[j-1])}, times {@code sqrt(periodsPerYear)} (the
   * close-to-close estimator, e.g. J. Hull, "Options, Futures, and Other Derivatives", ch.
   * "Estimating volatility from historical data"). A fraction, defined from index {@code window}
   * on; 20-day volatility of daily closes is {@code historicalVolatility(closes, 20, 252)}.
   *
   * @throws IllegalArgumentException when {@code window < 2}, {@code periodsPerYear} is not
   *     positive, or a price is not positive
   */
  public static double[] historicalVolatility(double[] prices, int window, double periodsPerYear) {
    if (window < 2) {
      throw new IllegalArgumentException(
          "Cannot compute volatility over " + window + " returns: need at least 2");
    }
    if (!(periodsPerYear > 0)) {
      throw new IllegalArgumentException(
          "Cannot annualize with " + periodsPerYear + " periods per year: must be positive");
    }
    double[] returns = new double[prices.length];
    for (int i = 1; i < prices.length; i++) {
      if (!(prices[i] > 0) || !(prices[i - 1] > 0)) {
        throw new IllegalArgumentException(
            "Cannot take a log return at index " + i + ": prices must be positive");
      }
      returns[i] = Math.log(prices[i] / prices[i - 1]);
    }
    double[] result = undefined(prices.length);
    for (int i = window; i < prices.length; i++) {
      double mean = 0;
      for (int j = i - window + 1; j <= i; j++) {
        mean += returns[j];
      }
      mean /= window;
      double squares = 0;
      for (int j = i - window + 1; j <= i; j++) {
        squares += (returns[j] - mean) * (returns[j] - mean);
      }
      result[i] = Math.sqrt(squares / (window - 1) * periodsPerYear);
    }
    return result;
  }

  /**
   * Highest value of the last {@code window} positions (fewer at the start: the highest so far),
   * e.g. the 52-week high over 252 daily highs. Defined from index 0.
   *
   * @throws IllegalArgumentException when {@code window < 1}
   */
  public static double[] rollingMax(double[] values, int window) {
    return rollingExtreme(values, window, true);
  }

  /** Lowest value of the last {@code window} positions; see {@link #rollingMax}. */
  public static double[] rollingMin(double[] values, int window) {
    return rollingExtreme(values, window, false);
  }

  private static double[] rollingExtreme(double[] values, int window, boolean max) {
    requirePeriod(window);
    double[] result = new double[values.length];
    java.util.ArrayDeque<Integer> candidates = new java.util.ArrayDeque<>();
    for (int i = 0; i < values.length; i++) {
      while (!candidates.isEmpty()
          && (max
              ? values[candidates.peekLast()] <= values[i]
              : values[candidates.peekLast()] >= values[i])) {
        candidates.pollLast();
      }
      candidates.addLast(i);
      if (candidates.peekFirst() <= i - window) {
        candidates.pollFirst();
      }
      result[i] = values[candidates.peekFirst()];
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
