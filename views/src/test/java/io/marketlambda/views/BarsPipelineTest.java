package io.marketlambda.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.marketlambda.core.model.BarInterval;
import io.marketlambda.testing.LeanTradeTicks;
import io.marketlambda.testing.LeanTradeTicks.TradeBar;
import io.marketlambda.testing.LocalSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Bars of the real IBM trades of 2013-10-07, checked against bars computed here, trade by trade,
 * without Spark.
 */
class BarsPipelineTest {
  private static final LeanTradeTicks IBM = LeanTradeTicks.read("IBM");
  private final SparkSession spark = LocalSpark.session();

  @ParameterizedTest
  @EnumSource(
      value = BarInterval.class,
      names = {"ONE_MINUTE", "FIVE_MINUTES", "FIFTEEN_MINUTES", "ONE_HOUR"})
  void intradayBarsMatchBarsComputedTradeByTrade(BarInterval interval) {
    List<Row> bars = sorted(BarsPipeline.fromQuotes(quotes(), interval));

    List<TradeBar> expected = IBM.bars(interval.fixedLength().orElseThrow());
    assertThat(bars).hasSize(expected.size());
    for (int i = 0; i < bars.size(); i++) {
      assertBar(bars.get(i), expected.get(i), interval.code());
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = BarInterval.class,
      names = {"FIVE_MINUTES", "FIFTEEN_MINUTES", "ONE_HOUR"})
  void barsRolledUpFromMinuteBarsMatchBarsComputedTradeByTrade(BarInterval interval) {
    Dataset<Row> minutes = BarsPipeline.fromQuotes(quotes(), BarInterval.ONE_MINUTE);

    List<Row> bars = sorted(BarsPipeline.rollUp(minutes, interval));

    List<TradeBar> expected = IBM.bars(interval.fixedLength().orElseThrow());
    assertThat(bars).hasSize(expected.size());
    for (int i = 0; i < bars.size(); i++) {
      assertBar(bars.get(i), expected.get(i), interval.code());
    }
  }

  @Test
  void aDailyBarStartsAtMidnightNewYorkAndHoldsTheWholeDay() {
    List<Row> bars = sorted(BarsPipeline.fromQuotes(quotes(), BarInterval.ONE_DAY));

    // 2013-10-07 00:00 EDT = 04:00Z; every trade, 04:00 to 20:00 New York, is in it.
    assertThat(bars).singleElement().satisfies(bar -> assertBar(bar, dayOf(IBM.ticks()), "1d"));
    assertThat(bars.get(0).<Timestamp>getAs(BarColumns.BAR_START).toInstant())
        .isEqualTo(Instant.parse("2013-10-07T04:00:00Z"));
  }

  @Test
  void aStreamingQueryComputesTheSameBarsAsAStaticOne(@TempDir Path directory) throws Exception {
    Path input = Files.createDirectories(directory.resolve("quotes"));
    quotes().write().json(input.resolve("part").toString());
    Dataset<Row> stream =
        spark.readStream().schema(QuoteColumns.SCHEMA).json(input.resolve("part").toString());

    StreamingQuery query =
        BarsPipeline.fromQuotes(stream, BarInterval.FIVE_MINUTES)
            .writeStream()
            .format("memory")
            .queryName("bars_5m")
            .outputMode("complete")
            .option("checkpointLocation", directory.resolve("checkpoint").toString())
            .trigger(Trigger.AvailableNow())
            .start();
    query.awaitTermination();

    assertThat(sorted(spark.table("bars_5m")))
        .isEqualTo(sorted(BarsPipeline.fromQuotes(quotes(), BarInterval.FIVE_MINUTES)));
  }

  @Test
  void theListingMarketsAuctionsAreTheOfficialOpenAndCloseAsInTheSpeedLayer() {
    // NYSE opens IBM late, at 09:31:05, after Arca traded from 09:30:01; Nasdaq's own opening print
    // is an ordinary trade; NYSE's closing print comes at 16:01:04.
    List<Row> trades =
        List.of(
            trade("2013-10-07T13:30:01Z", 1, 100.00, "P", 0x1, "N"),
            trade("2013-10-07T13:31:02Z", 2, 100.80, "Q", 0x40, "N"),
            trade("2013-10-07T13:31:05Z", 3, 101.00, "N", 0x40, "N"),
            trade("2013-10-07T13:31:40Z", 4, 101.20, "P", 0x1, "N"),
            trade("2013-10-07T19:59:30Z", 5, 102.00, "P", 0x1, "N"),
            trade("2013-10-07T20:01:04Z", 6, 102.10, "N", 0x80, "N"),
            trade("2013-10-07T20:01:30Z", 7, 102.30, "P", 0x2000, "N"));
    Dataset<Row> quotes = spark.createDataFrame(trades, QuoteColumns.SCHEMA);

    List<Row> minutes = sorted(BarsPipeline.fromQuotes(quotes, BarInterval.ONE_MINUTE));
    List<Row> fiveMinutes = sorted(BarsPipeline.fromQuotes(quotes, BarInterval.FIVE_MINUTES));

    assertThat(minutes)
        .extracting(row -> row.getTimestamp(2).toInstant().toString(), row -> row.getDouble(3))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("2013-10-07T13:30:00Z", 100.00),
            org.assertj.core.groups.Tuple.tuple("2013-10-07T13:31:00Z", 101.00),
            org.assertj.core.groups.Tuple.tuple("2013-10-07T19:59:00Z", 102.00),
            org.assertj.core.groups.Tuple.tuple("2013-10-07T20:01:00Z", 102.30));
    Row lastMinute = minutes.get(2);
    assertThat(lastMinute.getDouble(6)).as("close: the closing print").isEqualTo(102.10);
    assertThat(lastMinute.getDouble(7)).as("volume").isEqualTo(200);
    assertThat(fiveMinutes.get(0).getDouble(3))
        .as("the 09:30 5m bar opens as its minutes roll up, not at the delayed auction")
        .isEqualTo(100.00);
  }

