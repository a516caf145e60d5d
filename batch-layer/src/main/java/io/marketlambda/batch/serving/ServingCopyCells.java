package io.marketlambda.batch.serving;

import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.hbaseviews.batch.BatchViewCells;
import io.marketlambda.hbaseviews.batch.BatchViewTables;
import io.marketlambda.hbaseviews.rowkey.RowKeyCodec;
import io.marketlambda.views.BarColumns;
import io.marketlambda.views.DailyIndicatorColumns;
import io.marketlambda.views.SparkTimes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Turns gold rows into the cells of the serving copy ({@link BatchViewCells}, which owns their
 * encoding): one Spark row per HBase cell, so they can be sorted in HBase order (Spark compares
 * binary columns as unsigned bytes, as HBase does) before becoming HFiles.
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
  private final BarInterval interval;
  private transient BatchViewCells cells;

  /**
   * @param family {@link BatchViewTables#DAILY}, {@code WEEKLY} or {@code MONTHLY} for rows of
   *     {@link BarColumns}, {@link BatchViewTables#INDICATORS} for rows of {@link
   *     DailyIndicatorColumns}
   */
  ServingCopyCells(int saltBuckets, String family) {
    this.saltBuckets = saltBuckets;
    this.interval =
        switch (family) {
          case BatchViewTables.DAILY -> BarInterval.ONE_DAY;
          case BatchViewTables.WEEKLY -> BarInterval.ONE_WEEK;
          case BatchViewTables.MONTHLY -> BarInterval.ONE_MONTH;
          case BatchViewTables.INDICATORS -> null;
          default -> throw new IllegalArgumentException("Unknown serving-copy family " + family);
        };
  }

  @Override
  public Iterator<Row> call(Row row) {
    if (cells == null) {
      cells = new BatchViewCells(new RowKeyCodec(saltBuckets));
    }
    Symbol symbol = new Symbol(row.getAs(BarColumns.SYMBOL));
    Instant start = SparkTimes.instant(row.getAs(BarColumns.BAR_START));
    List<BatchViewCells.Cell> encoded;
    if (interval == null) {
      Map<String, Double> values = new LinkedHashMap<>();
      for (String column : DailyIndicatorColumns.INDICATORS) {
        values.put(column, row.getAs(column));
      }
      encoded = cells.dailyIndicators(symbol, start, values);
    } else {
      encoded =
          cells.bar(
              symbol,
              interval,
              start,
              row.getAs(BarColumns.OPEN_USD),
              row.getAs(BarColumns.HIGH_USD),
              row.getAs(BarColumns.LOW_USD),
              row.getAs(BarColumns.CLOSE_USD),
              row.getAs(BarColumns.VOLUME_SHARES),
              row.getAs(BarColumns.VWAP_USD),
              row.<Long>getAs(BarColumns.TRADE_COUNT));
    }
    List<Row> rows = new ArrayList<>(encoded.size());
    for (BatchViewCells.Cell cell : encoded) {
      rows.add(
          RowFactory.create(
              cell.salt(),
              cell.row(),
              cell.family(),
              cell.qualifier(),
              cell.value(),
              cell.timestamp()));
    }
    return rows.iterator();
  }
}
