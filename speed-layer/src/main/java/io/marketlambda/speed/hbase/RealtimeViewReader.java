package io.marketlambda.speed.hbase;

import io.marketlambda.core.config.RealtimeViewsConfig;
import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.core.realtime.RealtimeTable;
import io.marketlambda.core.rowkey.RealtimeRowKeyCodec;
import io.marketlambda.core.rowkey.ScanRange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;

/**
 * Reads bars and latest quotes back from the HBase realtime views written by {@link
 * RealtimeViewWriter}. Uses a connection it does not own (the caller closes it); thread-safe as
 * HBase's {@link Connection} is.
 */
public final class RealtimeViewReader {
  private final Connection connection;
  private final String namespace;
  private final RealtimeRowKeyCodec rowKeys;
  private final RealtimeCellCodec cells;

  /**
   * @param connection an open HBase connection, closed by the caller
   * @param views the namespace and salt buckets the tables were written with
   */
  public RealtimeViewReader(Connection connection, RealtimeViewsConfig views) {
    this.connection = connection;
    this.namespace = views.namespace();
    this.rowKeys = views.rowKeyCodec();
    this.cells = new RealtimeCellCodec(rowKeys);
  }

  /**
   * Returns the newest trade of a symbol (the highest event time written), or empty when none was
   * written or its cells expired.
   *
   * @throws UncheckedIOException when HBase cannot be read
   */
  public Optional<Quote> latestQuote(Symbol symbol) {
    RealtimeTable view = RealtimeTable.LATEST_QUOTE;
    try (Table table = table(view)) {
      Result row = table.get(new Get(rowKeys.latestRowKey(symbol)));
      return row.isEmpty() ? Optional.empty() : Optional.of(cells.decodeQuote(row, symbol));
    } catch (IOException e) {
      throw cannotRead(view, symbol, e);
    }
  }

  /**
   * Returns a symbol's bars of an interval whose start is in {@code [fromInclusive, toExclusive)},
   * newest first; empty when the range holds no millisecond.
   *
   * @param interval 1m, 5m, 15m or 1h
   * @throws IllegalArgumentException when {@code interval} has no realtime view or {@code
   *     fromInclusive} is after {@code toExclusive}
   * @throws UncheckedIOException when HBase cannot be read
   */
  public List<Bar> bars(
      Symbol symbol, BarInterval interval, Instant fromInclusive, Instant toExclusive) {
    RealtimeTable view = RealtimeTable.bars(interval);
    ScanRange range = rowKeys.rangeNewestFirst(symbol, fromInclusive, toExclusive);
    if (range.isEmpty()) {
      return List.of();
    }
    Scan scan =
        new Scan()
            .withStartRow(range.startRowInclusive(), true)
            .withStopRow(range.stopRowExclusive(), false);
    List<Bar> bars = new ArrayList<>();
    try (Table table = table(view);
        ResultScanner scanner = table.getScanner(scan)) {
      for (Result row : scanner) {
        bars.add(cells.decodeBar(row, interval));
      }
    } catch (IOException e) {
      throw cannotRead(view, symbol, e);
    }
    return List.copyOf(bars);
  }

  private Table table(RealtimeTable view) throws IOException {
    return connection.getTable(TableName.valueOf(view.qualifiedName(namespace)));
  }

  private UncheckedIOException cannotRead(RealtimeTable view, Symbol symbol, IOException e) {
    return new UncheckedIOException(
        "Cannot read " + symbol + " from " + view.qualifiedName(namespace) + ": " + e.getMessage(),
        e);
  }
}
