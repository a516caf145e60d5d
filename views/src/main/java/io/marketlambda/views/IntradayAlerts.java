package io.marketlambda.views;

import io.marketlambda.core.model.Alert;
import io.marketlambda.core.model.AlertType;
import io.marketlambda.core.model.Symbol;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Alerts from intraday indicators: the one definition both layers use, as plain Java ({@link
 * #raise}) that the speed layer calls per bar and {@link #fromIndicators} runs on Datasets. Per
 * 1-minute bar:
 *
 * <ul>
 *   <li>{@code price_spike} / {@code price_drop}: {@code change_5} crosses {@code +priceMove} /
 *       {@code -priceMove} (the bar before was inside the band, or had no {@code change_5}); one
 *       alert per excursion, not one per bar of it;
 *   <li>{@code volume_spike}: {@code volume_zscore_30 >= volumeZScore};
 *   <li>{@code opening_gap_up} / {@code opening_gap_down}: the session's first bar opens at least
 *       {@code openingGap} above / below the previous session's close.
 * </ul>
 */
public final class IntradayAlerts {
  private static final int CHANGE = IndicatorColumns.INDICATORS.indexOf(IndicatorColumns.CHANGE_5);
  private static final int BEFORE =
      IndicatorColumns.INDICATORS.indexOf(IndicatorColumns.PREVIOUS_CHANGE_5);
  private static final int ZSCORE =
      IndicatorColumns.INDICATORS.indexOf(IndicatorColumns.VOLUME_ZSCORE_30);
  private static final int GAP = IndicatorColumns.INDICATORS.indexOf(IndicatorColumns.OPENING_GAP);

  private IntradayAlerts() {}

  /**
   * Returns the alerts one bar's indicators raise, provisional (the speed layer's status).
   *
   * @param symbol the bar's symbol
   * @param barStart the 1-minute bar's start
   * @param indicators the values of {@link IndicatorColumns#INDICATORS} in that order, NaN where
   *     not defined (as {@link SessionIndicators#next} returns them)
   * @param rules the thresholds
   * @return the alerts, in the order of {@link AlertType}; empty when none
   */
  public static List<Alert> raise(
      Symbol symbol, Instant barStart, double[] indicators, AlertRules rules) {
    List<Alert> alerts = new ArrayList<>(0);
    double change = indicators[CHANGE];
    double before = indicators[BEFORE];
    double zScore = indicators[ZSCORE];
    double gap = indicators[GAP];
    double move = rules.priceMove();
    if (change >= move && (Double.isNaN(before) || before < move)) {
      alerts.add(new Alert(symbol, barStart, AlertType.PRICE_SPIKE, change, move, true));
    }
    if (change <= -move && (Double.isNaN(before) || before > -move)) {
      alerts.add(new Alert(symbol, barStart, AlertType.PRICE_DROP, change, -move, true));
    }
    if (zScore >= rules.volumeZScore()) {
      alerts.add(
          new Alert(symbol, barStart, AlertType.VOLUME_SPIKE, zScore, rules.volumeZScore(), true));
    }
    if (gap >= rules.openingGap()) {
      alerts.add(
          new Alert(symbol, barStart, AlertType.OPENING_GAP_UP, gap, rules.openingGap(), true));
    }
    if (gap <= -rules.openingGap()) {
      alerts.add(
          new Alert(symbol, barStart, AlertType.OPENING_GAP_DOWN, gap, -rules.openingGap(), true));
    }
    return alerts;
  }

  /**
   * Returns the alerts the indicators raise, through {@link #raise}.
   *
   * @param indicators a Dataset with {@link IndicatorColumns}
   * @param status the status every alert gets, e.g. {@link AlertColumns#PROVISIONAL}
   * @return a Dataset with {@link AlertColumns}
   */
  public static Dataset<Row> fromIndicators(
      Dataset<Row> indicators, AlertRules rules, String status) {
    List<String> names = IndicatorColumns.INDICATORS;
    return indicators.flatMap(
        (FlatMapFunction<Row, Row>)
            row -> {
              double[] values = new double[names.size()];
              for (int k = 0; k < values.length; k++) {
                Object value = row.getAs(names.get(k));
                values[k] = value == null ? Double.NaN : (Double) value;
              }
              Symbol symbol = Symbol.of(row.getAs(IndicatorColumns.SYMBOL));
              Instant barStart = SparkTimes.instant(row.getAs(IndicatorColumns.BAR_START));
              Iterator<Alert> alerts = raise(symbol, barStart, values, rules).iterator();
              return new Iterator<>() {
                @Override
                public boolean hasNext() {
                  return alerts.hasNext();
                }

                @Override
                public Row next() {
                  Alert alert = alerts.next();
                  return RowFactory.create(
                      alert.id(),
                      alert.symbol().toString(),
                      Timestamp.from(alert.time()),
                      alert.type().code(),
                      alert.value(),
                      alert.threshold(),
                      status);
                }
              };
            },
        Encoders.row(AlertColumns.SCHEMA));
  }
}
