package io.marketlambda.hbaseviews.realtime;

import io.marketlambda.core.indicator.IndicatorSnapshot;
import io.marketlambda.core.model.Alert;
import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.MarketTime;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.core.view.RealtimeView;
import io.marketlambda.hbaseviews.HBaseViewsConfig;
import io.marketlambda.hbaseviews.rowkey.RowKeyCodec;
import io.marketlambda.hbaseviews.rowkey.RowScans;
import io.marketlambda.hbaseviews.rowkey.ScanRange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Table;

/**
 * The serving layer's {@link RealtimeView} over HBase: reads latest quotes, bars, indicators and
 * alerts back from the realtime views the speed layer writes with {@link RealtimeCellCodec}. Uses a
 * connection it does not own (the caller closes it); thread-safe as HBase's {@link Connection} is.
 */
public final class RealtimeViewReader implements RealtimeView {
  private final Connection connection;
  private final String namespace;
  private final RowKeyCodec rowKeys;
  private final RealtimeCellCodec cells;

  /**
   * @param connection an open HBase connection, closed by the caller
   * @param views the namespace and salt buckets the tables were written with
   */
  public RealtimeViewReader(Connection connection, HBaseViewsConfig views) {
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
  @Override
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
  @Override
  public List<Bar> bars(
      Symbol symbol, BarInterval interval, Instant fromInclusive, Instant toExclusive) {
    return scan(
        RealtimeTable.bars(interval),
        symbol,
        fromInclusive,
        toExclusive,
        row -> List.of(cells.decodeBar(row, interval)));
  }

  /**
   * Returns a symbol's rows of {@code indicators_1m} whose bar start is in {@code [fromInclusive,
   * toExclusive)}, newest first.
   *
   * @throws IllegalArgumentException when {@code fromInclusive} is after {@code toExclusive}
   * @throws UncheckedIOException when HBase cannot be read
   */
  @Override
  public List<IndicatorSnapshot> indicators(
      Symbol symbol, Instant fromInclusive, Instant toExclusive) {
    return scan(
        RealtimeTable.INDICATORS_1M,
        symbol,
        fromInclusive,
        toExclusive,
        row -> List.of(cells.decodeIndicators(row)));
  }

  /**
   * Returns a symbol's provisional alerts raised by bars starting in {@code [fromInclusive,
   * toExclusive)}, newest first.
   *
   * @throws IllegalArgumentException when {@code fromInclusive} is after {@code toExclusive}
   * @throws UncheckedIOException when HBase cannot be read
   */
  @Override
  public List<Alert> alerts(Symbol symbol, Instant fromInclusive, Instant toExclusive) {
    return scan(RealtimeTable.ALERTS, symbol, fromInclusive, toExclusive, cells::decodeAlerts);
  }

  /**
   * Returns a symbol's newest 1-minute bar that starts before {@code before} within the regular
   * session ({@link MarketTime#isRegularSession}), looking back at most {@code lookBack}: the
   * previous session's close, skipping after-hours and pre-market bars, weekends and holidays.
   *
   * @throws UncheckedIOException when HBase cannot be read
   */
  public Optional<Bar> lastRegularSessionBarBefore(
      Symbol symbol, Instant before, java.time.Duration lookBack) {
    RealtimeTable view = RealtimeTable.BARS_1M;
    ScanRange range = rowKeys.rangeNewestFirst(symbol, before.minus(lookBack), before);
    if (range.isEmpty()) {
      return Optional.empty();
    }
    try (Table table = table(view);
        ResultScanner scanner = table.getScanner(RowScans.of(range, view.family()))) {
      for (Result row : scanner) {
        Bar bar = cells.decodeBar(row, BarInterval.ONE_MINUTE);
        if (MarketTime.isRegularSession(bar.start())) {
          return Optional.of(bar);
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      throw cannotRead(view, symbol, e);
    }
  }

  private <T> List<T> scan(
      RealtimeTable view,
      Symbol symbol,
      Instant fromInclusive,
      Instant toExclusive,
      java.util.function.Function<Result, List<T>> decoder) {
    ScanRange range = rowKeys.rangeNewestFirst(symbol, fromInclusive, toExclusive);
    if (range.isEmpty()) {
      return List.of();
    }
    List<T> values = new ArrayList<>();
    try (Table table = table(view);
        ResultScanner scanner = table.getScanner(RowScans.of(range, view.family()))) {
      for (Result row : scanner) {
        values.addAll(decoder.apply(row));
      }
    } catch (IOException e) {
      throw cannotRead(view, symbol, e);
    }
    return List.copyOf(values);
  }

  private Table table(RealtimeTable view) throws IOException {
    return connection.getTable(TableName.valueOf(view.qualifiedName(namespace)));
  }

  private UncheckedIOException cannotRead(RealtimeTable view, Symbol symbol, IOException e) {
    return new UncheckedIOException(
        "Cannot read " + symbol + " from " + view.qualifiedName(namespace) + ": " + e.getMessage(),
        e);
  }

  /**
   * Checks that every realtime view table exists.
   *
   * @throws UncheckedIOException naming the missing tables, or when HBase cannot be reached
   */
  public void requireTables() {
    List<String> missing = new ArrayList<>();
    try (Admin admin = connection.getAdmin()) {
      for (RealtimeTable table : RealtimeTable.values()) {
        if (!admin.tableExists(TableName.valueOf(table.qualifiedName(namespace)))) {
          missing.add(table.qualifiedName(namespace));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot reach HBase: " + e.getMessage(), e);
    }
    if (!missing.isEmpty()) {
      throw new UncheckedIOException(
          new IOException(
              "Cannot serve the realtime views: tables "
                  + missing
                  + " are missing; start the speed layer once to create them"));
    }
  }
}
