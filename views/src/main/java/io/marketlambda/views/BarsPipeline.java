package io.marketlambda.views;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.from_utc_timestamp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_utc_timestamp;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.window;

import io.marketlambda.core.config.ConfigKey;
import io.marketlambda.core.model.AuctionPrint;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.MarketTime;
import io.marketlambda.core.model.SaleCondition;
import io.marketlambda.core.model.SaleConditionRules;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * Bars from trades: the one definition of an OHLCV bar, for the speed layer's streaming quotes and
 * the batch layer's static ones.
 *
 * <p>Per symbol and bar, by each trade's sale conditions ({@link SaleCondition}, the tape's
 * eligibility table, as {@link io.marketlambda.core.model.BarBuilder} applies it): open and close
 * are the prices of the first and last trade by (event time, sequence) that may set the last sale
 * (else of those that may set high and low, else of all); high and low the extreme prices of the
 * trades that may set them (else of all); volume the sum of sizes of the trades that count in
 * volume; VWAP {@code Σ(price × size) / Σ size} over those (the standard definition, e.g.
 * Berkowitz, Logue and Noser, "The Total Cost of Transactions on the NYSE", Journal of Finance
 * 43(1), 1988), or the typical price {@code (high + low + close) / 3} when the volume is 0; trade
 * count the number of trades, every print counted. The listing market's auction prints are placed
 * as {@link AuctionPrint} says: the opening one is the open of its minute (and of a coarser bar
 * whose first trade that may set the last sale is in that minute), the closing one reported within
 * minutes of the close belongs to the session's last minute.
 *
 * <p>Bars are labelled by their start ({@link BarInterval#startOf}): intraday bars on the UTC clock
 * (1m, 5m, 15m and 1h boundaries are the same in New York, whose offset is whole hours); daily,
 * weekly (Monday) and monthly bars at midnight America/New_York. Intraday bars group by Spark's
 * {@code window} over each trade's bar time (its event time, or the placed time of a closing
 * auction print), not over {@code event_time} itself: a streaming query of it runs in complete or
 * update mode, as Spark cannot tie the windows to a watermark (the speed layer keeps its own
 * per-symbol state instead, {@code SymbolViews}; the batch layer runs it on static data).
 */
public final class BarsPipeline {
  /**
   * Sale conditions whose trades set no price in either layer's bars, beyond the tape's table
   * ({@link SaleConditionRules}); one setting for both layers, so that their bars stay equal.
   */
  public static final ConfigKey<SaleConditionRules> PRICE_EXCLUDED_CONDITIONS =
      ConfigKey.parsed(
          "bars.price-excluded-conditions",
          SaleConditionRules.TAPE,
          "none, or sale conditions by wire name separated by commas (e.g. intermarket-sweep)",
          SaleConditionRules::parse,
          "Sale conditions whose trades set no price (open, high, low, close) in either layer's"
              + " bars, beyond the tape's table; their volume counts. none = the consolidated"
              + " tape's rules; intermarket-sweep reproduces Lean's (AlgoSeek's) minute bars");

  private static final String WINDOW = "window";

  /** {@link AuctionPrint#barMillis} of a closing auction print, on Spark timestamps. */
  private static final UserDefinedFunction CLOSING_PRINT_BAR_TIME =
      udf(
              (UDF1<Object, Timestamp>)
                  time -> {
                    long millis =
                        time instanceof Instant instant
                            ? instant.toEpochMilli()
                            : ((Timestamp) time).getTime();
                    return new Timestamp(AuctionPrint.CLOSING.barMillis(millis));
                  },
              DataTypes.TimestampType)
          .asNonNullable();

  private BarsPipeline() {}

  /**
   * Returns the bars of one interval under the tape's rules.
   *
   * @param quotes a static or streaming Dataset with {@link QuoteColumns}
   * @return a Dataset with {@link BarColumns}, one row per symbol and bar start
   * @throws IllegalStateException when the session time zone is not UTC
   */
  public static Dataset<Row> fromQuotes(Dataset<Row> quotes, BarInterval interval) {
    return fromQuotes(quotes, interval, SaleConditionRules.TAPE);
  }

  /**
   * Returns the bars of one interval.
   *
   * @param quotes a static or streaming Dataset with {@link QuoteColumns}
   * @param rules what a trade of each sale condition updates ({@link #PRICE_EXCLUDED_CONDITIONS})
   * @return a Dataset with {@link BarColumns}, one row per symbol and bar start
   * @throws IllegalStateException when the session time zone is not UTC
   */
  public static Dataset<Row> fromQuotes(
      Dataset<Row> quotes, BarInterval interval, SaleConditionRules rules) {
    requireUtcSession(quotes.sparkSession());
    Column ordering = struct(col(QuoteColumns.EVENT_TIME), col(QuoteColumns.SEQUENCE));
    Column price = col(QuoteColumns.PRICE_USD);
    Column size = col(QuoteColumns.SIZE_SHARES);
    // A row without the column's value (a file written before it existed) is a regular sale.
    Column conditions = coalesce(col(QuoteColumns.SALE_CONDITIONS), lit(0L));
    // The tape's eligibility table (SaleCondition) under the rules: a trade updates a value when
    // none of its conditions bars it. Null orderings and prices are skipped by min_by/max_by and
    // min/max.
    Column setsLast = conditions.bitwiseAND(rules.barringLast()).equalTo(0);
    Column setsHighLow = conditions.bitwiseAND(rules.barringHighLow()).equalTo(0);
    Column countsVolume = conditions.bitwiseAND(rules.barringVolume()).equalTo(0);
    // The listing market's auction prints (AuctionPrint): the opening one is the bar's open, the
    // closing one reported just after the close belongs to the session's last minute.
    Column exchange = col(QuoteColumns.EXCHANGE);
    Column fromListing =
        exchange.isNotNull().and(exchange.equalTo(col(QuoteColumns.LISTING_EXCHANGE)));
    Column opening =
        fromListing.and(conditions.bitwiseAND(SaleCondition.OPENING_PRINT.mask()).notEqual(0));
    Column closing =
        fromListing
            .and(not(opening))
            .and(conditions.bitwiseAND(SaleCondition.CLOSING_PRINT.mask()).notEqual(0));
    Column barTime =
        when(closing, CLOSING_PRINT_BAR_TIME.apply(col(QuoteColumns.EVENT_TIME)))
            .otherwise(col(QuoteColumns.EVENT_TIME));
    Column lastOrdering = when(setsLast, ordering);
    Column highLowOrdering = when(setsHighLow, ordering);
    Column highLowPrice = when(setsHighLow, price);
    Column[] aggregates = {
      coalesce(
              // The opening auction, when it is in the minute of the first trade that may set the
              // last sale (BarBuilder: a coarser bar opens as its 1-minute bars roll up).
              when(
                  date_trunc(
                          "minute", min(when(opening.and(setsLast), col(QuoteColumns.EVENT_TIME))))
                      .equalTo(
                          date_trunc("minute", min(when(setsLast, col(QuoteColumns.EVENT_TIME))))),
                  min_by(price, when(opening.and(setsLast), ordering))),
              min_by(price, lastOrdering),
              min_by(price, highLowOrdering),
              min_by(price, ordering))
          .as(BarColumns.OPEN_USD),
      coalesce(max(highLowPrice), max(price)).as(BarColumns.HIGH_USD),
      coalesce(min(highLowPrice), min(price)).as(BarColumns.LOW_USD),
      coalesce(max_by(price, lastOrdering), max_by(price, highLowOrdering), max_by(price, ordering))
          .as(BarColumns.CLOSE_USD),
      sum(when(countsVolume, size).otherwise(0L)).cast("double").as(BarColumns.VOLUME_SHARES),
      sum(when(countsVolume, price.multiply(size)).otherwise(0.0)).as("notional_usd"),
      count(lit(1)).as(BarColumns.TRADE_COUNT)
    };
    Dataset<Row> grouped =
        interval.isIntraday()
            ? quotes
                .groupBy(col(QuoteColumns.SYMBOL), window(barTime, duration(interval)).as(WINDOW))
                .agg(aggregates[0], Arrays.copyOfRange(aggregates, 1, aggregates.length))
                .withColumn(BarColumns.BAR_START, col(WINDOW + ".start"))
            : quotes
                .groupBy(
                    col(QuoteColumns.SYMBOL),
                    calendarStart(interval, barTime).as(BarColumns.BAR_START))
                .agg(aggregates[0], Arrays.copyOfRange(aggregates, 1, aggregates.length));
    return finish(grouped, interval);
  }

  /** VWAP (or the typical price without volume), the interval, and the columns in order. */
  private static Dataset<Row> finish(Dataset<Row> grouped, BarInterval interval) {
    Column volume = col(BarColumns.VOLUME_SHARES);
    Column typicalPrice =
        col(BarColumns.HIGH_USD)
            .plus(col(BarColumns.LOW_USD))
            .plus(col(BarColumns.CLOSE_USD))
            .divide(3);
    return grouped.select(
        col(BarColumns.SYMBOL),
        lit(interval.code()).as(BarColumns.INTERVAL),
        col(BarColumns.BAR_START),
        col(BarColumns.OPEN_USD),
        col(BarColumns.HIGH_USD),
        col(BarColumns.LOW_USD),
        col(BarColumns.CLOSE_USD),
        volume,
        when(volume.gt(0), col("notional_usd").divide(volume))
            .otherwise(typicalPrice)
            .as(BarColumns.VWAP_USD),
        col(BarColumns.TRADE_COUNT).cast("long").as(BarColumns.TRADE_COUNT));
  }

  /**
   * Rolls bars up into bars of a longer interval: open of the first bar and close of the last (by
   * bar start), the extreme high and low, summed volume and trade count, and VWAP weighted by
   * volume ({@code Σ(vwap × volume) / Σ volume}, which equals the VWAP of the underlying trades),
   * or the typical price when the volume is 0. Equal to {@link #fromQuotes} on the same trades
   * whenever each finer bar nests in one coarser bar (1m into 5m, 15m, 1h; 1d into 1w and 1mo) and
   * has a trade that may set the last sale: a finer bar that took its prices from all its trades
   * (only Form T prints, say) passes them on, where {@link #fromQuotes} over the coarser interval
   * would not use them (the speed layer rolls up its own minutes trade by trade).
   *
   * @param bars a static or streaming Dataset with {@link BarColumns}, all of one interval that
   *     nests in {@code interval}
   * @return a Dataset with {@link BarColumns}, one row per symbol and bar of {@code interval}
   * @throws IllegalStateException when the session time zone is not UTC
   */
  public static Dataset<Row> rollUp(Dataset<Row> bars, BarInterval interval) {
    requireUtcSession(bars.sparkSession());
    Column start = col(BarColumns.BAR_START);
    Column volume = col(BarColumns.VOLUME_SHARES);
    Column[] aggregates = {
      min_by(col(BarColumns.OPEN_USD), start).as(BarColumns.OPEN_USD),
      max(BarColumns.HIGH_USD).as(BarColumns.HIGH_USD),
      min(BarColumns.LOW_USD).as(BarColumns.LOW_USD),
      max_by(col(BarColumns.CLOSE_USD), start).as(BarColumns.CLOSE_USD),
      sum(volume).as(BarColumns.VOLUME_SHARES),
      sum(col(BarColumns.VWAP_USD).multiply(volume)).as("notional_usd"),
      sum(BarColumns.TRADE_COUNT).as(BarColumns.TRADE_COUNT)
    };
    Column coarseStart =
        interval.isIntraday()
            ? window(start, duration(interval)).getField("start")
            : calendarStart(interval, start);
    Dataset<Row> grouped =
        bars.groupBy(col(BarColumns.SYMBOL), coarseStart.as(BarColumns.BAR_START))
            .agg(aggregates[0], Arrays.copyOfRange(aggregates, 1, aggregates.length));
    return finish(grouped, interval);
  }

  /** Spark's duration string of an intraday interval, e.g. {@code 300 seconds}. */
  private static String duration(BarInterval interval) {
    return interval.fixedLength().orElseThrow().toSeconds() + " seconds";
  }

  /** Midnight America/New_York of the event's day, Monday or first of the month. */
  private static Column calendarStart(BarInterval interval, Column instant) {
    String unit =
        switch (interval) {
          case ONE_DAY -> "day";
          case ONE_WEEK -> "week";
          case ONE_MONTH -> "month";
          default -> throw new IllegalArgumentException("Cannot make calendar bars of " + interval);
        };
    String zone = MarketTime.MARKET_ZONE.getId();
    return to_utc_timestamp(date_trunc(unit, from_utc_timestamp(instant, zone)), zone);
  }

  static void requireUtcSession(SparkSession spark) {
    String zone = spark.conf().get("spark.sql.session.timeZone");
    if (!zone.equals("UTC") && !zone.equals("Etc/UTC") && !zone.equals("Z")) {
      throw new IllegalStateException(
          "Cannot compute views with spark.sql.session.timeZone="
              + zone
              + ": set it to UTC (bars and trading dates are computed from instants)");
    }
  }
}
