package io.marketlambda.speed.stream;

import io.marketlambda.core.indicator.IndicatorSnapshot;
import io.marketlambda.core.model.Alert;
import io.marketlambda.core.model.AlertType;
import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import java.io.Serializable;
import java.time.Instant;

/**
 * Where the speed layer's updates go: the port {@link SpeedPipeline} writes through. The production
 * adapter is {@link RealtimeViewsSink} (HBase realtime views, and the late, dead-letter and alerts
 * topics); tests use an in-memory one.
 *
 * <p>The sink itself travels to the executors in Spark closures, so it holds only settings; {@link
 * #open()} runs on the executor, once per partition and micro-batch.
 */
public interface SpeedSink extends Serializable {
  /** Opens a writer for one partition of one micro-batch. */
  Writer open();

  /**
   * Writes one partition's updates; {@link #close()} makes them durable (flushes). Every write is
   * idempotent (HBase cells are stamped with event time or bar start; topics are at least once,
   * keyed), so a micro-batch Spark replays after a failure writes the same again.
   */
  interface Writer extends AutoCloseable {
    /** A 1m, 5m, 15m or 1h bar, replacing the stored one. */
    void write(Bar bar);

    /** One row of {@code indicators_1m}, replacing the stored one. */
    void write(IndicatorSnapshot indicators);

    /** A provisional alert, keyed by its id. */
    void write(Alert alert);

    /** Withdraws a provisional alert that the closed 1-minute bar does not raise. */
    void withdraw(Symbol symbol, Instant time, AlertType type);

    /** A trade for the latest-quote view; only the newest per symbol needs writing. */
    void writeLatestQuote(Quote quote);

    /** A valid record whose event time was behind {@code watermark}. */
    void late(SourceRecord record, Instant watermark);

    /** A record that cannot be decoded: the field at fault and why. */
    void deadLetter(SourceRecord record, String field, String reason);

    /**
     * Makes what was written so far visible to readers (the latest quotes kept included).
     *
     * @throws RuntimeException when a write failed
     */
    void flush();

    /**
     * Flushes and releases what this writer holds.
     *
     * @throws RuntimeException when a write failed: the micro-batch did not land whole and Spark
     *     must retry it
     */
    @Override
    void close();
  }
}
