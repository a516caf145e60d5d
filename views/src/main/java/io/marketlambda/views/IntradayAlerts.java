package io.marketlambda.views;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.unix_millis;
import static org.apache.spark.sql.functions.when;

import io.marketlambda.core.model.AlertType;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Alerts from intraday indicators: the one definition both layers use, as column expressions, so it
 * runs on static and streaming Datasets alike. Per 1-minute bar:
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
  private IntradayAlerts() {}

  /**
   * Returns the alerts the indicators raise.
   *
   * @param indicators a Dataset with {@link IndicatorColumns}
   * @param status the status every alert gets, e.g. {@link AlertColumns#PROVISIONAL}
   * @return a Dataset with {@link AlertColumns}
   */
  public static Dataset<Row> fromIndicators(
      Dataset<Row> indicators, AlertRules rules, String status) {
    Column change = col(IndicatorColumns.CHANGE_5);
    Column before = col(IndicatorColumns.PREVIOUS_CHANGE_5);
    Column zScore = col(IndicatorColumns.VOLUME_ZSCORE_30);
    Column gap = col(IndicatorColumns.OPENING_GAP);
    double move = rules.priceMove();
    Column candidates =
        array(
            candidate(
                AlertType.PRICE_SPIKE.code(),
                change.geq(move).and(before.isNull().or(before.lt(move))),
                change,
                move),
            candidate(
                AlertType.PRICE_DROP.code(),
                change.leq(-move).and(before.isNull().or(before.gt(-move))),
                change,
                -move),
            candidate(
                AlertType.VOLUME_SPIKE.code(),
                zScore.geq(rules.volumeZScore()),
                zScore,
                rules.volumeZScore()),
            candidate(
                AlertType.OPENING_GAP_UP.code(),
                gap.geq(rules.openingGap()),
                gap,
                rules.openingGap()),
            candidate(
                AlertType.OPENING_GAP_DOWN.code(),
                gap.leq(-rules.openingGap()),
                gap,
                -rules.openingGap()));
    return indicators
        .select(
            col(IndicatorColumns.SYMBOL),
            col(IndicatorColumns.BAR_START).as(AlertColumns.ALERT_TIME),
            explode(candidates).as("alert"))
        .filter(col("alert").isNotNull())
        .select(
            concat_ws(
                    "/",
                    col(IndicatorColumns.SYMBOL),
                    col("alert.type"),
                    unix_millis(col(AlertColumns.ALERT_TIME)).cast("string"))
                .as(AlertColumns.ALERT_ID),
            col(IndicatorColumns.SYMBOL),
            col(AlertColumns.ALERT_TIME),
            col("alert.type").as(AlertColumns.ALERT_TYPE),
            col("alert.value").as(AlertColumns.VALUE),
            col("alert.threshold").as(AlertColumns.THRESHOLD),
            lit(status).as(AlertColumns.STATUS));
  }

  private static Column candidate(String type, Column condition, Column value, double threshold) {
    return when(
        condition, struct(lit(type).as("type"), value.as("value"), lit(threshold).as("threshold")));
  }
}
