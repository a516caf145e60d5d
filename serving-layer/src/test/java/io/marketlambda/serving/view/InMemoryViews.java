package io.marketlambda.serving.view;

import io.marketlambda.core.indicator.IndicatorSnapshot;
import io.marketlambda.core.model.Alert;
import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.core.view.BatchView;
import io.marketlambda.core.view.BatchViewPointer;
import io.marketlambda.core.view.DailyIndicatorValues;
import io.marketlambda.core.view.RealtimeView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** In-memory fakes of the serving layer's two view ports, for unit tests. */
public final class InMemoryViews {
  /** The realtime views. */
  public static class Realtime implements RealtimeView {
    private final Map<Symbol, Quote> latest = new HashMap<>();
    private final List<Bar> bars = new ArrayList<>();
    private final List<IndicatorSnapshot> indicators = new ArrayList<>();
    private final List<Alert> alerts = new ArrayList<>();

    public Realtime put(Quote quote) {
      latest.merge(quote.symbol(), quote, (a, b) -> a.eventTime().isAfter(b.eventTime()) ? a : b);
      return this;
    }

    public Realtime put(Bar bar) {
      bars.add(bar);
      return this;
    }

    public Realtime put(Alert alert) {
      alerts.add(alert);
      return this;
    }

    public Realtime put(IndicatorSnapshot snapshot) {
      indicators.add(snapshot);
      return this;
    }

    @Override
    public Optional<Quote> latestQuote(Symbol symbol) {
      return Optional.ofNullable(latest.get(symbol));
    }

    @Override
    public List<Bar> bars(Symbol symbol, BarInterval interval, Instant from, Instant to) {
      return newestFirst(
          bars.stream().filter(b -> b.symbol().equals(symbol) && b.interval() == interval).toList(),
          Bar::start,
          from,
          to);
    }

    @Override
    public List<IndicatorSnapshot> indicators(Symbol symbol, Instant from, Instant to) {
      return newestFirst(
          indicators.stream().filter(i -> i.symbol().equals(symbol)).toList(),
          IndicatorSnapshot::barStart,
          from,
          to);
    }

    @Override
    public List<Alert> alerts(Symbol symbol, Instant from, Instant to) {
      return newestFirst(
          alerts.stream().filter(a -> a.symbol().equals(symbol)).toList(), Alert::time, from, to);
    }
  }

  /** The batch serving copy of one run. */
  public static final class Batch implements BatchView {
    private BatchViewPointer pointer;
    private final List<Bar> bars = new ArrayList<>();
    private final List<DailyIndicatorValues> indicators = new ArrayList<>();

    public Batch pointTo(BatchViewPointer pointer) {
      this.pointer = pointer;
      return this;
    }

    public Batch put(Bar bar) {
      bars.add(bar);
      return this;
    }

    public Batch put(DailyIndicatorValues row) {
      indicators.add(row);
      return this;
    }

    @Override
    public Optional<BatchViewPointer> current() {
      return Optional.ofNullable(pointer);
    }

    @Override
    public List<Bar> bars(
        BatchViewPointer views, Symbol symbol, BarInterval interval, Instant from, Instant to) {
      return newestFirst(
          bars.stream().filter(b -> b.symbol().equals(symbol) && b.interval() == interval).toList(),
          Bar::start,
          from,
          to);
    }

    @Override
    public List<DailyIndicatorValues> dailyIndicators(
        BatchViewPointer views, Symbol symbol, Instant from, Instant to) {
      return newestFirst(
          indicators.stream().filter(i -> i.symbol().equals(symbol)).toList(),
          DailyIndicatorValues::barStart,
          from,
          to);
    }
  }

  private InMemoryViews() {}

  private static <T> List<T> newestFirst(
      List<T> rows, Function<T, Instant> time, Instant from, Instant to) {
    return rows.stream()
        .filter(row -> !time.apply(row).isBefore(from) && time.apply(row).isBefore(to))
        .sorted(Comparator.comparing(time).reversed())
        .toList();
  }
}