  private static Row trade(
      String time, long sequence, double price, String exchange, long conditions, String listing) {
    return org.apache.spark.sql.RowFactory.create(
        "IBM",
        Timestamp.from(Instant.parse(time)),
        price,
        100L,
        "lean-tick",
        sequence,
        exchange,
        conditions,
        listing);
  }

  @Test
  void refusesASessionThatIsNotUtc() {
    SparkSession newYork = spark.newSession();
    newYork.conf().set("spark.sql.session.timeZone", "America/New_York");
    Dataset<Row> quotes = newYork.createDataFrame(rows(IBM).subList(0, 1), QuoteColumns.SCHEMA);

    assertThatThrownBy(() -> BarsPipeline.fromQuotes(quotes, BarInterval.ONE_MINUTE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("spark.sql.session.timeZone=America/New_York");
  }

  private Dataset<Row> quotes() {
    return spark.createDataFrame(rows(IBM), QuoteColumns.SCHEMA);
  }

  /**
   * Real trades as rows of {@link QuoteColumns}, taken as regular sales (no exchange, no sale
   * condition); {@link RollUpParityTest} reads them too.
   */
  static List<Row> rows(LeanTradeTicks ticks) {
    return ticks.ticks().stream()
        .map(
            tick ->
                org.apache.spark.sql.RowFactory.create(
                    ticks.symbol(),
                    Timestamp.from(tick.time()),
                    tick.priceUsd(),
                    tick.size(),
                    "lean-tick",
                    tick.line(),
                    null,
                    0L,
                    null))
        .toList();
  }

  private static List<Row> sorted(Dataset<Row> bars) {
    return bars.select(
            BarColumns.SCHEMA.fieldNames()[0],
            java.util.Arrays.copyOfRange(BarColumns.SCHEMA.fieldNames(), 1, 10))
        .orderBy(BarColumns.SYMBOL, BarColumns.BAR_START)
        .collectAsList();
  }

  private static void assertBar(Row bar, TradeBar expected, String interval) {
    assertThat(bar.<String>getAs(BarColumns.SYMBOL)).isEqualTo("IBM");
    assertThat(bar.<String>getAs(BarColumns.INTERVAL)).isEqualTo(interval);
    assertThat(bar.<Timestamp>getAs(BarColumns.BAR_START).toInstant()).isEqualTo(expected.start());
    assertThat(bar.<Double>getAs(BarColumns.OPEN_USD)).isEqualTo(expected.open());
    assertThat(bar.<Double>getAs(BarColumns.HIGH_USD)).isEqualTo(expected.high());
    assertThat(bar.<Double>getAs(BarColumns.LOW_USD)).isEqualTo(expected.low());
    assertThat(bar.<Double>getAs(BarColumns.CLOSE_USD)).isEqualTo(expected.close());
    assertThat(bar.<Double>getAs(BarColumns.VOLUME_SHARES)).isEqualTo((double) expected.volume());
    assertThat(bar.<Double>getAs(BarColumns.VWAP_USD)).isCloseTo(expected.vwap(), within(1e-9));
    assertThat(bar.<Long>getAs(BarColumns.TRADE_COUNT)).isEqualTo(expected.trades());
  }

  private static TradeBar dayOf(List<LeanTradeTicks.Tick> ticks) {
    return TradeBar.of(Instant.parse("2013-10-07T04:00:00Z"), ticks);
  }
}
