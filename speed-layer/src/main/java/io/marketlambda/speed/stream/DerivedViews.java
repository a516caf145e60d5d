package io.marketlambda.speed.stream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import io.marketlambda.core.config.RealtimeViewsConfig;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.speed.hbase.RealtimeViewWriter;
import io.marketlambda.speed.hbase.SessionBarsReader;
import io.marketlambda.views.AlertColumns;
import io.marketlambda.views.AlertRules;
import io.marketlambda.views.BarColumns;
import io.marketlambda.views.BarsPipeline;
import io.marketlambda.views.IndicatorColumns;
import io.marketlambda.views.IntradayAlerts;
import io.marketlambda.views.IntradayIndicators;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * The views derived from 1-minute bars, updated after each micro-batch of {@code speed-bars-1m} has
 * written its bars:
 *
 * <ol>
 *   <li>per symbol, the earliest and latest bar the micro-batch changed;
 *   <li>{@link SessionBarsReader} reads back, on the executors, the 1-minute bars those depend on
 *       from {@code bars_1m} (and the previous session's close when the session's first bar
 *       changed);
 *   <li>{@link BarsPipeline#rollUp} (the batch layer's definition) makes the 5m, 15m and 1h bars
 *       that hold a changed minute, written to {@code bars_5m}, {@code bars_15m}, {@code bars_1h};
 *   <li>{@link IntradayIndicators} computes the session's indicators; rows from the earliest
 *       changed bar on go to {@code indicators_1m} (a change to one bar changes the indicators of
 *       every later bar of the session);
 *   <li>{@link IntradayAlerts} raises alerts on those rows: written to {@code alerts} and to the
 *       alerts topic, status provisional.
 * </ol>
 *
 * Rolling up stored minute bars, instead of aggregating trades once per interval, keeps one
 * stateful query (one de-duplication state, one read of the topic) for all four intervals; the bars
 * are equal (a 1-minute bar nests in each coarser one). Idempotent like the bars: every cell is
 * timestamped with its bar start, every alert keyed by its id. The read-back grows with the length
 * of the session so far (at most 390 regular minutes per symbol and micro-batch).
 */
final class DerivedViews {
  static final List<BarInterval> ROLLED_UP =
      List.of(BarInterval.FIVE_MINUTES, BarInterval.FIFTEEN_MINUTES, BarInterval.ONE_HOUR);

  private final Map<String, String> hbase;
  private final Map<String, String> kafka;
  private final RealtimeViewsConfig views;
  private final String alertsTopic;
  private final AlertRules rules;

  DerivedViews(SpeedConfig config) {
    this.hbase = config.hbase();
    this.kafka = config.kafka();
    this.views = config.views();
    this.alertsTopic = config.topics().alerts();
    this.rules = config.alertRules();
  }

  /** What one update wrote. */
  record Written(long rolledUpBars, long indicatorRows, Map<String, Long> alertsByType) {}

  /**
   * Updates the derived views of {@code changedBars}, which must already be in {@code bars_1m}.
   *
   * @param changedBars the 1-minute bars a micro-batch wrote, rows of {@link BarColumns}
   */
  Written update(Dataset<Row> changedBars) {
    Dataset<Row> touched =
        changedBars
            .groupBy(BarColumns.SYMBOL)
            .agg(
                min(BarColumns.BAR_START).as(SessionBarsReader.FROM),
                max(BarColumns.BAR_START).as(SessionBarsReader.TO))
            .persist();
    Dataset<Row> minuteBars =
        touched
            .mapPartitions(new SessionBarsReader(hbase, views), Encoders.row(BarColumns.SCHEMA))
            .persist();
    try {
      Dataset<Row> rolledUp = null;
      for (BarInterval interval : ROLLED_UP) {
        long seconds = interval.fixedLength().orElseThrow().toSeconds();
        // Coarse bars that hold or follow the earliest changed minute.
        Column holdsAChange =
            col(BarColumns.BAR_START)
                .gt(col(SessionBarsReader.FROM).minus(expr("INTERVAL " + seconds + " SECONDS")));
        Dataset<Row> bars =
            changedOnly(
                BarsPipeline.rollUp(minuteBars, interval),
                touched,
                holdsAChange,
                BarColumns.SCHEMA.fieldNames());
        rolledUp = rolledUp == null ? bars : rolledUp.union(bars);
      }
      rolledUp = rolledUp.persist();
      RealtimeViewWriter.writeEachPartition(rolledUp, hbase, views, RealtimeViewWriter::writeBar);
      long rolledUpBars = rolledUp.count();
      rolledUp.unpersist();

      Dataset<Row> indicators =
          changedOnly(
                  IntradayIndicators.fromBars(minuteBars),
                  touched,
                  col(BarColumns.BAR_START).geq(col(SessionBarsReader.FROM)),
                  IndicatorColumns.SCHEMA.fieldNames())
              .persist();
      try {
        RealtimeViewWriter.writeEachPartition(
            indicators, hbase, views, RealtimeViewWriter::writeIndicators);
        long indicatorRows = indicators.count();
        Dataset<Row> alerts =
            IntradayAlerts.fromIndicators(indicators, rules, AlertColumns.PROVISIONAL).persist();
        try {
          Map<String, Long> alertsByType = new java.util.TreeMap<>();
          for (Row row : alerts.groupBy(AlertColumns.ALERT_TYPE).count().collectAsList()) {
            alertsByType.put(row.getString(0), row.getLong(1));
          }
          if (!alertsByType.isEmpty()) {
            RealtimeViewWriter.writeEachPartition(
                alerts, hbase, views, RealtimeViewWriter::writeAlert);
            AlertsTopic.send(alerts, alertsTopic, kafka);
          }
          return new Written(rolledUpBars, indicatorRows, Map.copyOf(alertsByType));
        } finally {
          alerts.unpersist();
        }
      } finally {
        indicators.unpersist();
      }
    } finally {
      minuteBars.unpersist();
      touched.unpersist();
    }
  }

  /** The rows of {@code derived} that {@code changed} selects, with {@code columns} only. */
  private static Dataset<Row> changedOnly(
      Dataset<Row> derived, Dataset<Row> touched, Column changed, String[] columns) {
    return derived
        .join(touched, BarColumns.SYMBOL)
        .filter(changed)
        .select(columns[0], Arrays.copyOfRange(columns, 1, columns.length));
  }
}
