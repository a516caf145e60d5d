package io.marketlambda.hbaseviews.batch;

import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.hbaseviews.realtime.BarCells;
import io.marketlambda.hbaseviews.realtime.RealtimeCellCodec;
import io.marketlambda.hbaseviews.rowkey.RowKeyCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.hbase.util.Bytes;

/**
 * The cells of the batch serving copy ({@link BatchViewTables}), one list per gold row:
 *
 * <ul>
 *   <li>a daily, weekly or monthly bar: its {@link BarCells} in family {@code d}, {@code w} or
 *       {@code mo}, encoded as the realtime bars are ({@link RealtimeCellCodec#barCells});
 *   <li>a date's daily indicators: one cell per gold column name ({@code sma_20_usd}, ...) in
 *       family {@code i}, an 8-byte big-endian IEEE double, NaN where not defined yet.
 * </ul>
 *
 * Row keys are {@link RowKeyCodec}'s (salt bucket, symbol, reversed bar start); every cell's
 * timestamp is the bar start, epoch ms UTC, so a rerun writes identical cells. Thread-safe.
 */
public final class BatchViewCells {
  private final RowKeyCodec rowKeys;

  /**
   * One HBase cell and the salt bucket (the pre-split region) of its row.
   *
   * @param timestamp epoch ms UTC
   */
  public record Cell(
      int salt, byte[] row, byte[] family, byte[] qualifier, byte[] value, long timestamp) {}

  /**
   * @param rowKeys the row-key codec with the views' salt buckets
   */
  public BatchViewCells(RowKeyCodec rowKeys) {
    this.rowKeys = rowKeys;
  }

  /**
   * The family of bars of an interval in the serving copy.
   *
   * @throws IllegalArgumentException for an intraday interval: the serving copy holds 1d, 1w, 1mo
   */
  public static String familyOf(BarInterval interval) {
    return switch (interval) {
      case ONE_DAY -> BatchViewTables.DAILY;
      case ONE_WEEK -> BatchViewTables.WEEKLY;
      case ONE_MONTH -> BatchViewTables.MONTHLY;
      default ->
          throw new IllegalArgumentException(
              "Cannot serve "
                  + interval.code()
                  + " bars from the batch views: they hold 1d, 1w and 1mo");
    };
  }

  /**
   * Returns the cells of a daily, weekly or monthly bar.
   *
   * @throws IllegalArgumentException for an intraday bar
   */
  public List<Cell> bar(Bar bar) {
    return bar(bar.symbol(), bar.interval(), bar.start(), RealtimeCellCodec.barCells(bar));
  }

  /**
   * Returns the cells of a gold bar row's values as they are (the batch layer flags its checks in
   * columns of its own; they are not enforced here).
   *
   * @param start the bar's start, UTC
   * @throws IllegalArgumentException for an intraday interval
   */
  public List<Cell> bar(
      Symbol symbol,
      BarInterval interval,
      Instant start,
      double openUsd,
      double highUsd,
      double lowUsd,
      double closeUsd,
      double volumeShares,
      double vwapUsd,
      long tradeCount) {
    return bar(
        symbol,
        interval,
        start,
        RealtimeCellCodec.barCells(
            openUsd, highUsd, lowUsd, closeUsd, volumeShares, vwapUsd, tradeCount));
  }

  private List<Cell> bar(
      Symbol symbol,
      BarInterval interval,
      Instant start,
      List<RealtimeCellCodec.CellValue> values) {
    byte[] family = Bytes.toBytes(familyOf(interval));
    byte[] row = rowKeys.encode(symbol, start);
    int salt = rowKeys.bucketOf(symbol);
    long timestamp = start.toEpochMilli();
    List<Cell> cells = new ArrayList<>(values.size());
    for (RealtimeCellCodec.CellValue cell : values) {
      cells.add(new Cell(salt, row, family, cell.qualifier(), cell.value(), timestamp));
    }
    return cells;
  }

  /**
   * Returns the cells of one date's daily indicators.
   *
   * @param barStart the daily bar's start: midnight America/New_York of the trading date, as UTC
   * @param values by gold column name; a null value (not defined yet) is stored as NaN
   */
  public List<Cell> dailyIndicators(Symbol symbol, Instant barStart, Map<String, Double> values) {
    byte[] family = Bytes.toBytes(BatchViewTables.INDICATORS);
    byte[] row = rowKeys.encode(symbol, barStart);
    int salt = rowKeys.bucketOf(symbol);
    long timestamp = barStart.toEpochMilli();
    List<Cell> cells = new ArrayList<>(values.size());
    values.forEach(
        (column, value) ->
            cells.add(
                new Cell(
                    salt,
                    row,
                    family,
                    Bytes.toBytes(column),
                    Bytes.toBytes(value == null ? Double.NaN : value),
                    timestamp)));
    return cells;
  }
}
