package io.marketlambda.views;

import java.io.Serializable;

/**
 * Thresholds of the intraday alerts ({@link IntradayAlerts}).
 *
 * @param priceMove a price spike or drop is a close at least this fraction above or below the close
 *     {@value IntradayIndicators#CHANGE_BARS} bars earlier (0.02 = 2 %)
 * @param volumeZScore a volume spike is a bar whose volume z-score against the {@value
 *     IntradayIndicators#VOLATILITY_BARS} bars before it reaches this
 * @param openingGap an opening gap is a session's first open at least this fraction above or below
 *     the previous session's close
 */
public record AlertRules(double priceMove, double volumeZScore, double openingGap)
    implements Serializable {
  /** 2 % in 5 minutes, a z-score of 4, a 2 % gap. */
  public static final AlertRules DEFAULTS = new AlertRules(0.02, 4.0, 0.02);

  /**
   * @throws IllegalArgumentException naming the rule when a threshold is not finite and positive
   */
  public AlertRules {
    requirePositive("priceMove", priceMove);
    requirePositive("volumeZScore", volumeZScore);
    requirePositive("openingGap", openingGap);
  }

  private static void requirePositive(String name, double value) {
    if (!(Double.isFinite(value) && value > 0)) {
      throw new IllegalArgumentException(
          "Cannot use alert threshold " + name + " = " + value + ": must be finite and positive");
    }
  }
}
