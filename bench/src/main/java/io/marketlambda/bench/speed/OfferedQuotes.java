package io.marketlambda.bench.speed;

import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.core.wire.QuoteWireCodec;
import io.marketlambda.sources.quarantine.Quarantine;
import io.marketlambda.sources.recorded.RecordedReader;
import io.marketlambda.sources.recorded.RecordedSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The quotes {@link SpeedBenchmark} offers: recorded trades replayed round and round, each
 * re-stamped with the send time, source {@code bench} and a rising sequence.
 */
public final class OfferedQuotes {
  private final List<Quote> template;
  private long count;

  OfferedQuotes(List<Quote> template) {
    this.template = template;
  }

  /**
   * Reads the recorded trades of 2013-10-07 of IBM, SPY and BAC ({@code lean/tick}), the
   * benchmark's template, in event-time order; prints how many rows of the files were rejected.
   *
   * @throws IllegalArgumentException when a file is not in {@code data}
   */
  public static List<Quote> recordedTrades(Path data, Consumer<String> out) {
    List<Quote> trades = new ArrayList<>();
    AtomicLong rejected = new AtomicLong();
    Quarantine counting = record -> rejected.incrementAndGet();
    for (String symbol : List.of("ibm", "spy", "bac")) {
      Path file = data.resolve("lean/tick/20131007_" + symbol + "_Trade_Tick.csv");
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException(
            "Cannot read " + file + ": not found (check --data-dir)");
      }
      try (RecordedReader<Quote> reader =
          RecordedSource.LEAN_TICK.openQuotes(
              file, Symbol.of(symbol.toUpperCase(Locale.ROOT)), counting)) {
        trades.addAll(reader.readAll());
      }
    }
    trades.sort(Comparator.comparing(Quote::eventTime));
    out.accept(
        String.format(
            Locale.ROOT,
            "%,d recorded trades as the template (%,d rows of the files rejected, not used)",
            trades.size(),
            rejected.get()));
    return trades;
  }

  /** The quotes offered so far. */
  long count() {
    return count;
  }

  /** The next quote, stamped {@code now}. */
  Quote next(Instant now) {
    Quote recorded = template.get((int) (count % template.size()));
    count++;
    return new Quote(
        recorded.symbol(), now, recorded.priceUsd(), recorded.sizeShares(), "bench", count);
  }

  /**
   * Offers {@code rate} quotes a second for {@code length}, with a marker every 50 ms (the
   * probe's).
   *
   * @param producedBefore {@link #count()} when the step started
   */
  void offer(
      int rate,
      Duration length,
      KafkaProducer<byte[], byte[]> producer,
      String topic,
      LatencyProbe probe,
      long producedBefore)
      throws InterruptedException {
    QuoteWireCodec codec = new QuoteWireCodec();
    long start = System.nanoTime();
    long end = start + length.toNanos();
    long markerEvery = 1_000_000_000L / SpeedBenchmark.MARKERS_PER_SECOND;
    long nextMarker = start;
    while (true) {
      long now = System.nanoTime();
      if (now >= end) {
        break;
      }
      long due = (long) ((now - start) / 1e9 * rate) - (count - producedBefore);
      for (long i = 0; i < due; i++) {
        Quote quote = next(Instant.now());
        producer.send(
            new ProducerRecord<>(topic, codec.encodeKey(quote), codec.encodeValue(quote)));
      }
      if (now >= nextMarker) {
        probe
            .nextMarker(Instant.now())
            .ifPresent(
                marker ->
                    producer.send(
                        new ProducerRecord<>(
                            topic, codec.encodeKey(marker), codec.encodeValue(marker))));
        nextMarker += markerEvery;
      }
      Thread.sleep(1);
    }
  }
}
