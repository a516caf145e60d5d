package io.marketlambda.views;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_utc_timestamp;
import static org.apache.spark.sql.functions.to_date;

import io.marketlambda.core.indicator.Indicators;
import io.marketlambda.core.model.MarketTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Daily technical indicators ({@link DailyIndicatorColumns}): the one definition of the batch
 * views' indicators. The math is {@link Indicators}' (each formula's source is there); this class
 * orders each symbol's daily bars by start and applies it with the usual parameters: SMA 20, 50,
 * 200; EMA 12, 26; MACD (12, 26, 9); RSI 14 (Wilder); Bollinger (20, 2); ATR 14 (Wilder); 20-day
 * volatility annualized with 252 trading days; 52-week (252-bar) high and low.
 *
 * <p>Runs on static Datasets (a symbol's whole history is one group: about 5,000 rows for 20
 * years).
 */
public final class DailyIndicators {
  /** Trading days in a year, for annualizing and for the 52-week window. */
  public static final int TRADING_DAYS_PER_YEAR = 252;

  private DailyIndicators() {}

  /**
   * Returns the indicators of every daily bar.
   *
   * @param dailyBars a static Dataset with {@link BarColumns} (interval 1d), adjusted prices
   * @return a Dataset with {@link DailyIndicatorColumns}, one row per input bar
   * @throws IllegalStateException when the session time zone is not UTC
   */
  public static Dataset<Row> fromBars(Dataset<Row> dailyBars) {
    BarsPipeline.requireUtcSession(dailyBars.sparkSession());
    return dailyBars
        .withColumn(
            DailyIndicatorColumns.TRADING_DATE,
            to_date(from_utc_timestamp(col(BarColumns.BAR_START), MarketTime.MARKET_ZONE.getId())))
        .groupByKey(
            (MapFunction<Row, String>) row -> row.getAs(BarColumns.SYMBOL), Encoders.STRING())
        .flatMapGroups(new History(), Encoders.row(DailyIndicatorColumns.SCHEMA));
  }

  /**
   * Returns the indicators of every daily bar of input laid out by symbol: each symbol's bars in
   * one partition, contiguous and ascending by start (as the batch layer keeps its silver and gold
   * daily bars). One pass over each partition, no shuffle; the output keeps the layout. A symbol
   * split across partitions is not detected ({@link SymbolRuns}): use {@link #fromBars} on rows
   * read from a table.
   *
   * @param dailyBars a static Dataset with {@link BarColumns} (interval 1d), adjusted prices
   * @return a Dataset with {@link DailyIndicatorColumns}, one row per input bar
   * @throws IllegalStateException when the session time zone is not UTC; at execution, when a
   *     symbol's bars are not contiguous in their partition or not ascending by start
   */
  public static Dataset<Row> fromClusteredBars(Dataset<Row> dailyBars) {
    return fromClusteredBars(dailyBars, new String[0]);
  }

  /**
   * {@link #fromClusteredBars(Dataset)} with columns of each input bar carried to its indicator
   * row, after {@link DailyIndicatorColumns}: views that need a bar's other fields beside its
   * indicators (a ranking by change with the day's volume) then need no join.
   *
   * @param carried names of input columns, appended in this order with their input types
   */
  public static Dataset<Row> fromClusteredBars(Dataset<Row> dailyBars, String... carried) {
    BarsPipeline.requireUtcSession(dailyBars.sparkSession());
    org.apache.spark.sql.types.StructType schema = DailyIndicatorColumns.SCHEMA;
    for (String name : carried) {
      schema = schema.add(dailyBars.schema().apply(name));
    }
    String[] names = carried.clone();
    return dailyBars
        .withColumn(
            DailyIndicatorColumns.TRADING_DATE,
            to_date(from_utc_timestamp(col(BarColumns.BAR_START), MarketTime.MARKET_ZONE.getId())))
        .mapPartitions(
            (MapPartitionsFunction<Row, Row>) rows -> ofClustered(rows, names),
            Encoders.row(schema));
  }

  /** The indicators of a partition of bars laid out by symbol ({@link #fromClusteredBars}). */
  private static Iterator<Row> ofClustered(Iterator<Row> rows, String[] carried) {
    return SymbolRuns.flatMap(
        rows,
        "indicators",
        (symbol, bars) -> {
          Instant previous = null;
          for (Row bar : bars) {
            Instant start = SparkTimes.instant(bar.getAs(BarColumns.BAR_START));
            if (previous != null && !start.isAfter(previous)) {
              throw new IllegalStateException(
                  "Cannot compute indicators: the bars of " + symbol + " are not ascending");
            }
            previous = start;
          }
          return History.indicators(symbol, bars, carried);
        });
  }

  /** The indicators of one symbol's history. */
  private static final class History implements FlatMapGroupsFunction<String, Row, Row> {
    @Override
    public Iterator<Row> call(String symbol, Iterator<Row> rows) {
      List<Row> bars = new ArrayList<>();
      rows.forEachRemaining(bars::add);
      bars.sort(Comparator.comparing(row -> SparkTimes.instant(row.getAs(BarColumns.BAR_START))));
      return indicators(symbol, bars, new String[0]).iterator();
    }

    /** The indicator rows of a symbol's bars, ascending by start. */
    static List<Row> indicators(String symbol, List<Row> bars, String[] carried) {
      int n = bars.size();
      double[] highs = new double[n];
      double[] lows = new double[n];
      double[] closes = new double[n];
      for (int i = 0; i < n; i++) {
        highs[i] = bars.get(i).getAs(BarColumns.HIGH_USD);
        lows[i] = bars.get(i).getAs(BarColumns.LOW_USD);
        closes[i] = bars.get(i).getAs(BarColumns.CLOSE_USD);
      }
      double[][] macd = Indicators.macd(closes, 12, 26, 9);
      double[][] bollinger = Indicators.bollinger(closes, 20, 2);
      double[][] indicators = {
        Indicators.rateOfChange(closes, 1),
        Indicators.sma(closes, 20),
        Indicators.sma(closes, 50),
        Indicators.sma(closes, 200),
        Indicators.ema(closes, 12),
        Indicators.ema(closes, 26),
        macd[0],
        macd[1],
        macd[2],
        Indicators.rsiWilder(closes, 14),
        bollinger[0],
        bollinger[1],
        bollinger[2],
        Indicators.atrWilder(highs, lows, closes, 14),
        Indicators.historicalVolatility(closes, 20, TRADING_DAYS_PER_YEAR),
        Indicators.rollingMax(highs, TRADING_DAYS_PER_YEAR),
        Indicators.rollingMin(lows, TRADING_DAYS_PER_YEAR)
      };
      List<Row> result = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        Row bar = bars.get(i);
        Object[] values = new Object[4 + indicators.length + carried.length];
        values[0] = symbol;
        values[1] = bar.getAs(DailyIndicatorColumns.TRADING_DATE);
        values[2] = bar.getAs(BarColumns.BAR_START);
        values[3] = closes[i];
        for (int k = 0; k < indicators.length; k++) {
          double value = indicators[k][i];
          values[4 + k] = Double.isNaN(value) ? null : value;
        }
        for (int c = 0; c < carried.length; c++) {
          values[4 + indicators.length + c] = bar.getAs(carried[c]);
        }
        result.add(RowFactory.create(values));
      }
      return result;
    }
  }
}
