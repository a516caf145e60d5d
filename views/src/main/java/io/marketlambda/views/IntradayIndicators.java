package io.marketlambda.views;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.from_utc_timestamp;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.to_date;

import io.marketlambda.core.indicator.Indicators;
import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.MarketTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;

/**
 * Rolling indicators on the 1-minute series: the one definition both layers use ({@link
 * IndicatorColumns} lists them), computed bar by bar by {@link SessionIndicators} (the math is
 * {@link Indicators}'); this class only cuts the series into sessions (symbol and America/New_York
 * trading date), orders each by bar start, and finds each session's previous close for the opening
 * gap.
 *
 * <p>A session is a symbol's regular-session bars of one trading date: bars starting from 09:30 to
 * before 16:00 New York time ({@link MarketTime#isRegularSession}). Pre-market and after-hours bars
 * get no indicators (session VWAP and the opening gap are regular-session measures by convention).
 *
 * <p>Runs on static Datasets (the batch layer); the speed layer calls {@link SessionIndicators}
 * from its per-symbol streaming state.
 */
public final class IntradayIndicators {
  /** Bars behind {@code change_5}. */
  public static final int CHANGE_BARS = 5;

  /** Returns behind {@code realized_vol_30}, and bars behind {@code volume_zscore_30}. */
  public static final int VOLATILITY_BARS = 30;

  /** One-minute returns in a year of regular sessions: 252 days × 390 minutes. */
  public static final double MINUTES_PER_YEAR = 252.0 * 390;

  private static final String PREVIOUS_CLOSE = "previous_close_usd";

  private IntradayIndicators() {}

  /**
   * Returns the indicators of every bar.
   *
   * @param bars a static Dataset with {@link BarColumns}, interval 1m. For the opening gap of a
   *     session, include the previous session's last bar (its rows are returned too).
   * @return a Dataset with {@link IndicatorColumns}, one row per regular-session input bar
   * @throws IllegalStateException when the session time zone is not UTC
   */
  public static Dataset<Row> fromBars(Dataset<Row> bars) {
    BarsPipeline.requireUtcSession(bars.sparkSession());
    Column newYork = from_utc_timestamp(col(BarColumns.BAR_START), MarketTime.MARKET_ZONE.getId());
    Column timeOfDay = date_format(newYork, "HH:mm");
    Dataset<Row> dated =
        bars.filter(
                timeOfDay
                    .geq(MarketTime.REGULAR_OPEN.toString())
                    .and(timeOfDay.lt(MarketTime.REGULAR_CLOSE.toString())))
            .withColumn(IndicatorColumns.TRADING_DATE, to_date(newYork));
    Dataset<Row> previousCloses =
        dated
            .groupBy(BarColumns.SYMBOL, IndicatorColumns.TRADING_DATE)
            .agg(max_by(col(BarColumns.CLOSE_USD), col(BarColumns.BAR_START)).as("session_close"))
            .withColumn(
                PREVIOUS_CLOSE,
                lag(col("session_close"), 1)
                    .over(
                        Window.partitionBy(BarColumns.SYMBOL)
                            .orderBy(IndicatorColumns.TRADING_DATE)))
            .drop("session_close");
    return dated
        .join(previousCloses, new String[] {BarColumns.SYMBOL, IndicatorColumns.TRADING_DATE})
        .groupByKey(
            (MapFunction<Row, String>)
                row ->
                    row.getAs(BarColumns.SYMBOL)
                        + " "
                        + row.getAs(IndicatorColumns.TRADING_DATE).toString(),
            Encoders.STRING())
        .flatMapGroups(new Session(), Encoders.row(IndicatorColumns.SCHEMA));
  }

  /** The indicators of one session's bars, through {@link SessionIndicators}. */
  private static final class Session implements FlatMapGroupsFunction<String, Row, Row> {
    @Override
    public Iterator<Row> call(String key, Iterator<Row> rows) {
      List<Row> bars = new ArrayList<>();
      rows.forEachRemaining(bars::add);
      bars.sort(Comparator.comparing(row -> SparkTimes.instant(row.getAs(BarColumns.BAR_START))));
      SessionIndicators session = new SessionIndicators();
      if (!bars.isEmpty()) {
        Object previousClose = bars.get(0).getAs(PREVIOUS_CLOSE);
        session.setPreviousSessionClose(
            previousClose == null ? Double.NaN : (double) previousClose);
      }
      List<Row> result = new ArrayList<>(bars.size());
      for (Row row : bars) {
        Bar bar = BarColumns.bar(row);
        double[] indicators = session.next(bar);
        Object[] values = new Object[5 + indicators.length];
        values[0] = row.getAs(BarColumns.SYMBOL);
        values[1] = row.getAs(BarColumns.BAR_START);
        values[2] = row.getAs(IndicatorColumns.TRADING_DATE);
        values[3] = bar.closeUsd();
        values[4] = bar.volumeShares();
        for (int k = 0; k < indicators.length; k++) {
          double value = indicators[k];
          values[5 + k] = Double.isNaN(value) ? null : value;
        }
        result.add(RowFactory.create(values));
      }
      return result.iterator();
    }
  }
}
