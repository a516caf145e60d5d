package io.marketlambda.batch.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.from_utc_timestamp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;

import io.marketlambda.batch.bronze.BronzeColumns;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.MarketTime;
import io.marketlambda.views.BarColumns;
import io.marketlambda.views.BarsPipeline;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Daily bars derived from intraday bars (those of {@code bronze.bars} and the one-minute bars of
 * the landed quotes, {@link SilverQuotes}): per intraday source, symbol and America/New_York
 * trading date, the bars of the regular session (bar start from 09:30 inclusive to 16:00 exclusive,
 * New York time, {@link MarketTime#REGULAR_OPEN} and {@link MarketTime#REGULAR_CLOSE}: pre-market
 * and after-hours bars are left out) rolled up by {@link BarsPipeline#rollUp} into one 1d bar, the
 * same definition the speed layer uses for its bars: open of the first bar, close of the last,
 * extreme high and low, summed volume and trade count, volume-weighted VWAP.
 *
 * <p>An intraday bar imported twice (same source, symbol, interval and start, from two files)
 * counts once: the latest import. Sources are rolled up separately (a 1-minute and a 5-minute
 * history of the same day are never mixed); {@link SilverDailyBars} picks one per date.
 */
final class IntradayDailyBars {
  /** Intraday sources, most trusted first; bars of other sources are not rolled up. */
  static final List<String> SOURCES = List.of("lean-minute", "stooq-5min", SilverQuotes.SOURCE);

  private IntradayDailyBars() {}

  /**
   * Returns rows of {@link BronzeColumns#BARS}, interval 1d, one per intraday source, symbol and
   * trading date with at least one regular-session bar; {@code ingested_at} is the latest of the
   * bars', {@code lineage_file} is empty and {@code lineage_line} 0 (the bar has many lines).
   */
  static Dataset<Row> fromBronze(Dataset<Row> bronzeBars) {
    Column newYork = from_utc_timestamp(col(BarColumns.BAR_START), MarketTime.MARKET_ZONE.getId());
    Column timeOfDay = date_format(newYork, "HH:mm");
    Dataset<Row> regular =
        bronzeBars
            .filter(col(BarColumns.INTERVAL).notEqual(BarInterval.ONE_DAY.code()))
            .filter(col(BronzeColumns.SOURCE).isin(SOURCES.toArray()))
            .filter(
                timeOfDay
                    .geq(MarketTime.REGULAR_OPEN.toString())
                    .and(timeOfDay.lt(MarketTime.REGULAR_CLOSE.toString())))
            .withColumn(
                "copy",
                row_number()
                    .over(
                        Window.partitionBy(
                                BronzeColumns.SOURCE,
                                BarColumns.SYMBOL,
                                BarColumns.INTERVAL,
                                BarColumns.BAR_START)
                            .orderBy(
                                col(BronzeColumns.INGESTED_AT).desc(),
                                col(BronzeColumns.LINEAGE_FILE),
                                col(BronzeColumns.LINEAGE_LINE))))
            .filter(col("copy").equalTo(1));
    Dataset<Row> daily = null;
    for (String source : SOURCES) {
      Dataset<Row> ofSource = regular.filter(col(BronzeColumns.SOURCE).equalTo(source));
      Dataset<Row> ingested =
          ofSource
              .groupBy(
                  col(BarColumns.SYMBOL).as("i_symbol"),
                  SilverDailyBars.tradingDate(col(BarColumns.BAR_START)).as("i_date"))
              .agg(max(BronzeColumns.INGESTED_AT).as("i_at"));
      Dataset<Row> rolled =
          BarsPipeline.rollUp(ofSource.select(barColumns()), BarInterval.ONE_DAY)
              .join(
                  ingested,
                  col(BarColumns.SYMBOL)
                      .equalTo(col("i_symbol"))
                      .and(
                          SilverDailyBars.tradingDate(col(BarColumns.BAR_START))
                              .equalTo(col("i_date"))))
              .select(asBronzeBars(source, col("i_at")));
      daily = daily == null ? rolled : daily.unionByName(rolled);
    }
    return daily;
  }

  /**
   * The columns of {@link BronzeColumns#BARS} for bars made here rather than imported: the {@link
   * BarColumns}, the source, {@code ingestedAt}, an empty lineage_file and lineage_line 0.
   */
  static Column[] asBronzeBars(String source, Column ingestedAt) {
    return Stream.concat(
            Arrays.stream(barColumns()),
            Stream.of(
                lit(source).as(BronzeColumns.SOURCE),
                ingestedAt.as(BronzeColumns.INGESTED_AT),
                lit("").as(BronzeColumns.LINEAGE_FILE),
                lit(0L).as(BronzeColumns.LINEAGE_LINE)))
        .toArray(Column[]::new);
  }

  private static Column[] barColumns() {
    return Arrays.stream(BarColumns.SCHEMA.fieldNames())
        .map(name -> col(name))
        .toArray(Column[]::new);
  }
}
