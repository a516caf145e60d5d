package io.marketlambda.speed.stream;

import io.marketlambda.core.indicator.IndicatorSnapshot;
import io.marketlambda.core.model.Alert;
import io.marketlambda.core.model.AlertType;
import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link SpeedSink} into memory, for tests of {@link SpeedPipeline} on local Spark (executors
 * share the test's JVM): what it holds is keyed like the realtime views, the last write winning.
 */
final class InMemorySpeedSink implements SpeedSink {
  private static final long serialVersionUID = 1L;
  private static final Map<String, Contents> ALL = new ConcurrentHashMap<>();

  /** What was written. */
  static final class Contents {
    final Map<String, Bar> bars = new ConcurrentHashMap<>();
    final Map<Instant, IndicatorSnapshot> indicators = new ConcurrentHashMap<>();
    final Map<String, Alert> alerts = new ConcurrentHashMap<>();
    final Map<Symbol, Quote> latest = new ConcurrentHashMap<>();
    final List<SourceRecord> late = new CopyOnWriteArrayList<>();
    final List<String> deadLetters = new CopyOnWriteArrayList<>();

    Bar bar(String symbol, String interval, Instant start) {
      return bars.get(symbol + "/" + interval + "/" + start);
    }
  }

  private final String id = UUID.randomUUID().toString();

  InMemorySpeedSink() {
    ALL.put(id, new Contents());
  }

  Contents contents() {
    return ALL.get(id);
  }

  @Override
  public Writer open() {
    Contents contents = ALL.get(id);
    return new Writer() {
      @Override
      public void write(Bar bar) {
        contents.bars.put(bar.symbol() + "/" + bar.interval().code() + "/" + bar.start(), bar);
      }

      @Override
      public void write(IndicatorSnapshot indicators) {
        contents.indicators.put(indicators.barStart(), indicators);
      }

      @Override
      public void write(Alert alert) {
        contents.alerts.put(alert.id(), alert);
      }

      @Override
      public void withdraw(Symbol symbol, Instant time, AlertType type) {
        contents.alerts.remove(symbol + "/" + type.code() + "/" + time.toEpochMilli());
      }

      @Override
      public void writeLatestQuote(Quote quote) {
        contents.latest.merge(
            quote.symbol(),
            quote,
            (stored, offered) ->
                offered.eventTime().isBefore(stored.eventTime()) ? stored : offered);
      }

      @Override
      public void late(SourceRecord record, Instant watermark) {
        contents.late.add(record);
      }

      @Override
      public void deadLetter(SourceRecord record, String field, String reason) {
        contents.deadLetters.add(field + ": " + reason);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
  }
}
