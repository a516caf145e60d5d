package io.marketlambda.hbaseviews.batch;

import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.core.view.BatchView;
import io.marketlambda.core.view.BatchViewPointer;
import io.marketlambda.core.view.DailyIndicatorValues;
import io.marketlambda.hbaseviews.HBaseViewsConfig;
import io.marketlambda.hbaseviews.realtime.RealtimeCellCodec;
import io.marketlambda.hbaseviews.rowkey.RowKey;
import io.marketlambda.hbaseviews.rowkey.RowKeyCodec;
import io.marketlambda.hbaseviews.rowkey.RowScans;
import io.marketlambda.hbaseviews.rowkey.ScanRange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.function.Function;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.util.Bytes;

/**
 * Reads the batch serving copy in HBase ({@link BatchViewTables}): the pointer row first, then
 * daily, weekly and monthly bars and daily indicators from the views table it names. A caller that
 * reads the pointer once and passes it to every read sees one run's views, whole, even when a new
 * run switches the pointer meanwhile (the previous table is kept until the run after).
 *
 * <p>The serving layer's {@link BatchView} over HBase. The pointer row is read again at most every
 * {@code refresh}, so a new run goes live for readers within that time. Uses a connection it does
 * not own; thread-safe as HBase's {@link Connection} is.
 */
public final class BatchViewReader implements BatchView {
  private final Connection connection;
  private final String namespace;
  private final RowKeyCodec rowKeys;
  private final RealtimeCellCodec cells;
  private final Duration refresh;
  private final Clock clock;
  private volatile CachedPointer cached;

  private record CachedPointer(Optional<BatchViewPointer> pointer, Instant readAt) {}

  /**
   * @param connection an open HBase connection, closed by the caller
   * @param views the namespace and salt buckets, shared with the realtime views
   * @param refresh how long a pointer read is reused; {@link Duration#ZERO} reads it every time
   */
  public BatchViewReader(
      Connection connection, HBaseViewsConfig views, Duration refresh, Clock clock) {
    this.connection = connection;
    this.namespace = views.namespace();
    this.rowKeys = views.rowKeyCodec();
    this.cells = new RealtimeCellCodec(rowKeys);
    this.refresh = refresh;
    this.clock = clock;
  }

  /** A reader that reads the pointer row on every {@link #current()}. */
  public BatchViewReader(Connection connection, HBaseViewsConfig views) {
    this(connection, views, Duration.ZERO, Clock.systemUTC());
  }

  /**
   * Returns the live serving copy, empty when no batch run has exported one yet; read from HBase at
   * most every {@code refresh}.
   *
   * @throws UncheckedIOException when HBase cannot be read
   * @throws IllegalStateException when the pointer row lacks a cell the batch layer writes
   */
  @Override
  public Optional<BatchViewPointer> current() {
    Instant now = clock.instant();
    CachedPointer seen = cached;
    if (seen == null || !now.isBefore(seen.readAt().plus(refresh))) {
      seen = new CachedPointer(readPointer(), now);
      cached = seen;
    }
    return seen.pointer();
  }

