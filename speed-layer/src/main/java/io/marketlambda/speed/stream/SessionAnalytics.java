package io.marketlambda.speed.stream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import io.marketlambda.core.config.RealtimeViewsConfig;
import io.marketlambda.speed.hbase.RealtimeViewWriter;
import io.marketlambda.speed.hbase.SessionBarsReader;
import io.marketlambda.views.AlertColumns;
import io.marketlambda.views.AlertRules;
import io.marketlambda.views.BarColumns;
import io.marketlambda.views.IndicatorColumns;
import io.marketlambda.views.IntradayAlerts;
import io.marketlambda.views.IntradayIndicators;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * After a micro-batch of 1-minute bars has been written: recomputes the intraday indicators and
 * alerts of the sessions it touched, on the driver's orders and the executors' HBase connections.
 *
 * <ol>
 *   <li>per symbol, the earliest and latest bar the micro-batch changed;
 *   <li>{@link SessionBarsReader} reads back those sessions' bars from {@code bars_1m} (and each
 *       previous session's close);
 *   <li>{@link IntradayIndicators} (the batch layer's definition) computes the indicators; rows
 *       from the earliest changed bar on are written to {@code indicators_1m} (an update to one bar
 *       changes the indicators of every later bar of the session);
 *   <li>{@link IntradayAlerts} raises alerts on those rows: written to {@code alerts} and to the
 *       alerts topic, status provisional.
 * </ol>
 *
 * Idempotent like the bars: every cell is timestamped with its bar start, every alert keyed by its
 * id.
 */
final class SessionAnalytics {
  private final Map<String, String> hbase;
  private final Map<String, String> kafka;
  private final RealtimeViewsConfig views;
  private final String alertsTopic;
  private final AlertRules rules;

  SessionAnalytics(SpeedConfig config) {
    this.hbase = config.hbase();
    this.kafka = config.kafka();
    this.views = config.views();
    this.alertsTopic = config.topics().alerts();
    this.rules = config.alertRules();
  }

  /** What one update wrote. */
  record Written(long indicatorRows, Map<String, Long> alertsByType) {}

  /**
   * Updates indicators and alerts for the sessions of {@code changedBars}, which must already be in
   * {@code bars_1m}.
   *
   * @param changedBars the 1-minute bars a micro-batch wrote, rows of {@link BarColumns}
   */
  Written update(Dataset<Row> changedBars) {
    Dataset<Row> touched =
        changedBars
            .groupBy(BarColumns.SYMBOL)
            .agg(
                min(BarColumns.BAR_START).as(SessionBarsReader.FROM),
                max(BarColumns.BAR_START).as(SessionBarsReader.TO));
    Dataset<Row> sessionBars =
        touched.mapPartitions(new SessionBarsReader(hbase, views), Encoders.row(BarColumns.SCHEMA));
    Dataset<Row> indicators =
        IntradayIndicators.fromBars(sessionBars)
            .join(touched, BarColumns.SYMBOL)
            .filter(col(BarColumns.BAR_START).geq(col(SessionBarsReader.FROM)))
            .select(
                IndicatorColumns.SCHEMA.fieldNames()[0],
                java.util.Arrays.copyOfRange(
                    IndicatorColumns.SCHEMA.fieldNames(),
                    1,
                    IndicatorColumns.SCHEMA.fieldNames().length))
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
        return new Written(indicatorRows, Map.copyOf(alertsByType));
      } finally {
        alerts.unpersist();
      }
    } finally {
      indicators.unpersist();
    }
  }
}
