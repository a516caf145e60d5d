package io.marketlambda.serving.hbase;

import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.serving.view.BatchView;
import io.marketlambda.viewstore.BatchViewPointer;
import io.marketlambda.viewstore.BatchViewReader;
import io.marketlambda.viewstore.DailyIndicatorValues;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The batch serving copy in HBase, through the shared {@link BatchViewReader}, with its pointer row
 * cached for a while: a point lookup then costs one HBase read, not two, and a new batch run is
 * seen within the refresh interval.
 */
final class HBaseBatchView implements BatchView {
  private final BatchViewReader reader;
  private final Duration refresh;
  private final Clock clock;
  private volatile Cached cached;

  private record Cached(Optional<BatchViewPointer> pointer, Instant readAt) {}

  HBaseBatchView(BatchViewReader reader, Duration refresh, Clock clock) {
    this.reader = reader;
    this.refresh = refresh;
    this.clock = clock;
  }

  @Override
  public Optional<BatchViewPointer> current() {
    Instant now = clock.instant();
    Cached seen = cached;
    if (seen == null || !now.isBefore(seen.readAt().plus(refresh))) {
      seen = new Cached(reader.current(), now);
      cached = seen;
    }
    return seen.pointer();
  }

  @Override
  public List<Bar> bars(
      BatchViewPointer views, Symbol symbol, BarInterval interval, Instant from, Instant to) {
    return reader.bars(views, symbol, interval, from, to);
  }

  @Override
  public List<DailyIndicatorValues> dailyIndicators(
      BatchViewPointer views, Symbol symbol, Instant from, Instant to) {
    return reader.dailyIndicators(views, symbol, from, to);
  }
}