  /**
   * Reads the pointer row: empty when no batch run has exported one yet (no pointer table or no
   * pointer row).
   *
   * @throws UncheckedIOException when HBase cannot be read
   * @throws IllegalStateException when the pointer row lacks a cell the batch layer writes
   */
  private Optional<BatchViewPointer> readPointer() {
    TableName pointerTable = TableName.valueOf(namespace, BatchViewTables.POINTER_TABLE);
    try {
      try (Admin admin = connection.getAdmin()) {
        if (!admin.tableExists(pointerTable)) {
          return Optional.empty();
        }
      }
      try (Table table = connection.getTable(pointerTable)) {
        Result row = table.get(new Get(Bytes.toBytes(BatchViewTables.POINTER_ROW)));
        return row.isEmpty() ? Optional.empty() : Optional.of(pointer(row));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read the batch views pointer "
              + pointerTable.getNameAsString()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /**
   * Returns a symbol's batch bars of an interval whose start is in {@code [fromInclusive,
   * toExclusive)}, newest first.
   *
   * @param interval 1d, 1w or 1mo
   * @throws IllegalArgumentException when the serving copy holds no bars of {@code interval}, or
   *     {@code fromInclusive} is after {@code toExclusive}
   * @throws UncheckedIOException when HBase cannot be read
   */
  @Override
  public List<Bar> bars(
      BatchViewPointer views,
      Symbol symbol,
      BarInterval interval,
      Instant fromInclusive,
      Instant toExclusive) {
    String family = BatchViewCells.familyOf(interval);
    return scan(
        views,
        family,
        symbol,
        fromInclusive,
        toExclusive,
        row -> cells.decodeBar(row, interval, family));
  }

  /**
   * Returns a symbol's daily indicators of bars starting in {@code [fromInclusive, toExclusive)},
   * newest first.
   *
   * @throws IllegalArgumentException when {@code fromInclusive} is after {@code toExclusive}
   * @throws UncheckedIOException when HBase cannot be read
   */
  @Override
  public List<DailyIndicatorValues> dailyIndicators(
      BatchViewPointer views, Symbol symbol, Instant fromInclusive, Instant toExclusive) {
    return scan(
        views, BatchViewTables.INDICATORS, symbol, fromInclusive, toExclusive, this::indicators);
  }

  private <T> List<T> scan(
      BatchViewPointer views,
      String family,
      Symbol symbol,
      Instant fromInclusive,
      Instant toExclusive,
      Function<Result, T> decoder) {
    ScanRange range = rowKeys.rangeNewestFirst(symbol, fromInclusive, toExclusive);
    if (range.isEmpty()) {
      return List.of();
    }
    TableName tableName = TableName.valueOf(namespace, views.table());
    Scan scan = RowScans.of(range, family);
    List<T> values = new ArrayList<>();
    try (Table table = connection.getTable(tableName);
        ResultScanner scanner = table.getScanner(scan)) {
      for (Result row : scanner) {
        values.add(decoder.apply(row));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read "
              + symbol
              + " from "
              + tableName.getNameAsString()
              + " family "
              + family
              + ": "
              + e.getMessage(),
          e);
    }
    return List.copyOf(values);
  }

  private DailyIndicatorValues indicators(Result row) {
    RowKey key = rowKeys.decode(row.getRow());
    Map<String, Double> values = new HashMap<>();
    NavigableMap<byte[], byte[]> family =
        row.getFamilyMap(Bytes.toBytes(BatchViewTables.INDICATORS));
    family.forEach(
        (qualifier, value) -> values.put(Bytes.toString(qualifier), Bytes.toDouble(value)));
    return new DailyIndicatorValues(key.symbol(), key.eventTime(), values);
  }

  private static BatchViewPointer pointer(Result row) {
    byte[] facts = Bytes.toBytes(BatchViewTables.POINTER_FAMILY);
    Map<Symbol, Instant> watermarks = new HashMap<>();
    NavigableMap<byte[], byte[]> marks =
        row.getFamilyMap(Bytes.toBytes(BatchViewTables.WATERMARK_FAMILY));
    if (marks != null) {
      marks.forEach(
          (symbol, millis) ->
              watermarks.put(
                  new Symbol(Bytes.toString(symbol)), Instant.ofEpochMilli(Bytes.toLong(millis))));
    }
    return new BatchViewPointer(
        string(row, facts, BatchViewTables.TABLE),
        string(row, facts, BatchViewTables.RUN_ID),
        LocalDate.parse(string(row, facts, BatchViewTables.RUN_DATE)),
        watermarks);
  }

  private static String string(Result row, byte[] family, String qualifier) {
    byte[] value = row.getValue(family, Bytes.toBytes(qualifier));
    if (value == null) {
      throw new IllegalStateException(
          "Cannot read the batch views pointer: cell "
              + Bytes.toString(family)
              + ":"
              + qualifier
              + " is missing; was it written by the batch layer's serving copy export?");
    }
    return Bytes.toString(value);
  }
}
