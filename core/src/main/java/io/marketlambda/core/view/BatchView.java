package io.marketlambda.core.view;

import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.Symbol;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: the batch layer's serving copy (HBase in production, {@code
 * io.marketlambda.hbaseviews.batch.BatchViewReader}). Reads take the pointer they were planned
 * with, so one answer never mixes two batch runs. Ranges are {@code [fromInclusive, toExclusive)}
 * of bar start, UTC; lists are newest first.
 */
public interface BatchView {
  /** The live serving copy, empty before the first batch run exported one. */
  Optional<BatchViewPointer> current();

  /** Daily, weekly or monthly bars of the run {@code views} names, newest first. */
  List<Bar> bars(
      BatchViewPointer views,
      Symbol symbol,
      BarInterval interval,
      Instant fromInclusive,
      Instant toExclusive);

  /** Daily indicators of the run {@code views} names, newest first. */
  List<DailyIndicatorValues> dailyIndicators(
      BatchViewPointer views, Symbol symbol, Instant fromInclusive, Instant toExclusive);
}
