package io.marketlambda.serving.api;

import io.marketlambda.core.indicator.Indicator;
import io.marketlambda.core.model.Alert;
import io.marketlambda.core.model.Bar;
import io.marketlambda.serving.view.Mover;
import io.marketlambda.serving.view.ServedBar;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of the HTTP API's JSON bodies, as {@code openapi.json} describes them: maps in the order
 * the fields are written, for Jackson.
 */
final class ApiJson {
  private static final List<Indicator> INTRADAY = Indicator.of(Indicator.Scope.INTRADAY);

  private ApiJson() {}

  /**
   * A bar: {@code t} start (ISO-8601 UTC), {@code o h l c} USD, {@code v} shares, {@code vw} VWAP
   * USD, {@code n} trades, {@code src} batch or realtime.
   */
  static Map<String, Object> bar(ServedBar served) {
    Bar bar = served.bar();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("t", bar.start().toString());
    row.put("o", bar.openUsd());
    row.put("h", bar.highUsd());
    row.put("l", bar.lowUsd());
    row.put("c", bar.closeUsd());
    row.put("v", bar.volumeShares());
    row.put("vw", bar.vwapUsd());
    row.put("n", bar.tradeCount());
    row.put("src", served.source());
    return row;
  }

  /** An indicator row: {@code t} bar start (ISO-8601 UTC) and each value by name, NaN as null. */
  static Map<String, Object> values(Instant start, Map<String, Double> values) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("t", start.toString());
    values.forEach((name, value) -> row.put(name, Double.isNaN(value) ? null : value));
    return row;
  }

  /**
   * Intraday indicator values by their {@link Indicator#column} name, in {@link Indicator}'s order,
   * from the realtime view's values by HBase qualifier: the API names every indicator as the tables
   * do ({@code sma_5_usd}), whichever view answers it.
   */
  static Map<String, Double> byColumn(Map<String, Double> byQualifier) {
    Map<String, Double> byColumn = new LinkedHashMap<>();
    for (Indicator indicator : INTRADAY) {
      Double value = byQualifier.get(indicator.qualifier());
      if (value != null) {
        byColumn.put(indicator.column(), value);
      }
    }
    return byColumn;
  }

  /** An alert: id, time, type code, value, threshold, whether provisional. */
  static Map<String, Object> alert(Alert alert) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", alert.id());
    row.put("t", alert.time().toString());
    row.put("type", alert.type().code());
    row.put("value", alert.value());
    row.put("threshold", alert.threshold());
    row.put("provisional", alert.provisional());
    return row;
  }

  /** A mover: symbol, last price USD, as of, previous close USD, change in percent, source. */
  static Map<String, Object> mover(Mover mover) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("symbol", mover.symbol().value());
    row.put("last", mover.lastPriceUsd());
    row.put("as_of", mover.asOf().toString());
    row.put("previous_close", mover.previousCloseUsd());
    row.put("change_percent", mover.changePercent());
    row.put("src", mover.origin().name().toLowerCase(java.util.Locale.ROOT));
    return row;
  }
}
