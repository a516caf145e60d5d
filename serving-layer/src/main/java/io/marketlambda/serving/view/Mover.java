package io.marketlambda.serving.view;

import io.marketlambda.core.model.Symbol;
import java.time.Instant;

/**
 * A symbol's move since the previous session's close.
 *
 * @param symbol the ticker
 * @param lastPriceUsd the last price, USD
 * @param asOf when the last price was set, UTC (a trade's time, or a batch bar's end)
 * @param previousCloseUsd the close of the trading date before, USD
 * @param changePercent {@code 100 × (last / previous close − 1)}
 * @param origin which view the last price came from
 */
public record Mover(
    Symbol symbol,
    double lastPriceUsd,
    Instant asOf,
    double previousCloseUsd,
    double changePercent,
    ServedBar.Origin origin) {
  static Mover of(
      Symbol symbol, double last, Instant asOf, double previousClose, ServedBar.Origin origin) {
    return new Mover(symbol, last, asOf, previousClose, 100 * (last / previousClose - 1), origin);
  }
}
