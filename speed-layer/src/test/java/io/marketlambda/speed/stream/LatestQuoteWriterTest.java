package io.marketlambda.speed.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketlambda.core.indicator.IndicatorSnapshot;
import io.marketlambda.core.model.Alert;
import io.marketlambda.core.model.AlertType;
import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.core.wire.QuoteWireCodec;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/** The latest-quote writer with a hand-written sink that records what became visible. */
class LatestQuoteWriterTest {
  private static final Instant TIME = Instant.parse("2013-10-07T13:30:00.123Z");

  /** What was flushed, and what is only kept; shared by the test and the writer's timer thread. */
  static final class RecordingSink implements SpeedSink, SpeedSink.Writer {
    final List<Quote> kept = new CopyOnWriteArrayList<>();
    final List<Quote> visible = new CopyOnWriteArrayList<>();
    volatile RuntimeException failFlush;
    volatile boolean closed;

    @Override
    public SpeedSink.Writer open() {
      return this;
    }

    @Override
    public void writeLatestQuote(Quote quote) {
      kept.add(quote);
    }

    @Override
    public void flush() {
      if (failFlush != null) {
        throw failFlush;
      }
      visible.addAll(kept);
      kept.clear();
    }

    @Override
    public void close() {
      flush();
      closed = true;
    }

    @Override
    public void write(Bar bar) {}

    @Override
    public void write(IndicatorSnapshot indicators) {}

    @Override
    public void write(Alert alert) {}

    @Override
    public void withdraw(Symbol symbol, Instant time, AlertType type) {}

    @Override
    public void late(SourceRecord record, Instant watermark) {}

    @Override
    public void deadLetter(SourceRecord record, String field, String reason) {}
  }

  private static Row record(long sequence) {
    Quote quote = new Quote(Symbol.of("IBM"), TIME, 185.12, 100, "lean-tick", sequence);
    return RowFactory.create(new QuoteWireCodec().encodeValue(quote), Timestamp.from(TIME));
  }

  @Test
  void aQuoteWithNoRecordAfterItIsVisibleWithinMillisecondsNotAtTheEndOfTheEpoch()
      throws Exception {
    RecordingSink sink = new RecordingSink();
    LatestQuoteWriter writer = new LatestQuoteWriter(sink, new SpeedCounts(), 5, 300_000);
    writer.open(0, 1);

    writer.process(record(1));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (sink.visible.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }

    assertThat(sink.visible).extracting(Quote::sequence).containsExactly(1L);
    assertThat(sink.closed).isFalse();
    writer.close(null);
    assertThat(sink.closed).isTrue();
  }

  @Test
  void aFailedTimedFlushFailsTheTaskSoTheEpochIsReplayed() throws Exception {
    RecordingSink sink = new RecordingSink();
    LatestQuoteWriter writer = new LatestQuoteWriter(sink, new SpeedCounts(), 5, 300_000);
    writer.open(0, 1);
    sink.failFlush = new IllegalStateException("HBase is down");

    writer.process(record(1));
    Thread.sleep(100); // the timer tries, and fails, to flush

    sink.failFlush = null;
    assertThatThrownBy(() -> writer.process(record(2))).hasMessage("HBase is down");
    assertThatThrownBy(() -> writer.close(null)).hasMessage("HBase is down");
  }
}
