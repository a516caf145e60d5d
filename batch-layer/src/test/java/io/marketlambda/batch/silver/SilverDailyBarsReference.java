package io.marketlambda.batch.silver;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.marketlambda.batch.bronze.BronzeColumns;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.views.BarColumns;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The set-based definition {@link SilverDailyBars} had before its one-pass build: window functions,
 * range joins and aggregates over the whole history, written to follow the rules of {@link
 * SilverDailyBars}' class comment clause by clause. Kept as the oracle {@link
 * SilverDailyBarsPassTest} checks the one-pass build against.
 */
final class SilverDailyBarsReference {
  private static final String PRICE_FACTOR = "price_factor";
  private static final String VOLUME_FACTOR = "volume_factor";

  private SilverDailyBarsReference() {}

  /**
   * Returns the silver daily bars.
   *
   * @param bronzeBars {@code bronze.bars}
   * @param bronzeActions {@code bronze.corporate_actions}
   * @param runDate the last trading date included
   */
  static Dataset<Row> build(
      Dataset<Row> bronzeBars, Dataset<Row> bronzeActions, LocalDate runDate) {
    Dataset<Row> chosen = chooseOnePerDate(bronzeBars, runDate);
    Dataset<Row> factors = actionFactors(chosen, bronzeActions);
    Dataset<Row> adjusted = applyFactors(chosen, factors);
    return withChecks(adjusted)
        .select(
            java.util.Arrays.stream(SilverColumns.BARS_DAILY.fieldNames())
                .map(org.apache.spark.sql.functions::col)
                .toArray(Column[]::new));
  }

  /**
   * Daily bars up to the run date, one per symbol and trading date: a vendor's daily bar when there
   * is one, else the bar rolled up from intraday bars ({@link IntradayDailyBars}).
   */
  static Dataset<Row> chooseOnePerDate(Dataset<Row> bronzeBars, LocalDate runDate) {
    List<String> sources = new ArrayList<>(SilverDailyBars.SOURCE_PRIORITY);
    sources.addAll(IntradayDailyBars.SOURCES);
    Column priority = lit(sources.size());
    for (int i = sources.size() - 1; i >= 0; i--) {
      priority = when(col(BronzeColumns.SOURCE).equalTo(sources.get(i)), i).otherwise(priority);
    }
    Dataset<Row> candidates =
        bronzeBars
            .filter(col(BarColumns.INTERVAL).equalTo(BarInterval.ONE_DAY.code()))
            .withColumn(SilverColumns.DERIVED_FROM, lit(SilverColumns.VENDOR_DAILY))
            .unionByName(
                IntradayDailyBars.fromBronze(bronzeBars)
                    .withColumn(SilverColumns.DERIVED_FROM, lit(SilverColumns.INTRADAY)));
    return candidates
        .withColumn(SilverColumns.TRADING_DATE, tradingDate(col(BarColumns.BAR_START)))
        .filter(col(SilverColumns.TRADING_DATE).leq(lit(java.sql.Date.valueOf(runDate))))
        .withColumn(
            "choice",
            row_number()
                .over(
                    Window.partitionBy(BarColumns.SYMBOL, SilverColumns.TRADING_DATE)
                        .orderBy(
                            priority,
                            col(BronzeColumns.INGESTED_AT).desc(),
                            col(BronzeColumns.LINEAGE_LINE))))
        .filter(col("choice").equalTo(1))
        .drop(
            "choice",
            BronzeColumns.INGESTED_AT,
            BronzeColumns.LINEAGE_FILE,
            BronzeColumns.LINEAGE_LINE);
  }

  /**
   * One row per distinct action: symbol, ex_date, price_factor, volume_factor; dividends priced
   * with the raw close before their ex-date. Only actions in effect by the symbol's last chosen bar
   * count (see the class comment); of the actions of one symbol and ex-date, only those of the most
   * trusted source ({@link SilverDailyBars#ACTION_SOURCE_PRIORITY}) count, one per type (the latest
   * import).
   */
  static Dataset<Row> actionFactors(Dataset<Row> bars, Dataset<Row> bronzeActions) {
    Dataset<Row> lastDates =
        bars.groupBy(col(BarColumns.SYMBOL).as("a_symbol"))
            .agg(max(col(SilverColumns.TRADING_DATE)).as("last_date"));
    // The choice of actions is SilverDailyBars' own (unchanged by its one-pass build).
    Dataset<Row> actions =
        SilverDailyBars.chosenActions(bronzeActions)
            .withColumnRenamed(BarColumns.SYMBOL, "a_symbol")
            .join(lastDates, "a_symbol")
            .filter(col(BronzeColumns.EX_DATE).leq(col("last_date")))
            .drop("last_date");
    Dataset<Row> closeBefore =
        actions
            .join(
                bars.select(
                    col(BarColumns.SYMBOL),
                    col(SilverColumns.TRADING_DATE),
                    col(BarColumns.CLOSE_USD)),
                col("a_symbol")
                    .equalTo(col(BarColumns.SYMBOL))
                    .and(col(SilverColumns.TRADING_DATE).lt(col(BronzeColumns.EX_DATE))))
            .groupBy(col("a_symbol"), col(BronzeColumns.EX_DATE), col(BronzeColumns.ACTION_TYPE))
            .agg(
                max_by(col(BarColumns.CLOSE_USD), col(SilverColumns.TRADING_DATE))
                    .as("close_before"));
    Column isSplit = col(BronzeColumns.ACTION_TYPE).equalTo("split");
    Column dividendFactor = lit(1).minus(col(BronzeColumns.VALUE).divide(col("close_before")));
    return actions
        .join(
            closeBefore,
            new String[] {"a_symbol", BronzeColumns.EX_DATE, BronzeColumns.ACTION_TYPE},
            "left")
        .select(
            col("a_symbol"),
            col(BronzeColumns.EX_DATE),
            when(isSplit, lit(1).divide(col(BronzeColumns.VALUE)))
                .when(col("close_before").isNotNull().and(dividendFactor.gt(0)), dividendFactor)
                .otherwise(lit(1.0))
                .as(PRICE_FACTOR),
            when(isSplit, col(BronzeColumns.VALUE)).otherwise(lit(1.0)).as(VOLUME_FACTOR));
  }

