package io.marketlambda.core.realtime;

import io.marketlambda.core.indicator.Indicator;
import io.marketlambda.core.model.Symbol;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One row of the {@code indicators_1m} view: a symbol's intraday indicators as of one 1-minute bar.
 *
 * @param symbol the symbol
 * @param barStart the bar's start, epoch ms UTC
 * @param values by {@link IndicatorCells} qualifier, every one of {@link IndicatorCells#ALL};
 *     {@link Double#NaN} where not defined yet
 */
public record IndicatorSnapshot(Symbol symbol, Instant barStart, Map<String, Double> values) {
  /**
   * @throws IllegalArgumentException when a qualifier of {@link IndicatorCells#ALL} is missing or
   *     an unknown one is present
   */
  public IndicatorSnapshot {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(barStart, "barStart");
    values = java.util.Collections.unmodifiableMap(new TreeMap<>(values));
    if (!values.keySet().equals(new java.util.TreeSet<>(IndicatorCells.ALL))) {
      throw new IllegalArgumentException(
          "Cannot make indicators of "
              + symbol
              + " at "
              + barStart
              + ": expected values "
              + IndicatorCells.ALL
              + ", got "
              + values.keySet());
    }
  }

  /**
   * Returns one intraday indicator's value, NaN when not defined yet.
   *
   * @throws IllegalArgumentException when {@code indicator} is a daily one
   */
  public double value(Indicator indicator) {
    return value(indicator.qualifier());
  }

  /** Returns one value by HBase qualifier ({@link IndicatorCells}), NaN when not defined yet. */
  public double value(String qualifier) {
    Double value = values.get(qualifier);
    if (value == null) {
      throw new IllegalArgumentException(
          "Cannot read indicator '" + qualifier + "': expected one of " + IndicatorCells.ALL);
    }
    return value;
  }
}
