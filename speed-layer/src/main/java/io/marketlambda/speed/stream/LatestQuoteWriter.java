package io.marketlambda.speed.stream;

import io.marketlambda.core.model.Quote;
import io.marketlambda.core.wire.QuoteWireCodec;
import io.marketlambda.views.WireQuotes;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.ForeachWriter;
import org.apache.spark.sql.Row;

/**
 * Writes the latest-quote view from Kafka records of the quotes topic (columns {@code value} and
 * {@code timestamp}), on the executors: per partition and epoch (a micro-batch, or a continuous
 * query's checkpoint interval) one {@link SpeedSink.Writer}, the newest quote per symbol kept and
 * written within {@code flushMillis} of its arrival (a JVM-wide timer flushes what the task thread
 * has kept when no further record comes) and at the end of the epoch. A quote is so visible within
 * milliseconds however long the checkpoint interval, and however sparse the quotes. Records that
 * cannot be decoded are skipped: {@code speed-views} dead-letters them. Cells are stamped with the
 * event time, so an epoch Spark replays after a failure rewrites the same cells (at least once,
 * with idempotent writes).
 */
final class LatestQuoteWriter extends ForeachWriter<Row> {
  private static final long serialVersionUID = 1L;

  private final SpeedSink sink;
  private final SpeedCounts counts;
  private final long flushNanos;
  private final long maxAheadMillis;
  private transient SpeedSink.Writer writer;
  private transient QuoteWireCodec codec;
  private transient long lastFlush;
  private transient long quotes;
  private transient boolean pending;
  private transient RuntimeException flushFailure;
  private transient ScheduledFuture<?> timer;

  /** One daemon thread per JVM flushes the writers of every task that has quotes kept. */
  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "marketlambda-latest-quote-flush");
            thread.setDaemon(true);
            return thread;
          });

  /**
   * @param maxAheadMillis how far an event time may be ahead of its record's Kafka timestamp; a
   *     quote further ahead is skipped ({@code speed-views} dead-letters it), or it would hold the
   *     latest quote until the market's clock caught up with it
   */
  LatestQuoteWriter(SpeedSink sink, SpeedCounts counts, long flushMillis, long maxAheadMillis) {
    this.sink = sink;
    this.counts = counts;
    this.flushNanos = flushMillis * 1_000_000;
    this.maxAheadMillis = maxAheadMillis;
  }

  @Override
  public boolean open(long partitionId, long epochId) {
    writer = sink.open();
    codec = new QuoteWireCodec();
    lastFlush = System.nanoTime();
    quotes = 0;
    pending = false;
    flushFailure = null;
    timer =
        TIMER.scheduleWithFixedDelay(
            this::flushIfDue, flushNanos, flushNanos, TimeUnit.NANOSECONDS);
    return true;
  }

  @Override
  public void process(Row record) {
    Quote quote;
    try {
      quote = codec.decode((byte[]) record.get(0));
    } catch (RuntimeException invalid) {
      return; // dead-lettered by speed-views
    }
    if (WireQuotes.isTooFarAhead(
        quote.eventTime().toEpochMilli(), record.getTimestamp(1), maxAheadMillis)) {
      return; // dead-lettered by speed-views
    }
    synchronized (this) {
      throwFlushFailure();
      writer.writeLatestQuote(quote);
      pending = true;
      quotes++;
      flushIfDue();
    }
  }

  /** Flushes when quotes are kept and the last flush is {@code flushMillis} old. */
  private synchronized void flushIfDue() {
    long now = System.nanoTime();
    if (writer == null || !pending || flushFailure != null || now - lastFlush < flushNanos) {
      return;
    }
    try {
      writer.flush();
    } catch (RuntimeException e) {
      flushFailure = e; // the task thread fails with it
    }
    pending = false;
    lastFlush = now;
  }

  private void throwFlushFailure() {
    if (flushFailure != null) {
      throw flushFailure;
    }
  }

  @Override
  public void close(Throwable failure) {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
    synchronized (this) {
      if (writer == null) {
        return;
      }
      try {
        writer.close();
      } finally {
        writer = null;
        counts.add(SpeedCounts.LATEST_QUOTES, quotes);
      }
      throwFlushFailure(); // its quotes may be lost: the epoch must fail and be replayed
    }
  }
}
