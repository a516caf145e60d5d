package io.marketlambda.speed.stream;

import io.marketlambda.core.model.Quote;
import io.marketlambda.core.wire.QuoteWireCodec;
import io.marketlambda.views.WireQuotes;
import org.apache.spark.sql.ForeachWriter;
import org.apache.spark.sql.Row;

/**
 * Writes the latest-quote view from Kafka records of the quotes topic (columns {@code value} and
 * {@code timestamp}), on the executors: per partition and epoch (a micro-batch, or a continuous
 * query's checkpoint interval) one {@link SpeedSink.Writer}, the newest quote per symbol kept and
 * written at least every {@code flushMillis} while records flow and at the end of the epoch.
 * Records that cannot be decoded are skipped: {@code speed-views} dead-letters them. Cells are
 * stamped with the event time, so an epoch Spark replays after a failure rewrites the same cells
 * (at least once, with idempotent writes).
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
    writer.writeLatestQuote(quote);
    quotes++;
    long now = System.nanoTime();
    if (now - lastFlush >= flushNanos) {
      writer.flush();
      lastFlush = now;
    }
  }

  @Override
  public void close(Throwable failure) {
    if (writer == null) {
      return;
    }
    try {
      writer.close();
    } finally {
      writer = null;
      counts.add(SpeedCounts.LATEST_QUOTES, quotes);
    }
  }
}
