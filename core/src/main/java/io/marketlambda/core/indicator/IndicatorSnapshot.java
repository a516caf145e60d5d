package io.marketlambda.core.indicator;

import io.marketlambda.core.model.Symbol;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One row of the {@code indicators_1m} view: a symbol's intraday indicators as of one 1-minute bar.
 *
 * @param symbol the symbol
 * @param barStart the bar's start, epoch ms UTC
 * @param values by HBase qualifier ({@link Indicator#qualifier()}), every one of {@link
 *     #QUALIFIERS}; {@link Double#NaN} where not defined yet
 */
public record IndicatorSnapshot(Symbol symbol, Instant barStart, Map<String, Double> values) {
  /** The qualifiers of the intraday indicators, in {@link Indicator}'s order. */
  public static final List<String> QUALIFIERS =
      Indicator.of(Indicator.Scope.INTRADAY).stream().map(Indicator::qualifier).toList();

  /**
   * @throws IllegalArgumentException when a qualifier of {@link #QUALIFIERS} is missing or an
   *     unknown one is present
   */
  public IndicatorSnapshot {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(barStart, "barStart");
    values = java.util.Collections.unmodifiableMap(new TreeMap<>(values));
    if (!values.keySet().equals(new java.util.TreeSet<>(QUALIFIERS))) {
      throw new IllegalArgumentException(
          "Cannot make indicators of "
              + symbol
              + " at "
              + barStart
              + ": expected values "
              + QUALIFIERS
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

  /**
   * Returns one value by HBase qualifier ({@link Indicator#qualifier()}), NaN when not defined yet.
   */
  public double value(String qualifier) {
    Double value = values.get(qualifier);
    if (value == null) {
      throw new IllegalArgumentException(
          "Cannot read indicator '" + qualifier + "': expected one of " + QUALIFIERS);
    }
    return value;
  }
}
