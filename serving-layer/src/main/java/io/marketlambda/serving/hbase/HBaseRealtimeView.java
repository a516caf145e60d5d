package io.marketlambda.serving.hbase;

import io.marketlambda.core.model.Alert;
import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.core.realtime.IndicatorSnapshot;
import io.marketlambda.serving.view.RealtimeView;
import io.marketlambda.viewstore.RealtimeViewReader;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The realtime views in HBase, through the shared {@link RealtimeViewReader}. */
final class HBaseRealtimeView implements RealtimeView {
  private final RealtimeViewReader reader;

  HBaseRealtimeView(RealtimeViewReader reader) {
    this.reader = reader;
  }

  @Override
  public Optional<Quote> latestQuote(Symbol symbol) {
    return reader.latestQuote(symbol);
  }

  @Override
  public List<Bar> bars(Symbol symbol, BarInterval interval, Instant from, Instant to) {
    return reader.bars(symbol, interval, from, to);
  }

  @Override
  public List<IndicatorSnapshot> indicators(Symbol symbol, Instant from, Instant to) {
    return reader.indicators(symbol, from, to);
  }

  @Override
  public List<Alert> alerts(Symbol symbol, Instant from, Instant to) {
    return reader.alerts(symbol, from, to);
  }
}
