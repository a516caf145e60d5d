package io.marketlambda.core.view;

import io.marketlambda.core.indicator.IndicatorSnapshot;
import io.marketlambda.core.model.Alert;
import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: the speed layer's realtime views (HBase in production, {@code
 * io.marketlambda.hbaseviews.realtime.RealtimeViewReader}). Ranges are {@code [fromInclusive,
 * toExclusive)} of bar start or event time, UTC; lists are newest first.
 *
 * @see io.marketlambda.hbaseviews.realtime.RealtimeTable
 */
public interface RealtimeView {
  /** The newest trade of a symbol, empty when none is in the views. */
  Optional<Quote> latestQuote(Symbol symbol);

  /** Bars of 1m, 5m, 15m or 1h, newest first. */
  List<Bar> bars(Symbol symbol, BarInterval interval, Instant fromInclusive, Instant toExclusive);

  /** Rows of {@code indicators_1m}, newest first. */
  List<IndicatorSnapshot> indicators(Symbol symbol, Instant fromInclusive, Instant toExclusive);

  /** Provisional alerts, newest first. */
  List<Alert> alerts(Symbol symbol, Instant fromInclusive, Instant toExclusive);
}
