package io.marketlambda.batch.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_utc_timestamp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import io.marketlambda.batch.bronze.BronzeColumns;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.MarketTime;
import io.marketlambda.views.BarColumns;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Builds {@code silver.bars_daily} ({@link SilverColumns}) from the bronze tables: the daily bars
 * up to a run date, one per symbol and trading date, checked, and adjusted for splits and cash
 * dividends.
 *
 * <p><b>One bar per date.</b> When several sources hold a symbol's date, the first of {@link
 * #SOURCE_PRIORITY} wins (then the latest import, then the lowest line), so a rerun always picks
 * the same row. Where no source has a daily bar but bronze has intraday bars of the date (Lean
 * minute bars, Stooq 5-minute bars), the daily bar is rolled up from the regular session's intraday
 * bars ({@link IntradayDailyBars}, the speed layer's definition of a bar), and {@code derived_from}
 * says which it is.
 *
 * <p><b>Intraday-derived bars fill; they do not replace.</b> A vendor's daily bar is the
 * consolidated official one: its volume includes the closing auction and prints reported late, and
 * prints the exchanges later cancelled or flagged are left out of its high and low; intraday bars
 * miss some of that. On Lean's IBM data of 2013-10-07..11 the regular-session minute bars sum to
 * 0.0 % to 2.0 % less volume than the daily bar (3,469,427 vs 3,541,699 shares on 2013-10-10) and
 * on 2013-10-08 reach a high of 181.99 where the daily bar says 181.92; on SPY they agree but for
 * one low 0.01 USD off. So the vendor's daily bar wins where it exists; a day known only from
 * intraday data (a recent day of landed quotes or 5-minute bars) still gets a daily bar, equal to
 * the one the speed layer built for it.
 *
 * <p><b>Adjustment</b> (the CRSP cumulative-factor method, with effective-date semantics: an action
 * adjusts only prices of trading dates before its ex-date). A split of ratio r (new shares per old)
 * has price factor {@code 1 / r} and volume factor {@code r}; a cash dividend of D USD has price
 * factor {@code 1 - D / C}, C the raw close of the symbol's last trading date before the ex-date (a
 * dividend with no such close, or with {@code D >= C}, cannot be applied: it gets factor 1 and is
 * counted). A bar's {@code adj_factor} is the product of the price factors of every action with an
 * ex-date after its trading date; adjusted prices are raw prices times it, so the latest prices
 * equal the raw ones.
 *
 * <p><b>Which actions.</b> An action counts only when its ex-date is on or before the symbol's last
 * bar in this run (so on or before the run date): a dividend announced for a later date has no
 * close before it yet, and a run reproduces what was known on its run date; the latest bar's
 * adjusted prices always equal its raw ones, which the serving layer relies on when it joins them
 * to today's realtime bars. Sources may disagree in how they model an event (Alpha Vantage reports
 * IBM's 2021-11-04 Kyndryl spin-off as a split of 1.046; a factor file would show it as a price
 * factor), so for each symbol and ex-date only the actions of the most trusted source present count
 * ({@link #ACTION_SOURCE_PRIORITY}), never a mix; duplicates (same symbol, ex-date and type
 * imported twice) count once, the latest import. The ex-date is the first trading date in effect
 * for both sources: Lean's factor-file row date is the last date before it ({@code
 * LeanFactorFile}); Alpha Vantage's {@code effective_date} (SPLITS), {@code ex_dividend_date}
 * (DIVIDENDS) and the date of a daily-adjusted row with a split coefficient or dividend amount are
 * the ex-date itself.
 */
public final class SilverDailyBars {
  /** Daily-bar sources, most trusted first. */
  public static final List<String> SOURCE_PRIORITY =
      List.of("lean-daily", "alphavantage", "stooq-daily", "yahoo");

  /**
   * Corporate-action sources, most trusted first: Alpha Vantage states the declared dividend in
   * USD; Lean's are derived from 7-digit factors (about 0.0002 USD off).
   */
  public static final List<String> ACTION_SOURCE_PRIORITY = List.of("alpha-vantage", "lean");

  /** The candidate's source rank: 0 is the most trusted. */
  static final String PRIORITY = "priority";

  private SilverDailyBars() {}

