package io.marketlambda.speed.hbase;

import io.marketlambda.core.indicator.Indicator;
import io.marketlambda.core.indicator.IndicatorSnapshot;
import io.marketlambda.core.model.Alert;
import io.marketlambda.core.model.AlertType;
import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.hbaseviews.realtime.IndicatorCells;
import io.marketlambda.views.AlertColumns;
import io.marketlambda.views.BarColumns;
import io.marketlambda.views.IndicatorColumns;
import io.marketlambda.views.QuoteColumns;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;

/**
 * Bars and quotes from Spark rows that carry a schema with the columns of {@link BarColumns} and
 * {@link QuoteColumns}, read by name, so extra columns and column order do not matter.
 */
public final class SparkRows {
  private SparkRows() {}

  /**
   * Returns the bar of a row with {@link BarColumns}.
   *
   * @throws IllegalArgumentException when the row has no schema, misses a column, holds a null or a
   *     value of the wrong type, or the values break a rule of {@link Bar} (then an {@link
   *     io.marketlambda.core.model.InvalidRecordException})
   */
  static Bar bar(Row row) {
    try {
      return new Bar(
          new Symbol(required(row, BarColumns.SYMBOL)),
          BarInterval.parse(required(row, BarColumns.INTERVAL)),
          instant(row, BarColumns.BAR_START),
          required(row, BarColumns.OPEN_USD),
          required(row, BarColumns.HIGH_USD),
          required(row, BarColumns.LOW_USD),
          required(row, BarColumns.CLOSE_USD),
          required(row, BarColumns.VOLUME_SHARES),
          required(row, BarColumns.VWAP_USD),
          required(row, BarColumns.TRADE_COUNT));
    } catch (ClassCastException e) {
      throw new IllegalArgumentException(
          "Cannot read bar from row " + row + ": a column has the wrong type; " + e.getMessage(),
          e);
    }
  }

  /** Returns the row of a bar, with {@link BarColumns} and its schema, the start a Timestamp. */
  public static Row barRow(Bar bar) {
    return new GenericRowWithSchema(BarColumns.values(bar), BarColumns.SCHEMA);
  }

  /**
   * Returns the quote of a row with {@link QuoteColumns}.
   *
   * @throws IllegalArgumentException when the row has no schema, misses a column, holds a null or a
   *     value of the wrong type, or the values break a rule of {@link Quote}
   */
  static Quote quote(Row row) {
    try {
      return new Quote(
          new Symbol(required(row, QuoteColumns.SYMBOL)),
          instant(row, QuoteColumns.EVENT_TIME),
          required(row, QuoteColumns.PRICE_USD),
          required(row, QuoteColumns.SIZE_SHARES),
          required(row, QuoteColumns.SOURCE),
          required(row, QuoteColumns.SEQUENCE));
    } catch (ClassCastException e) {
      throw new IllegalArgumentException(
          "Cannot read quote from row " + row + ": a column has the wrong type; " + e.getMessage(),
          e);
    }
  }

  /** {@link IndicatorColumns} to {@link IndicatorCells}: the columns the view keeps. */
  public static final Map<String, String> INDICATOR_CELLS =
      Indicator.of(Indicator.Scope.INTRADAY).stream()
          .collect(
              java.util.stream.Collectors.toUnmodifiableMap(
                  Indicator::column, Indicator::qualifier));

  /**
   * Returns the indicators of a row with {@link IndicatorColumns}; null indicators become NaN.
   *
   * @throws IllegalArgumentException when the row has no schema, misses a column, or a required
   *     value is null
   */
  static IndicatorSnapshot indicators(Row row) {
    Map<String, Double> values = new TreeMap<>();
    INDICATOR_CELLS.forEach(
        (column, qualifier) -> {
          int index = index(row, column);
          values.put(qualifier, row.isNullAt(index) ? Double.NaN : row.getDouble(index));
        });
    return new IndicatorSnapshot(
        new Symbol(required(row, IndicatorColumns.SYMBOL)),
        instant(row, IndicatorColumns.BAR_START),
        values);
  }

  /**
   * Returns the alert of a row with {@link AlertColumns}.
   *
   * @throws IllegalArgumentException when the row has no schema, misses a column, holds a null, an
   *     unknown type, or values that break a rule of {@link Alert}
   */
  static Alert alert(Row row) {
    return new Alert(
        new Symbol(required(row, AlertColumns.SYMBOL)),
        instant(row, AlertColumns.ALERT_TIME),
        AlertType.parse(required(row, AlertColumns.ALERT_TYPE)),
        required(row, AlertColumns.VALUE),
        required(row, AlertColumns.THRESHOLD),
        AlertColumns.PROVISIONAL.equals(required(row, AlertColumns.STATUS)));
  }

  /** Spark gives timestamps as {@link Timestamp}, or {@link Instant} with the Java 8 time API. */
  private static Instant instant(Row row, String column) {
    Object value = required(row, column);
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    throw new IllegalArgumentException(
        "Cannot read column "
            + column
            + " of row "
            + row
            + ": "
            + value.getClass().getName()
            + " is not a timestamp");
  }

  private static <T> T required(Row row, String column) {
    int index = index(row, column);
    if (row.isNullAt(index)) {
      throw new IllegalArgumentException(
          "Cannot read column " + column + " of row " + row + ": it is null");
    }
    return row.getAs(index);
  }

  private static int index(Row row, String column) {
    if (row.schema() == null) {
      throw new IllegalArgumentException(
          "Cannot read column "
              + column
              + " of row "
              + row
              + ": the row has no schema; pass rows of a Dataset or a GenericRowWithSchema");
    }
    int index;
    try {
      index = row.fieldIndex(column);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Cannot read column " + column + " of row " + row + ": no such column", e);
    }
    return index;
  }
}
