package io.marketlambda.speed.hbase;

import io.marketlambda.core.config.Settings;
import io.marketlambda.core.indicator.IndicatorSnapshot;
import io.marketlambda.core.model.Alert;
import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.Quote;
import io.marketlambda.hbaseviews.HBaseConnector;
import io.marketlambda.hbaseviews.HBaseViewsConfig;
import io.marketlambda.hbaseviews.realtime.RealtimeCellCodec;
import io.marketlambda.hbaseviews.realtime.RealtimeTable;
import io.marketlambda.hbaseviews.realtime.RealtimeViewsSchema;
import io.marketlambda.views.BarColumns;
import io.marketlambda.views.QuoteColumns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.BufferedMutator;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the rows of one micro-batch partition into the HBase realtime views, on a Spark executor:
 *
 * <pre>
 * Map&lt;String, String&gt; hbase = RealtimeViewWriter.hbaseSettings(settings); // on the driver
 * bars.foreachPartition(rows -&gt; {
 *   try (RealtimeViewWriter writer = RealtimeViewWriter.open(hbase, views)) {
 *     rows.forEachRemaining(writer::writeBar);
 *   }
 * });
 * </pre>
 *
 * <p>Only the settings map and the config record travel in the closure; {@link #open} creates the
 * HBase {@link Connection} on the executor and one {@link BufferedMutator} per table on first use;
 * {@link #close()} flushes and closes them. Writes are idempotent (see {@link RealtimeCellCodec}):
 * a replayed micro-batch rewrites the same cells. Not thread-safe: one writer per partition.
 */
public final class RealtimeViewWriter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RealtimeViewWriter.class);

  private final Connection connection;
  private final String namespace;
  private final java.time.Duration timeToLive;
  private final RealtimeCellCodec cells;
  private final Clock clock;
  private final Map<RealtimeTable, BufferedMutator> mutators = new EnumMap<>(RealtimeTable.class);
  private final NewestQuotes newestQuotes = new NewestQuotes();
  private long barsWritten;
  private long indicatorsWritten;
  private long alertsWritten;
  private long quotesWritten;
  private boolean warnedExpired;

  private final boolean ownsConnection;

  private RealtimeViewWriter(
      Connection connection, boolean ownsConnection, HBaseViewsConfig views, Clock clock) {
    this.connection = connection;
    this.ownsConnection = ownsConnection;
    this.namespace = views.namespace();
    this.timeToLive = views.timeToLive();
    this.cells = new RealtimeCellCodec(views.rowKeyCodec());
    this.clock = clock;
  }

  /**
   * Opens a writer with its own HBase connection.
   *
   * @param hbaseSettings HBase client settings, keys verbatim (e.g. {@code hbase.zookeeper.quorum},
   *     {@code hbase.zookeeper.property.clientPort}), over HBase's defaults
   * @param views the namespace and salt buckets of the tables, as created by {@link
   *     RealtimeViewsSchema}
   * @throws UncheckedIOException when the connection cannot be created
   */
  public static RealtimeViewWriter open(Map<String, String> hbaseSettings, HBaseViewsConfig views) {
    return new RealtimeViewWriter(
        HBaseConnector.connect(hbaseSettings), true, views, Clock.systemUTC());
  }

  /**
   * Opens a writer on this JVM's shared HBase connection for these settings ({@link
   * SharedConnections}): what the speed layer's executors do each micro-batch, as creating a
   * connection (ZooKeeper and meta lookups) costs more than a micro-batch's writes. Closing the
   * writer flushes its mutators and leaves the connection open.
   *
   * @throws UncheckedIOException when the connection cannot be created
   */
  public static RealtimeViewWriter openShared(
      Map<String, String> hbaseSettings, HBaseViewsConfig views) {
    return new RealtimeViewWriter(
        SharedConnections.get(hbaseSettings), false, views, Clock.systemUTC());
  }

  /** What to do with each row of a partition, e.g. {@code RealtimeViewWriter::writeBar}. */
  @FunctionalInterface
  public interface RowWrite extends java.io.Serializable {
    void write(RealtimeViewWriter writer, Row row);
  }

  /**
   * Writes every row of {@code rows} on the executors: per non-empty partition, one writer with its
   * own connection, closed (flushed) at the end of the partition.
   *
   * @throws UncheckedIOException (in the Spark job) when HBase cannot be written; Spark retries the
   *     task, and the writes are idempotent
   */
  public static void writeEachPartition(
      Dataset<Row> rows,
      Map<String, String> hbaseSettings,
      HBaseViewsConfig views,
      RowWrite write) {
    Map<String, String> settings = Map.copyOf(hbaseSettings);
    rows.foreachPartition(
        (ForeachPartitionFunction<Row>)
            partition -> {
              if (partition.hasNext()) {
                try (RealtimeViewWriter writer = open(settings, views)) {
                  partition.forEachRemaining(row -> write.write(writer, row));
                }
              }
            });
  }

  /**
   * Returns the {@code hbase.*} entries of {@code settings}, keys unchanged, as a serializable map
   * to pass into Spark closures and then to {@link #open}.
   */
  public static Map<String, String> hbaseSettings(Settings settings) {
    return HBaseConnector.hbaseSettings(settings);
  }

  /**
   * Buffers the put of one bar into the bars table of its interval. Every cell's timestamp is the
   * bar's start in epoch milliseconds, so rewriting a bar (a replay, or an update as more trades
   * arrive) replaces its cells and the later write wins.
   *
   * @param bar a row with the columns of {@link BarColumns} (and a schema); interval 1m, 5m, 15m or
   *     1h
   * @throws IllegalArgumentException when the row is not a valid bar of those intervals
   * @throws UncheckedIOException when a buffer flush fails
   */
  public void writeBar(Row bar) {
    write(SparkRows.bar(bar));
  }

  /**
   * Buffers the put of one bar, as {@link #writeBar(Row)} does.
   *
   * @throws IllegalArgumentException when the bar is not of 1m, 5m, 15m or 1h
   */
  public void write(Bar parsed) {
    RealtimeTable table = RealtimeTable.bars(parsed.interval());
    warnIfExpired(table, parsed.start(), parsed.symbol() + " " + parsed.interval() + " bar");
    mutate(table, cells.encode(parsed));
    barsWritten++;
  }

  /**
   * Buffers the put of one row of {@code indicators_1m}; cells are timestamped with the bar start,
   * so a recomputed row replaces the previous one.
   *
   * @param indicators a row with the columns of {@link io.marketlambda.views.IndicatorColumns}
   * @throws IllegalArgumentException when the row is not a valid indicators row
   * @throws UncheckedIOException when a buffer flush fails
   */
  public void writeIndicators(Row indicators) {
    write(SparkRows.indicators(indicators));
  }

  /** Buffers the put of one row of {@code indicators_1m}, as {@link #writeIndicators} does. */
  public void write(IndicatorSnapshot parsed) {
    warnIfExpired(RealtimeTable.INDICATORS_1M, parsed.barStart(), parsed.symbol() + " indicators");
    mutate(RealtimeTable.INDICATORS_1M, cells.encode(parsed));
    indicatorsWritten++;
  }

  /**
   * Buffers the put of one alert; raising the same alert again (a replay) rewrites the same cells.
   *
   * @param alert a row with the columns of {@link io.marketlambda.views.AlertColumns}
   * @throws IllegalArgumentException when the row is not a valid alert
   * @throws UncheckedIOException when a buffer flush fails
   */
  public void writeAlert(Row alert) {
    write(SparkRows.alert(alert));
  }

  /** Buffers the put of one alert, as {@link #writeAlert} does. */
  public void write(Alert parsed) {
    warnIfExpired(RealtimeTable.ALERTS, parsed.time(), parsed.id());
    mutate(RealtimeTable.ALERTS, cells.encode(parsed));
    alertsWritten++;
  }

  /**
   * Buffers the delete of one provisional alert (both its cells), which the closed bar no longer
   * raises.
   */
  public void withdraw(
      io.marketlambda.core.model.Symbol symbol,
      Instant time,
      io.marketlambda.core.model.AlertType type) {
    mutate(RealtimeTable.ALERTS, cells.encodeWithdrawal(symbol, time, type));
  }

  /**
   * Keeps one trade for the latest-quote view, written on {@link #flush()} or {@link #close()}: per
   * symbol only the newest of this writer's quotes (by event time, then sequence). Cell timestamps
   * are the event time in epoch milliseconds, so a quote older than the one stored never hides it.
   *
   * @param quote a row with the columns of {@link QuoteColumns} (and a schema)
   * @throws IllegalArgumentException when the row is not a valid quote
   */
  public void writeLatestQuote(Row quote) {
    writeLatestQuote(SparkRows.quote(quote));
  }

  /** Keeps one trade for the latest-quote view, as {@link #writeLatestQuote(Row)} does. */
  public void writeLatestQuote(Quote quote) {
    newestQuotes.offer(quote);
  }

  /**
   * Writes the kept latest quotes and flushes every buffered put to HBase: what was written so far
   * is visible to readers when this returns.
   *
   * @throws UncheckedIOException when a write or flush fails
   */
  public void flush() {
    writeNewestQuotes();
    for (var entry : mutators.entrySet()) {
      try {
        entry.getValue().flush();
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Cannot flush " + entry.getKey().qualifiedName(namespace) + ": " + e.getMessage(), e);
      }
    }
  }

  /** Returns the bars written so far. */
  public long barsWritten() {
    return barsWritten;
  }

  /** Returns the latest-quote rows written so far: at most one per symbol, counted on close. */
  public long quotesWritten() {
    return quotesWritten;
  }

  /**
   * Writes the kept quotes, flushes and closes every mutator and the connection; closes them all
   * even when one fails.
   *
   * @throws UncheckedIOException when a write or flush fails: the micro-batch did not land whole
   *     and Spark should retry it (writes are idempotent)
   */
  @Override
  public void close() {
    IOException failure = null;
    try {
      writeNewestQuotes();
    } catch (UncheckedIOException e) {
      failure = e.getCause();
    }
    for (var entry : mutators.entrySet()) {
      failure = closeQuietly(entry.getValue(), entry.getKey().qualifiedName(namespace), failure);
    }
    mutators.clear();
    if (ownsConnection) {
      failure = closeQuietly(connection, "the HBase connection", failure);
    }
    if (failure != null) {
      throw new UncheckedIOException(
          "Cannot write realtime views in namespace " + namespace + ": " + failure, failure);
    }
    LOG.debug(
        "Wrote {} bars, {} indicator rows, {} alerts and {} latest quotes to namespace {}",
        barsWritten,
        indicatorsWritten,
        alertsWritten,
        quotesWritten,
        namespace);
  }

  private void writeNewestQuotes() {
    for (var quote : newestQuotes.quotes()) {
      warnIfExpired(RealtimeTable.LATEST_QUOTE, quote.eventTime(), quote.symbol() + " quote");
      mutate(RealtimeTable.LATEST_QUOTE, cells.encode(quote));
      quotesWritten++;
    }
    newestQuotes.clear();
  }

  /**
   * Cells are stamped with event times, and HBase hides cells older than the table's TTL at once: a
   * replay of old history writes nothing visible. Warns once per writer, as that is silent.
   */
  private void warnIfExpired(RealtimeTable table, Instant cellTime, String what) {
    if (!warnedExpired && cellTime.isBefore(clock.instant().minus(timeToLive))) {
      warnedExpired = true;
      LOG.warn(
          "Cannot keep {} at {} in {}: its event time is older than the table's TTL {}, so HBase"
              + " hides its cells at once; set realtime.ttl beyond the age of replayed history",
          what,
          cellTime,
          table.qualifiedName(namespace),
          timeToLive);
    }
  }

  private void mutate(RealtimeTable table, org.apache.hadoop.hbase.client.Mutation mutation) {
    try {
      mutator(table).mutate(mutation);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot write to " + table.qualifiedName(namespace) + ": " + e.getMessage(), e);
    }
  }

  private BufferedMutator mutator(RealtimeTable table) throws IOException {
    BufferedMutator mutator = mutators.get(table);
    if (mutator == null) {
      mutator = connection.getBufferedMutator(TableName.valueOf(table.qualifiedName(namespace)));
      mutators.put(table, mutator);
    }
    return mutator;
  }

  private static IOException closeQuietly(
      AutoCloseable closeable, String what, IOException failure) {
    try {
      closeable.close();
      return failure;
    } catch (Exception e) {
      IOException wrapped = new IOException("Cannot flush and close " + what + ": " + e, e);
      if (failure == null) {
        return wrapped;
      }
      failure.addSuppressed(wrapped);
      return failure;
    }
  }
}
