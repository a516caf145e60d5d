package io.marketlambda.speed.bench;

import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.viewstore.RealtimeViewReader;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * Measures produce → visible-in-HBase latency with marker quotes: the benchmark sends marker {@code
 * k} of a symbol no other quote uses and records when; a polling thread reads the symbol's latest
 * quote with one HBase Get every {@link #POLL_MILLIS} ms, and marker {@code k} is visible once the
 * stored quote has sequence {@code >= k}. The figure includes up to one poll interval of
 * measurement error.
 */
final class LatencyProbe implements AutoCloseable {
  static final Symbol MARKER = Symbol.of("ZZBENCH");
  static final long POLL_MILLIS = 2;

  private final RealtimeViewReader reader;
  private final Instant notBefore;
  private final long[] sentNanos;
  private final long[] latencyNanos;
  private volatile int sent;
  private volatile int seen;
  private volatile boolean running = true;
  private final Thread poller;

  LatencyProbe(RealtimeViewReader reader, Instant notBefore, int capacity) {
    this.reader = reader;
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
    sentNanos[index] = System.nanoTime();
    sent = index + 1;
    return Optional.of(new Quote(MARKER, now, 100.0, 1, "bench-marker", index));
  }

  int sent() {
    return sent;
  }

  int seen() {
    return seen;
  }

  /** Latencies of the markers seen so far, in milliseconds, sorted. */
  double[] latenciesMillis() {
    int count = seen;
    double[] millis = new double[count];
    for (int i = 0; i < count; i++) {
      millis[i] = latencyNanos[i] / 1e6;
    }
    Arrays.sort(millis);
    return millis;
  }

  private void poll() {
    while (running) {
      try {
        Optional<Quote> latest = reader.latestQuote(MARKER);
        long now = System.nanoTime();
        if (latest.isPresent() && !latest.get().eventTime().isBefore(notBefore)) {
          long upTo = Math.min(latest.get().sequence(), sent - 1L);
          for (int k = seen; k <= upTo; k++) {
            latencyNanos[k] = now - sentNanos[k];
            seen = k + 1;
          }
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