  /** Each bar times the product of the factors of actions with a later ex-date. */
  static Dataset<Row> applyFactors(Dataset<Row> bars, Dataset<Row> factors) {
    Dataset<Row> products =
        bars.select(col(BarColumns.SYMBOL), col(SilverColumns.TRADING_DATE))
            .join(
                factors,
                col("a_symbol")
                    .equalTo(col(BarColumns.SYMBOL))
                    .and(col(BronzeColumns.EX_DATE).gt(col(SilverColumns.TRADING_DATE))))
            .groupBy(col(BarColumns.SYMBOL), col(SilverColumns.TRADING_DATE))
            .agg(
                exp(sum(log(col(PRICE_FACTOR)))).as(SilverColumns.ADJ_FACTOR),
                exp(sum(log(col(VOLUME_FACTOR)))).as(SilverColumns.SPLIT_RATIO_AFTER));
    Column factor = coalesce(col(SilverColumns.ADJ_FACTOR), lit(1.0));
    Column ratio = coalesce(col(SilverColumns.SPLIT_RATIO_AFTER), lit(1.0));
    return bars.join(products, new String[] {BarColumns.SYMBOL, SilverColumns.TRADING_DATE}, "left")
        .withColumn(SilverColumns.ADJ_FACTOR, factor)
        .withColumn(SilverColumns.SPLIT_RATIO_AFTER, ratio)
        .withColumn(SilverColumns.ADJ_OPEN_USD, col(BarColumns.OPEN_USD).multiply(factor))
        .withColumn(SilverColumns.ADJ_HIGH_USD, col(BarColumns.HIGH_USD).multiply(factor))
        .withColumn(SilverColumns.ADJ_LOW_USD, col(BarColumns.LOW_USD).multiply(factor))
        .withColumn(SilverColumns.ADJ_CLOSE_USD, col(BarColumns.CLOSE_USD).multiply(factor))
        .withColumn(SilverColumns.ADJ_VWAP_USD, col(BarColumns.VWAP_USD).multiply(factor))
        .withColumn(SilverColumns.ADJ_VOLUME_SHARES, col(BarColumns.VOLUME_SHARES).multiply(ratio));
  }

  /** The data-quality flags and score. */
  static Dataset<Row> withChecks(Dataset<Row> bars) {
    Column open = col(BarColumns.OPEN_USD);
    Column close = col(BarColumns.CLOSE_USD);
    Column ohlcOk =
        col(BarColumns.LOW_USD)
            .leq(least(open, close))
            .and(col(BarColumns.HIGH_USD).geq(greatest(open, close)));
    Column previousDate =
        lag(col(SilverColumns.TRADING_DATE), 1)
            .over(Window.partitionBy(BarColumns.SYMBOL).orderBy(SilverColumns.TRADING_DATE));
    Column gapOk =
        previousDate.isNull().or(datediff(col(SilverColumns.TRADING_DATE), previousDate).leq(4));
    List<Column> checks = new ArrayList<>();
    checks.add(col(SilverColumns.OHLC_ORDER_OK));
    checks.add(col(SilverColumns.NONZERO_VOLUME_OK));
    checks.add(col(SilverColumns.SESSION_GAP_OK));
    Column passed = lit(0);
    for (Column check : checks) {
      passed = passed.plus(when(check, 1).otherwise(0));
    }
    return bars.withColumn(SilverColumns.OHLC_ORDER_OK, ohlcOk)
        .withColumn(SilverColumns.NONZERO_VOLUME_OK, col(BarColumns.VOLUME_SHARES).gt(0))
        .withColumn(SilverColumns.SESSION_GAP_OK, gapOk)
        .withColumn(SilverColumns.DQ_SCORE, passed.divide(checks.size()));
  }

  static Column tradingDate(Column instant) {
    return SilverDailyBars.tradingDate(instant);
  }
}
