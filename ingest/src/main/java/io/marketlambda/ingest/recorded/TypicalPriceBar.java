package io.marketlambda.ingest.recorded;

import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.Symbol;
import java.time.Instant;

/**
 * Makes {@link Bar}s from vendor OHLCV rows. None of the vendors read here (Lean, Stooq, Yahoo)
 * reports a VWAP or a trade count, so the VWAP is approximated by the typical price {@code (high +
 * low + close) / 3} and the trade count is 0 (unknown).
 */
final class TypicalPriceBar {
  private TypicalPriceBar() {}

  /**
   * Creates the bar.
   *
   * @throws io.marketlambda.core.model.InvalidRecordException when the values break a rule of
   *     {@link Bar} (OHLC order, positive prices, start on an interval boundary)
   */
  static Bar create(
      Symbol symbol,
      BarInterval interval,
      Instant start,
      double openUsd,
      double highUsd,
      double lowUsd,
      double closeUsd,
      double volumeShares) {
    double typicalPriceUsd = (highUsd + lowUsd + closeUsd) / 3;
    return new Bar(
        symbol,
        interval,
        start,
        openUsd,
        highUsd,
        lowUsd,
        closeUsd,
        volumeShares,
        typicalPriceUsd,
        0);
  }
}
