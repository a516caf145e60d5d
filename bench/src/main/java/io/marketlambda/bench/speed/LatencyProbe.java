package io.marketlambda.bench.speed;

import io.marketlambda.bench.Latencies;
import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.hbaseviews.realtime.RealtimeViewReader;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Measures produce → visible-in-HBase latency with marker quotes: the benchmark sends marker {@code
 * k} of a symbol no other quote or earlier step uses and records when; a polling thread reads the
 * symbol's latest quote with one HBase Get every {@link #POLL_MILLIS} ms, and marker {@code k} is
 * visible once the stored quote has sequence {@code >= k}. With bars probed, it also reads the
 * marker's 1-minute bar and counts marker {@code k} visible there once the bar's trade count
 * reaches its place in that minute. The figures include up to one poll interval of measurement
 * error.
 */
final class LatencyProbe implements AutoCloseable {
  private final Symbol marker;
  static final long POLL_MILLIS = 2;

  private static final long MINUTE_MILLIS = 60_000;

  private final RealtimeViewReader reader;
  private final boolean probeBars;
  private final long[] markerMinute;
  private final int[] markerOrdinal;
  private final long[] barLatencyNanos;
  private volatile int barSeen;
  private final Instant notBefore;
  private final long[] sentNanos;
  private final long[] latencyNanos;
  private volatile int sent;
  private volatile int seen;
  private volatile boolean running = true;
  private final Thread poller;

  /**
   * @param probeBars also time when each marker's 1-minute bar holds it (a marker is the {@code
   *     n}-th of its minute when the bar's trade count reaches {@code n})
   */
  LatencyProbe(
      Symbol marker,
      RealtimeViewReader reader,
      Instant notBefore,
      int capacity,
      boolean probeBars) {
    this.marker = marker;
    this.reader = reader;
    this.probeBars = probeBars;
    this.markerMinute = new long[capacity];
    this.markerOrdinal = new int[capacity];
    this.barLatencyNanos = new long[capacity];
    this.notBefore = notBefore;
    this.sentNanos = new long[capacity];
    this.latencyNanos = new long[capacity];
    this.poller = new Thread(this::poll, "bench-latency-probe");
    poller.setDaemon(true);
    poller.start();
  }

  /** Returns the next marker to send, and records its send time; empty when full. */
  Optional<Quote> nextMarker(Instant now) {
    int index = sent;
    if (index >= sentNanos.length) {
      return Optional.empty();
    }
    long minute = Math.floorDiv(now.toEpochMilli(), MINUTE_MILLIS) * MINUTE_MILLIS;
    markerMinute[index] = minute;
    markerOrdinal[index] =
        index > 0 && markerMinute[index - 1] == minute ? markerOrdinal[index - 1] + 1 : 1;
    sentNanos[index] = System.nanoTime();
    sent = index + 1;
    return Optional.of(new Quote(marker, now, 100.0, 1, "bench-marker", index));
  }

  int sent() {
    return sent;
  }

  int seen() {
    return seen;
  }

  /** Markers whose 1-minute bar was seen holding them. */
  int barsSeen() {
    return barSeen;
  }

  /** Latencies of the markers seen so far in the latest quote. */
  Latencies latencies() {
    return Latencies.ofNanos(latencyNanos, seen);
  }

  /** Latencies of the markers seen so far in their 1-minute bar. */
  Latencies barLatencies() {
    return Latencies.ofNanos(barLatencyNanos, barSeen);
  }

  /** Marks the markers whose 1-minute bar now holds them. */
  private void pollBars() {
    int k = barSeen;
    int upTo = sent;
    long fetchedMinute = Long.MIN_VALUE;
    long tradeCount = 0;
    while (k < upTo) {
      long minute = markerMinute[k];
      if (minute != fetchedMinute) {
        Instant start = Instant.ofEpochMilli(minute);
        List<Bar> bars = reader.bars(marker, BarInterval.ONE_MINUTE, start, start.plusSeconds(60));
        tradeCount = bars.isEmpty() ? 0 : bars.get(0).tradeCount();
        fetchedMinute = minute;
      }
      if (tradeCount < markerOrdinal[k]) {
        break;
      }
      barLatencyNanos[k] = System.nanoTime() - sentNanos[k];
      k++;
      barSeen = k;
    }
  }

  private void poll() {
    while (running) {
      try {
        Optional<Quote> latest = reader.latestQuote(marker);
        long now = System.nanoTime();
        if (latest.isPresent() && !latest.get().eventTime().isBefore(notBefore)) {
          long upTo = Math.min(latest.get().sequence(), sent - 1L);
          for (int k = seen; k <= upTo; k++) {
            latencyNanos[k] = now - sentNanos[k];
            seen = k + 1;
          }
        }
        if (probeBars) {
          pollBars();
        }
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // HBase hiccup: try again on the next poll; the figure shows it as latency.
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    poller.join(5_000);
  }
}
