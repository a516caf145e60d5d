package io.marketlambda.hbaseviews.realtime;

import io.marketlambda.core.indicator.IndicatorSnapshot;
import io.marketlambda.core.model.Alert;
import io.marketlambda.core.model.AlertType;
import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.hbaseviews.rowkey.RowKey;
import io.marketlambda.hbaseviews.rowkey.RowKeyCodec;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.util.Bytes;

/**
 * Bars and quotes to and from the cells of the realtime views ({@link BarCells}, {@link
 * QuoteCells}): doubles as 8-byte IEEE 754 and longs as 8-byte two's complement, both big-endian
 * ({@link Bytes#toBytes(double)}, {@link Bytes#toBytes(long)}), the source as UTF-8.
 *
 * <p>Cell timestamps (epoch milliseconds UTC) carry the event's own time, never the wall clock:
 *
 * <ul>
 *   <li>A bar's cells all have the bar's start. A replayed micro-batch rewrites identical cells
 *       (idempotent), and a bar updated by later trades rewrites the same (row, column, timestamp)
 *       coordinates; HBase then returns the value of the later put, whose write sequence id is
 *       higher. So within one put a bar must appear once (Spark's update mode emits one row per bar
 *       and trigger).
 *   <li>A latest quote's cells have the quote's event time. With one version kept and reads
 *       returning the highest timestamp, an older quote arriving late never hides a newer one.
 * </ul>
 *
 * <p>Thread-safe and immutable.
 */
public final class RealtimeCellCodec {
  private static final byte[] OPEN = Bytes.toBytes(BarCells.OPEN_USD);
  private static final byte[] HIGH = Bytes.toBytes(BarCells.HIGH_USD);
  private static final byte[] LOW = Bytes.toBytes(BarCells.LOW_USD);
  private static final byte[] CLOSE = Bytes.toBytes(BarCells.CLOSE_USD);
  private static final byte[] VOLUME = Bytes.toBytes(BarCells.VOLUME_SHARES);
  private static final byte[] VWAP = Bytes.toBytes(BarCells.VWAP_USD);
  private static final byte[] TRADES = Bytes.toBytes(BarCells.TRADE_COUNT);
  private static final byte[] PRICE = Bytes.toBytes(QuoteCells.PRICE_USD);
  private static final byte[] SIZE = Bytes.toBytes(QuoteCells.SIZE_SHARES);
  private static final byte[] TIME = Bytes.toBytes(QuoteCells.EVENT_TIME_MILLIS);
  private static final byte[] SEQUENCE = Bytes.toBytes(QuoteCells.SEQUENCE);
  private static final byte[] SOURCE = Bytes.toBytes(QuoteCells.SOURCE);

  private final RowKeyCodec rowKeys;

  public RealtimeCellCodec(RowKeyCodec rowKeys) {
    this.rowKeys = rowKeys;
  }

  /** Returns the put of a bar into {@link RealtimeTable#bars} of its interval. */
  public Put encode(Bar bar) {
    byte[] family = family(RealtimeTable.bars(bar.interval()));
    long timestampMillis = bar.start().toEpochMilli();
    Put put = new Put(rowKeys.encode(bar.symbol(), bar.start()), timestampMillis);
    barCells(bar).forEach(cell -> put.addColumn(family, cell.qualifier(), cell.value()));
    return put;
  }

  /** One cell of a row: its qualifier and value, as stored. */
  public record CellValue(byte[] qualifier, byte[] value) {}

  /**
   * Returns the {@link BarCells} of a bar, in the order listed there: the one encoding of a bar,
   * for the realtime bars and the families of the batch serving copy alike.
   */
  public static List<CellValue> barCells(Bar bar) {
    return barCells(
        bar.openUsd(),
        bar.highUsd(),
        bar.lowUsd(),
        bar.closeUsd(),
        bar.volumeShares(),
        bar.vwapUsd(),
        bar.tradeCount());
  }