  /**
   * Returns the silver daily bars, range-partitioned by symbol (each symbol's bars in one
   * partition) and sorted by symbol and trading date within partitions: the layout the lake's
   * tables are written in, so the caller can write it and derive per-symbol views from it without
   * another shuffle.
   *
   * <p>One sorted pass per symbol ({@link SymbolHistory}): the candidate bars of every source,
   * sorted by symbol, trading date and then preference, are read once; the first of each date is
   * chosen, then the symbol's actions (a broadcast of the few rows {@link #chosenActions} keeps)
   * are priced and multiplied into each bar from the latest date back, and the checks look at the
   * previous chosen bar. This replaces five full-history shuffles, two of them range joins of every
   * bar with every later action.
   *
   * @param bronzeBars {@code bronze.bars}
   * @param bronzeActions {@code bronze.corporate_actions}
   * @param runDate the last trading date included
   */
  public static Dataset<Row> build(
      Dataset<Row> bronzeBars, Dataset<Row> bronzeActions, LocalDate runDate) {
    Map<String, List<SymbolHistory.Action>> actions = new HashMap<>();
    for (Row row : chosenActions(bronzeActions).collectAsList()) {
      actions
          .computeIfAbsent(row.getString(0), symbol -> new ArrayList<>())
          .add(
              new SymbolHistory.Action(
                  row.<Date>getAs(BronzeColumns.EX_DATE).toLocalDate(),
                  "split".equals(row.getAs(BronzeColumns.ACTION_TYPE)),
                  row.<Double>getAs(BronzeColumns.VALUE)));
    }
    Broadcast<Map<String, List<SymbolHistory.Action>>> broadcast =
        JavaSparkContext.fromSparkContext(bronzeBars.sparkSession().sparkContext())
            .broadcast(actions);
    return candidates(bronzeBars, runDate)
        .repartitionByRange(col(BarColumns.SYMBOL))
        .sortWithinPartitions(
            col(BarColumns.SYMBOL),
            col(SilverColumns.TRADING_DATE),
            col(PRIORITY),
            col(BronzeColumns.INGESTED_AT).desc(),
            col(BronzeColumns.LINEAGE_LINE))
        .mapPartitions(new SymbolHistory.Pass(broadcast), Encoders.row(SilverColumns.BARS_DAILY));
  }

  /**
   * Daily bars up to the run date that may become a symbol's bar of their date: each vendor's daily
   * bar and each bar rolled up from intraday bars ({@link IntradayDailyBars}), with the trading
   * date, {@code derived_from} and the source's rank in {@link #SOURCE_PRIORITY} then {@link
   * IntradayDailyBars#SOURCES}.
   */
  static Dataset<Row> candidates(Dataset<Row> bronzeBars, LocalDate runDate) {
    List<String> sources = new ArrayList<>(SOURCE_PRIORITY);
    sources.addAll(IntradayDailyBars.SOURCES);
    Column priority = lit(sources.size());
    for (int i = sources.size() - 1; i >= 0; i--) {
      priority = when(col(BronzeColumns.SOURCE).equalTo(sources.get(i)), i).otherwise(priority);
    }
    return bronzeBars
        .filter(col(BarColumns.INTERVAL).equalTo(BarInterval.ONE_DAY.code()))
        .withColumn(SilverColumns.DERIVED_FROM, lit(SilverColumns.VENDOR_DAILY))
        .unionByName(
            IntradayDailyBars.fromBronze(bronzeBars)
                .withColumn(SilverColumns.DERIVED_FROM, lit(SilverColumns.INTRADAY)))
        .withColumn(SilverColumns.TRADING_DATE, tradingDate(col(BarColumns.BAR_START)))
        .filter(col(SilverColumns.TRADING_DATE).leq(lit(java.sql.Date.valueOf(runDate))))
        .withColumn(PRIORITY, priority);
  }

  /**
   * The actions that count, before the run's dates are known: of one symbol and ex-date only those
   * of the most trusted source ({@link #ACTION_SOURCE_PRIORITY}), one per type (the latest import).
   * Columns: symbol, ex_date, action_type, value. Small (a few per symbol and year), so the caller
   * collects it.
   */
  static Dataset<Row> chosenActions(Dataset<Row> bronzeActions) {
    Column sourceRank = lit(ACTION_SOURCE_PRIORITY.size());
    for (int i = ACTION_SOURCE_PRIORITY.size() - 1; i >= 0; i--) {
      sourceRank =
          when(col(BronzeColumns.SOURCE).equalTo(ACTION_SOURCE_PRIORITY.get(i)), i)
              .otherwise(sourceRank);
    }
    return bronzeActions
        .withColumn("source_rank", sourceRank)
        .withColumn(
            "best_rank",
            min(col("source_rank"))
                .over(Window.partitionBy(BarColumns.SYMBOL, BronzeColumns.EX_DATE)))
        .filter(col("source_rank").equalTo(col("best_rank")))
        .withColumn(
            "choice",
            row_number()
                .over(
                    Window.partitionBy(
                            BarColumns.SYMBOL, BronzeColumns.EX_DATE, BronzeColumns.ACTION_TYPE)
                        .orderBy(
                            col(BronzeColumns.INGESTED_AT).desc(),
                            col(BronzeColumns.LINEAGE_FILE),
                            col(BronzeColumns.LINEAGE_LINE))))
        .filter(col("choice").equalTo(1))
        .select(
            col(BarColumns.SYMBOL),
            col(BronzeColumns.EX_DATE),
            col(BronzeColumns.ACTION_TYPE),
            col(BronzeColumns.VALUE));
  }

  /** The America/New_York date of an instant. */
  static Column tradingDate(Column instant) {
    return to_date(from_utc_timestamp(instant, MarketTime.MARKET_ZONE.getId()));
  }
}
