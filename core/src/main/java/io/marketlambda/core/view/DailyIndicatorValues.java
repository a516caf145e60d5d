package io.marketlambda.core.view;

import io.marketlambda.core.model.Symbol;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The daily indicators of one symbol and trading date from the batch serving copy (family {@code i}
 * of {@link io.marketlambda.hbaseviews.batch.BatchViewTables}).
 *
 * @param symbol the symbol
 * @param barStart the daily bar's start: midnight America/New_York of the trading date, as UTC
 * @param values by gold column name ({@code sma_20_usd}, {@code rsi_14}, ...; see the batch layer's
 *     {@code DailyIndicatorColumns}), NaN where not defined yet (e.g. SMA 200 in the first 199
 *     sessions)
 */
public record DailyIndicatorValues(Symbol symbol, Instant barStart, Map<String, Double> values) {
  public DailyIndicatorValues {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(barStart, "barStart");
    values = Collections.unmodifiableMap(new TreeMap<>(values));
  }
}
