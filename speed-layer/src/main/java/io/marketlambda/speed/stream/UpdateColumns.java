package io.marketlambda.speed.stream;

import io.marketlambda.core.indicator.IndicatorSnapshot;
import io.marketlambda.core.model.Alert;
import io.marketlambda.core.model.AlertType;
import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.hbaseviews.realtime.IndicatorCells;
import io.marketlambda.speed.hbase.SparkRows;
import io.marketlambda.views.IndicatorColumns;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * What the per-symbol state hands to the sink, one row per update:
 *
 * <pre>
 * kind             string           bar, indicators, alert, withdrawal, late or dead_letter
 * symbol           string           null for dead letters
 * interval         string           bar only: 1m, 5m, 15m or 1h
 * time             timestamp        bar start (bar, indicators, alert), event time (late)
 * values           array&lt;double&gt;  bar: open, high, low, close USD, volume shares, VWAP USD;
 *                                   indicators: close USD, volume shares, then
 *                                   IndicatorColumns.INDICATORS (NaN where undefined);
 *                                   alert: value, threshold
 * trade_count      long             bar only
 * text             string           alert, withdrawal: its type; dead letter: the field at fault
 * reason           string           late: the watermark missed (ISO-8601); dead letter: why
 * kafka_*          ...              late and dead letter: the source record
 * </pre>
 */
final class UpdateColumns {
  static final String BAR = "bar";
  static final String INDICATORS = "indicators";
  static final String ALERT = "alert";
  static final String WITHDRAWAL = "withdrawal";
  static final String LATE = "late";
  static final String DEAD_LETTER = "dead_letter";

  static final StructType SCHEMA =
      new StructType()
          .add("kind", DataTypes.StringType, false)
          .add("symbol", DataTypes.StringType, true)
          .add("interval", DataTypes.StringType, true)
          .add("time", DataTypes.TimestampType, true)
          .add("values", DataTypes.createArrayType(DataTypes.DoubleType, false), true)
          .add("trade_count", DataTypes.LongType, true)
          .add("text", DataTypes.StringType, true)
          .add("reason", DataTypes.StringType, true)
          .add("kafka_key", DataTypes.BinaryType, true)
          .add("kafka_value", DataTypes.BinaryType, true)
          .add("kafka_topic", DataTypes.StringType, true)
          .add("kafka_partition", DataTypes.IntegerType, true)
          .add("kafka_offset", DataTypes.LongType, true);

  private UpdateColumns() {}

  static Row bar(Bar bar) {
    double[] values = {
      bar.openUsd(), bar.highUsd(), bar.lowUsd(), bar.closeUsd(), bar.volumeShares(), bar.vwapUsd()
    };
    return row(
        BAR, bar.symbol(), bar.interval().code(), bar.start(), values, bar.tradeCount(), null);
  }

  static Row indicators(Bar bar, double[] indicators) {
    double[] values = new double[2 + indicators.length];
    values[0] = bar.closeUsd();
    values[1] = bar.volumeShares();
    System.arraycopy(indicators, 0, values, 2, indicators.length);
    return row(INDICATORS, bar.symbol(), null, bar.start(), values, null, null);
  }

  static Row alert(Alert alert) {
    double[] values = {alert.value(), alert.threshold()};
    return row(ALERT, alert.symbol(), null, alert.time(), values, null, alert.type().code());
  }

  static Row withdrawal(Symbol symbol, Instant time, AlertType type) {
    return row(WITHDRAWAL, symbol, null, time, null, null, type.code());
  }

  static Row late(Row event, Instant watermark) {
    Object[] values = new Object[SCHEMA.size()];
    values[0] = LATE;
    values[1] = event.getString(EventColumns.I_SYMBOL);
    values[3] = event.get(EventColumns.I_EVENT_TIME);
    values[7] = watermark.toString();
    return RowFactory.create(withSource(values, EventColumns.source(event)));
  }

  static Row deadLetter(Row event) {
    Object[] values = new Object[SCHEMA.size()];
    values[0] = DEAD_LETTER;
    values[6] = event.getString(EventColumns.I_ERROR_FIELD);
    values[7] = event.getString(EventColumns.I_ERROR_REASON);
    return RowFactory.create(withSource(values, EventColumns.source(event)));
  }

  private static Row row(
      String kind,
      Symbol symbol,
      String interval,
      Instant time,
      double[] values,
      Long tradeCount,
      String text) {
    Object[] row = new Object[SCHEMA.size()];
    row[0] = kind;
    row[1] = symbol.value();
    row[2] = interval;
    row[3] = Timestamp.from(time);
    row[4] = values;
    row[5] = tradeCount;
    row[6] = text;
    return RowFactory.create(row);
  }

  private static Object[] withSource(Object[] values, SourceRecord source) {
    values[8] = source.key();
    values[9] = source.value();
    values[10] = source.topic();
    values[11] = source.partition();
    values[12] = source.offset();
    return values;
  }

  /** Hands one update row to the sink's writer, counting it. */
  static void write(Row row, SpeedSink.Writer writer, SpeedCounts counts) {
    String kind = row.getString(0);
    switch (kind) {
      case BAR -> {
        List<Double> v = row.getList(4);
        writer.write(
            new Bar(
                Symbol.of(row.getString(1)),
                BarInterval.parse(row.getString(2)),
                row.getTimestamp(3).toInstant(),
                v.get(0),
                v.get(1),
                v.get(2),
                v.get(3),
                v.get(4),
                v.get(5),
                row.getLong(5)));
        counts.add(SpeedCounts.BARS);
      }
      case INDICATORS -> {
        List<Double> v = row.getList(4);
        Map<String, Double> values = new TreeMap<>();
        values.put(IndicatorCells.CLOSE_USD, v.get(0));
        values.put(IndicatorCells.VOLUME_SHARES, v.get(1));
        for (int k = 0; k < IndicatorColumns.INDICATORS.size(); k++) {
          String qualifier = SparkRows.INDICATOR_CELLS.get(IndicatorColumns.INDICATORS.get(k));
          if (qualifier != null) {
            values.put(qualifier, v.get(2 + k));
          }
        }
        writer.write(
            new IndicatorSnapshot(
                Symbol.of(row.getString(1)), row.getTimestamp(3).toInstant(), values));
        counts.add(SpeedCounts.INDICATORS);
      }
      case ALERT -> {
        List<Double> v = row.getList(4);
        AlertType type = AlertType.parse(row.getString(6));
        writer.write(
            new Alert(
                Symbol.of(row.getString(1)),
                row.getTimestamp(3).toInstant(),
                type,
                v.get(0),
                v.get(1),
                true));
        counts.add(SpeedCounts.ALERT + type.code());
      }
      case WITHDRAWAL -> {
        writer.withdraw(
            Symbol.of(row.getString(1)),
            row.getTimestamp(3).toInstant(),
            AlertType.parse(row.getString(6)));
        counts.add(SpeedCounts.WITHDRAWN);
      }
      case LATE -> {
        writer.late(source(row), Instant.parse(row.getString(7)));
        counts.add(SpeedCounts.LATE);
      }
      case DEAD_LETTER -> {
        writer.deadLetter(source(row), row.getString(6), row.getString(7));
        counts.add(SpeedCounts.DEAD_LETTER + row.getString(6));
      }
      default -> throw new IllegalStateException("Cannot write update of kind " + kind);
    }
  }

  private static SourceRecord source(Row row) {
    return new SourceRecord(
        (byte[]) row.get(8),
        (byte[]) row.get(9),
        row.getString(10),
        row.getInt(11),
        row.getLong(12));
  }
}
