package io.marketlambda.batch.serving;

import io.marketlambda.core.model.Symbol;
import io.marketlambda.hbaseviews.batch.BatchViewTables;
import io.marketlambda.hbaseviews.realtime.BarCells;
import io.marketlambda.hbaseviews.rowkey.RowKeyCodec;
import io.marketlambda.views.BarColumns;
import io.marketlambda.views.DailyIndicatorColumns;
import io.marketlambda.views.SparkTimes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.hbase.util.Bytes;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Turns gold rows into the cells of the serving copy ({@link BatchViewTables}): one Spark row per
 * HBase cell, with the row key of {@link RowKeyCodec}, so they can be sorted in HBase order (Spark
 * compares binary columns as unsigned bytes, as HBase does) before becoming HFiles.
 */
final class ServingCopyCells implements FlatMapFunction<Row, Row> {
  static final String ROW = "row";
  static final String FAMILY = "family";
  static final String QUALIFIER = "qualifier";
  static final String VALUE = "value";
  static final String TIMESTAMP = "timestamp";
  static final String SALT = "salt";

  /** One HBase cell. */
  static final StructType SCHEMA =
      new StructType()
          .add(SALT, DataTypes.IntegerType, false)
          .add(ROW, DataTypes.BinaryType, false)
          .add(FAMILY, DataTypes.BinaryType, false)
          .add(QUALIFIER, DataTypes.BinaryType, false)
          .add(VALUE, DataTypes.BinaryType, false)
          .add(TIMESTAMP, DataTypes.LongType, false);

  private final int saltBuckets;
  private final String family;
  private final boolean indicators;

  /**
   * @param family {@link BatchViewTables#DAILY}, {@code WEEKLY} or {@code MONTHLY} for rows of
   *     {@link BarColumns}, {@link BatchViewTables#INDICATORS} for rows of {@link
   *     DailyIndicatorColumns}
   */
  ServingCopyCells(int saltBuckets, String family) {
    this.saltBuckets = saltBuckets;
    this.family = family;
    this.indicators = family.equals(BatchViewTables.INDICATORS);
  }

  @Override
  public Iterator<Row> call(Row row) {
    RowKeyCodec rowKeys = new RowKeyCodec(saltBuckets);
    Symbol symbol = new Symbol(row.getAs(BarColumns.SYMBOL));
    Instant start = SparkTimes.instant(row.getAs(BarColumns.BAR_START));
    byte[] key = rowKeys.encode(symbol, start);
    int salt = rowKeys.bucketOf(symbol);
    long timestamp = start.toEpochMilli();
    List<Row> cells = new ArrayList<>();
    if (indicators) {
      for (String column : DailyIndicatorColumns.INDICATORS) {
        Object value = row.getAs(column);
        cells.add(
            cell(
                salt,
                key,
                column,
                Bytes.toBytes(value == null ? Double.NaN : (Double) value),
                timestamp));
      }
    } else {
      cells.add(
          cell(
              salt,
              key,
              BarCells.OPEN_USD,
              Bytes.toBytes((double) row.getAs(BarColumns.OPEN_USD)),
              timestamp));
      cells.add(
          cell(
              salt,
              key,
              BarCells.HIGH_USD,
              Bytes.toBytes((double) row.getAs(BarColumns.HIGH_USD)),
              timestamp));
      cells.add(
          cell(
              salt,
              key,
              BarCells.LOW_USD,
              Bytes.toBytes((double) row.getAs(BarColumns.LOW_USD)),
              timestamp));
      cells.add(
          cell(
              salt,
              key,
              BarCells.CLOSE_USD,
              Bytes.toBytes((double) row.getAs(BarColumns.CLOSE_USD)),
              timestamp));
      cells.add(
          cell(
              salt,
              key,
              BarCells.VOLUME_SHARES,
              Bytes.toBytes((double) row.getAs(BarColumns.VOLUME_SHARES)),
              timestamp));
      cells.add(
          cell(
              salt,
              key,
              BarCells.VWAP_USD,
              Bytes.toBytes((double) row.getAs(BarColumns.VWAP_USD)),
              timestamp));
      cells.add(
          cell(
              salt,
              key,
              BarCells.TRADE_COUNT,
              Bytes.toBytes((long) row.getAs(BarColumns.TRADE_COUNT)),
              timestamp));
    }
    return cells.iterator();
  }

  private Row cell(int salt, byte[] key, String qualifier, byte[] value, long timestamp) {
    return RowFactory.create(
        salt, key, Bytes.toBytes(family), Bytes.toBytes(qualifier), value, timestamp);
  }
}