  /**
   * Returns the {@link BarCells} of a bar's values as they are, unchecked (the batch layer's gold
   * rows, whose checks are its own flags), in the order listed there.
   */
  public static List<CellValue> barCells(
      double openUsd,
      double highUsd,
      double lowUsd,
      double closeUsd,
      double volumeShares,
      double vwapUsd,
      long tradeCount) {
    return List.of(
        new CellValue(OPEN, Bytes.toBytes(openUsd)),
        new CellValue(HIGH, Bytes.toBytes(highUsd)),
        new CellValue(LOW, Bytes.toBytes(lowUsd)),
        new CellValue(CLOSE, Bytes.toBytes(closeUsd)),
        new CellValue(VOLUME, Bytes.toBytes(volumeShares)),
        new CellValue(VWAP, Bytes.toBytes(vwapUsd)),
        new CellValue(TRADES, Bytes.toBytes(tradeCount)));
  }

  /** Returns the put of a quote into {@link RealtimeTable#LATEST_QUOTE}. */
  public Put encode(Quote quote) {
    byte[] family = family(RealtimeTable.LATEST_QUOTE);
    long eventMillis = quote.eventTime().toEpochMilli();
    return new Put(rowKeys.latestRowKey(quote.symbol()), eventMillis)
        .addColumn(family, PRICE, Bytes.toBytes(quote.priceUsd()))
        .addColumn(family, SIZE, Bytes.toBytes(quote.sizeShares()))
        .addColumn(family, TIME, Bytes.toBytes(eventMillis))
        .addColumn(family, SEQUENCE, Bytes.toBytes(quote.sequence()))
        .addColumn(family, SOURCE, Bytes.toBytes(quote.source()));
  }

  /** Returns the put of a row of {@link RealtimeTable#INDICATORS_1M}; NaN values are kept. */
  public Put encode(IndicatorSnapshot indicators) {
    byte[] family = family(RealtimeTable.INDICATORS_1M);
    long timestampMillis = indicators.barStart().toEpochMilli();
    Put put = new Put(rowKeys.encode(indicators.symbol(), indicators.barStart()), timestampMillis);
    indicators
        .values()
        .forEach(
            (qualifier, value) ->
                put.addColumn(family, Bytes.toBytes(qualifier), Bytes.toBytes(value)));
    return put;
  }

  /**
   * Returns the put of an alert into {@link RealtimeTable#ALERTS}: its value under the type's code,
   * its threshold under {@code <code>.threshold}, timestamped with the alert's time.
   */
  public Put encode(Alert alert) {
    byte[] family = family(RealtimeTable.ALERTS);
    String code = alert.type().code();
    return new Put(rowKeys.encode(alert.symbol(), alert.time()), alert.time().toEpochMilli())
        .addColumn(family, Bytes.toBytes(code), Bytes.toBytes(alert.value()))
        .addColumn(
            family,
            Bytes.toBytes(code + AlertCells.THRESHOLD_SUFFIX),
            Bytes.toBytes(alert.threshold()));
  }

  /**
   * Returns the delete of one alert's cells (all versions up to its time): the speed layer
   * withdraws a provisional alert that the closed bar no longer raises.
   */
  public org.apache.hadoop.hbase.client.Delete encodeWithdrawal(
      io.marketlambda.core.model.Symbol symbol, java.time.Instant time, AlertType type) {
    byte[] family = family(RealtimeTable.ALERTS);
    String code = type.code();
    long timestamp = time.toEpochMilli();
    return new org.apache.hadoop.hbase.client.Delete(rowKeys.encode(symbol, time))
        .addColumns(family, Bytes.toBytes(code), timestamp)
        .addColumns(family, Bytes.toBytes(code + AlertCells.THRESHOLD_SUFFIX), timestamp);
  }

  /**
   * Returns the indicators of a row of {@link RealtimeTable#INDICATORS_1M}.
   *
   * @throws IllegalStateException when a cell is missing or not 8 bytes
   */
  public IndicatorSnapshot decodeIndicators(Result row) {
    RowKey key = rowKeys.decode(row.getRow());
    byte[] family = family(RealtimeTable.INDICATORS_1M);
    java.util.Map<String, Double> values = new java.util.TreeMap<>();
    for (String qualifier : IndicatorCells.ALL) {
      values.put(qualifier, doubleCell(row, family, Bytes.toBytes(qualifier)));
    }
    return new IndicatorSnapshot(key.symbol(), key.eventTime(), values);
  }

