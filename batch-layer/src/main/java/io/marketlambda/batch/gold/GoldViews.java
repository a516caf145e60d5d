package io.marketlambda.batch.gold;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.marketlambda.batch.bronze.BronzeColumns;
import io.marketlambda.batch.silver.SilverColumns;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.views.BarColumns;
import io.marketlambda.views.BarsPipeline;
import io.marketlambda.views.DailyIndicatorColumns;
import io.marketlambda.views.DailyIndicators;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The batch views (gold), each a function of silver:
 *
 * <ul>
 *   <li>{@code gold.bars_daily}: {@link BarColumns} with adjusted prices and volume (the prices
 *       users chart and the serving layer merges with today's raw realtime bars: they are equal for
 *       the latest dates), plus {@code trading_date}, {@code raw_close_usd}, {@code adj_factor},
 *       {@code dq_score}, {@code source} and {@code derived_from} (vendor-daily or intraday, see
 *       {@link io.marketlambda.batch.silver.SilverDailyBars});
 *   <li>{@code gold.bars_weekly}, {@code gold.bars_monthly}: {@link BarColumns}, daily bars rolled
 *       up by {@link BarsPipeline#rollUp} (Monday weeks and calendar months, New York time);
 *   <li>{@code gold.indicators_daily}: {@link DailyIndicatorColumns} on the adjusted daily bars;
 *   <li>{@code gold.top_movers}: per trading date, the {@code n} largest gainers and losers by
 *       {@code change_1d}: trading_date, direction (gainer, loser), rank (1 = largest move),
 *       symbol, close_usd, change_1d, volume_shares;
 *   <li>{@code gold.volatility_leaders}: per trading date, the {@code n} symbols with the highest
 *       {@code volatility_20d}: trading_date, rank, symbol, volatility_20d, close_usd;
 *   <li>{@code gold.sector_summary}: per trading date and GICS sector (from {@code bronze.symbols},
 *       its latest import of each symbol): trading_date, sector, symbols (with a daily change),
 *       advancers, decliners, mean_change_1d and median_change_1d (fractions), dollar_volume_usd
 *       ({@code Σ close × volume}, adjusted).
 * </ul>
 */
public final class GoldViews {
  public static final String RAW_CLOSE_USD = "raw_close_usd";
  public static final String DIRECTION = "direction";
  public static final String RANK = "rank";

  private GoldViews() {}

  /** {@code gold.bars_daily} from {@code silver.bars_daily}. */
  public static Dataset<Row> dailyBars(Dataset<Row> silver) {
    return silver.select(
        col(BarColumns.SYMBOL),
        col(BarColumns.INTERVAL),
        col(BarColumns.BAR_START),
        col(SilverColumns.ADJ_OPEN_USD).as(BarColumns.OPEN_USD),
        col(SilverColumns.ADJ_HIGH_USD).as(BarColumns.HIGH_USD),
        col(SilverColumns.ADJ_LOW_USD).as(BarColumns.LOW_USD),
        col(SilverColumns.ADJ_CLOSE_USD).as(BarColumns.CLOSE_USD),
        col(SilverColumns.ADJ_VOLUME_SHARES).as(BarColumns.VOLUME_SHARES),
        col(SilverColumns.ADJ_VWAP_USD).as(BarColumns.VWAP_USD),
        col(BarColumns.TRADE_COUNT),
        col(SilverColumns.TRADING_DATE),
        col(BarColumns.CLOSE_USD).as(RAW_CLOSE_USD),
        col(SilverColumns.ADJ_FACTOR),
        col(SilverColumns.DQ_SCORE),
        col(SilverColumns.SOURCE),
        col(SilverColumns.DERIVED_FROM));
  }

  /** Weekly or monthly bars ({@link BarColumns}) rolled up from {@code gold.bars_daily}. */
  public static Dataset<Row> rolledUp(Dataset<Row> dailyBars, BarInterval interval) {
    return BarsPipeline.rollUp(
        dailyBars.select(
            BarColumns.SCHEMA.fieldNames()[0],
            java.util.Arrays.copyOfRange(
                BarColumns.SCHEMA.fieldNames(), 1, BarColumns.SCHEMA.fieldNames().length)),
        interval);
  }

  /**
   * {@code gold.indicators_daily} from {@code gold.bars_daily} laid out as {@link
   * io.marketlambda.batch.silver.SilverDailyBars#build} lays out silver (each symbol in one
   * partition, ascending): one pass, and the output keeps that layout ({@link
   * DailyIndicators#fromClusteredBars}).
   */
  public static Dataset<Row> indicators(Dataset<Row> dailyBars) {
    return DailyIndicators.fromClusteredBars(dailyBars);
  }

  /**
   * {@link #indicators} with each bar's {@code volume_shares} after the indicator columns: the
   * input of the rankings and the sector summary, which need the day's volume beside its change.
   * Write {@code gold.indicators_daily} as {@link #withoutVolume} of it.
   */
  public static Dataset<Row> indicatorsWithVolume(Dataset<Row> dailyBars) {
    return DailyIndicators.fromClusteredBars(dailyBars, BarColumns.VOLUME_SHARES);
  }

  /** {@code gold.indicators_daily} from {@link #indicatorsWithVolume}: a projection. */
  public static Dataset<Row> withoutVolume(Dataset<Row> indicatorsWithVolume) {
    return indicatorsWithVolume.drop(BarColumns.VOLUME_SHARES);
  }

  /**
   * {@code gold.top_movers}: the {@code n} largest gainers and losers of each trading date.
   *
   * @param indicators {@link #indicatorsWithVolume}
   */
  public static Dataset<Row> topMovers(Dataset<Row> indicators, int n) {
    Dataset<Row> moves = indicators.filter(col(DailyIndicatorColumns.CHANGE_1D).isNotNull());
    return ranked(moves, col(DailyIndicatorColumns.CHANGE_1D).desc(), n, "gainer")
        .filter(col(DailyIndicatorColumns.CHANGE_1D).gt(0))
        .unionByName(
            ranked(moves, col(DailyIndicatorColumns.CHANGE_1D).asc(), n, "loser")
                .filter(col(DailyIndicatorColumns.CHANGE_1D).lt(0)))
        .select(
            col(SilverColumns.TRADING_DATE),
            col(DIRECTION),
            col(RANK),
            col(BarColumns.SYMBOL),
            col(DailyIndicatorColumns.CLOSE_USD),
            col(DailyIndicatorColumns.CHANGE_1D),
            col(BarColumns.VOLUME_SHARES));
  }

  /** {@code gold.volatility_leaders}: the {@code n} most volatile symbols of each date. */
  public static Dataset<Row> volatilityLeaders(Dataset<Row> indicators, int n) {
    return indicators
        .filter(col(DailyIndicatorColumns.VOLATILITY_20D).isNotNull())
        .withColumn(
            RANK,
            row_number()
                .over(
                    Window.partitionBy(DailyIndicatorColumns.TRADING_DATE)
                        .orderBy(
                            col(DailyIndicatorColumns.VOLATILITY_20D).desc(),
                            col(BarColumns.SYMBOL))))
        .filter(col(RANK).leq(n))
        .select(
            col(DailyIndicatorColumns.TRADING_DATE),
            col(RANK),
            col(BarColumns.SYMBOL),
            col(DailyIndicatorColumns.VOLATILITY_20D),
            col(DailyIndicatorColumns.CLOSE_USD));
  }

  /**
   * {@code gold.sector_summary} of the symbols {@code bronze.symbols} gives a sector.
   *
   * @param indicators {@link #indicatorsWithVolume}
   */
  public static Dataset<Row> sectorSummary(Dataset<Row> indicators, Dataset<Row> bronzeSymbols) {
    Dataset<Row> sectors =
        bronzeSymbols
            .filter(col(BronzeColumns.SECTOR).isNotNull())
            .withColumn(
                "latest",
                row_number()
                    .over(
                        Window.partitionBy(BarColumns.SYMBOL)
                            .orderBy(
                                col(BronzeColumns.INGESTED_AT).desc(),
                                col(BronzeColumns.LINEAGE_LINE))))
            .filter(col("latest").equalTo(1))
            .select(col(BarColumns.SYMBOL), col(BronzeColumns.SECTOR));
    Column change = col(DailyIndicatorColumns.CHANGE_1D);
    return indicators
        .filter(change.isNotNull())
        .join(sectors, BarColumns.SYMBOL)
        .groupBy(col(SilverColumns.TRADING_DATE), col(BronzeColumns.SECTOR))
        .agg(
            count(lit(1)).as("symbols"),
            sum(when(change.gt(0), 1).otherwise(0)).as("advancers"),
            sum(when(change.lt(0), 1).otherwise(0)).as("decliners"),
            avg(change).as("mean_change_1d"),
            expr("percentile(change_1d, 0.5)").as("median_change_1d"),
            sum(col(DailyIndicatorColumns.CLOSE_USD).multiply(col(BarColumns.VOLUME_SHARES)))
                .as("dollar_volume_usd"));
  }

  private static Dataset<Row> ranked(Dataset<Row> moves, Column order, int n, String direction) {
    return moves
        .withColumn(
            RANK,
            row_number()
                .over(
                    Window.partitionBy(SilverColumns.TRADING_DATE)
                        .orderBy(order, col(BarColumns.SYMBOL))))
        .filter(col(RANK).leq(n))
        .withColumn(DIRECTION, lit(direction));
  }
}