  /**
   * Returns the alerts of a row of {@link RealtimeTable#ALERTS}, in {@link AlertType} order; all
   * provisional.
   *
   * @throws IllegalStateException when an alert's threshold cell is missing or a cell is not 8
   *     bytes
   */
  public java.util.List<Alert> decodeAlerts(Result row) {
    RowKey key = rowKeys.decode(row.getRow());
    byte[] family = family(RealtimeTable.ALERTS);
    java.util.List<Alert> alerts = new java.util.ArrayList<>();
    for (AlertType type : AlertType.values()) {
      byte[] qualifier = Bytes.toBytes(type.code());
      if (row.containsColumn(family, qualifier)) {
        alerts.add(
            new Alert(
                key.symbol(),
                key.eventTime(),
                type,
                doubleCell(row, family, qualifier),
                doubleCell(row, family, Bytes.toBytes(type.code() + AlertCells.THRESHOLD_SUFFIX)),
                true));
      }
    }
    return java.util.List.copyOf(alerts);
  }

  /**
   * Returns the bar of a row of a bars table.
   *
   * @throws IllegalStateException when a cell is missing or not 8 bytes; the message shows the row
   *     in hex
   * @throws IllegalArgumentException when the row key is not one of the codec's, or the values
   *     break a rule of {@link Bar}
   */
  public Bar decodeBar(Result row, BarInterval interval) {
    return decodeBar(row, interval, RealtimeTable.bars(interval).family());
  }

  /**
   * Returns the bar of a row whose {@link BarCells} sit in {@code family}: the realtime bars' or a
   * family of the batch serving copy ({@link io.marketlambda.hbaseviews.batch.BatchViewTables}).
   *
   * @throws IllegalStateException when a cell is missing or not 8 bytes
   * @throws IllegalArgumentException when the row key is not one of the codec's, or the values
   *     break a rule of {@link Bar}
   */
  public Bar decodeBar(Result row, BarInterval interval, String familyName) {
    RowKey key = rowKeys.decode(row.getRow());
    byte[] family = Bytes.toBytes(familyName);
    return new Bar(
        key.symbol(),
        interval,
        key.eventTime(),
        doubleCell(row, family, OPEN),
        doubleCell(row, family, HIGH),
        doubleCell(row, family, LOW),
        doubleCell(row, family, CLOSE),
        doubleCell(row, family, VOLUME),
        doubleCell(row, family, VWAP),
        longCell(row, family, TRADES));
  }

  /**
   * Returns the quote of a row of the latest-quote table.
   *
   * @throws IllegalStateException when a cell is not what {@link #encode(Quote)} writes
   */
  public Quote decodeQuote(Result row, Symbol symbol) {
    byte[] family = family(RealtimeTable.LATEST_QUOTE);
    return new Quote(
        symbol,
        Instant.ofEpochMilli(longCell(row, family, TIME)),
        doubleCell(row, family, PRICE),
        longCell(row, family, SIZE),
        Bytes.toString(cell(row, family, SOURCE)),
        longCell(row, family, SEQUENCE));
  }

  private static byte[] family(RealtimeTable table) {
    return Bytes.toBytes(table.family());
  }

  private static double doubleCell(Result row, byte[] family, byte[] qualifier) {
    return Bytes.toDouble(eightBytes(row, family, qualifier));
  }

  private static long longCell(Result row, byte[] family, byte[] qualifier) {
    return Bytes.toLong(eightBytes(row, family, qualifier));
  }

  private static byte[] eightBytes(Result row, byte[] family, byte[] qualifier) {
    byte[] value = cell(row, family, qualifier);
    if (value.length != Long.BYTES) {
      throw malformed(row, family, qualifier, "has " + value.length + " bytes, not 8");
    }
    return value;
  }

  private static byte[] cell(Result row, byte[] family, byte[] qualifier) {
    byte[] value = row.getValue(family, qualifier);
    if (value == null) {
      throw malformed(row, family, qualifier, "is missing");
    }
    return value;
  }

  private static IllegalStateException malformed(
      Result row, byte[] family, byte[] qualifier, String why) {
    return new IllegalStateException(
        "Cannot decode realtime view row "
            + HexFormat.of().formatHex(row.getRow())
            + ": cell "
            + Bytes.toString(family)
            + ":"
            + Bytes.toString(qualifier)
            + " "
            + why
            + "; was it written by RealtimeViewWriter?");
  }
}
