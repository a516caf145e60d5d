package io.marketlambda.batch.silver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.marketlambda.batch.LeanDaily;
import io.marketlambda.batch.bronze.BronzeColumns;
import io.marketlambda.testing.LocalSpark;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * AAPL's real raw daily prices (Lean) with its real splits, 7:1 effective 2014-06-09 and 4:1
 * effective 2020-08-31, and its real cash dividend of 0.82 USD, ex-date 2020-08-07: the adjusted
 * series has no jump across the splits, the raw one does; expected values are worked out here from
 * the file.
 */
class SilverDailyBarsTest {
  private static final SparkSession spark = LocalSpark.session();
  private static final LeanDaily AAPL = LeanDaily.read("AAPL");
  private static final LocalDate FIRST_SPLIT = LocalDate.of(2014, 6, 9);
  private static final LocalDate SECOND_SPLIT = LocalDate.of(2020, 8, 31);
  private static final LocalDate DIVIDEND = LocalDate.of(2020, 8, 7);
  private static Map<LocalDate, Row> silver;

  @BeforeAll
  static void build() {
    List<Row> bars = new ArrayList<>(AAPL.bronzeRows());
    // The same day again from another source: Lean wins.
    Row duplicate = bars.get(100);
    bars.add(
        RowFactory.create(
            duplicate.get(0),
            duplicate.get(1),
            duplicate.get(2),
            1.0,
            2.0,
            0.5,
            1.5,
            10.0,
            1.3,
            0L,
            "stooq-daily",
            Timestamp.valueOf("2026-02-01 00:00:00"),
            "aapl.us.txt",
            7L));
    Timestamp ingested = Timestamp.valueOf("2026-01-01 00:00:00");
    List<Row> actions =
        List.of(
            action(FIRST_SPLIT, "split", 7, ingested, 1),
            action(SECOND_SPLIT, "split", 4, ingested, 2),
            action(SECOND_SPLIT, "split", 4, ingested, 3), // imported twice: counts once
            action(DIVIDEND, "cash_dividend", 0.82, ingested, 4));
    Dataset<Row> result =
        SilverDailyBars.build(
            spark.createDataFrame(bars, BronzeColumns.BARS),
            spark.createDataFrame(actions, BronzeColumns.CORPORATE_ACTIONS),
            LocalDate.of(2021, 12, 31));
    silver = new TreeMap<>();
    for (Row row : result.collectAsList()) {
      silver.put(row.<Date>getAs(SilverColumns.TRADING_DATE).toLocalDate(), row);
    }
  }

  @Test
  void oneBarPerDateFromTheMostTrustedSource() {
    assertThat(silver).hasSize(AAPL.days().size());
    assertThat(silver.values())
        .allSatisfy(
            row -> assertThat(row.<String>getAs(SilverColumns.SOURCE)).isEqualTo("lean-daily"));
  }

  @Test
  void theRawSeriesJumpsAtTheSplitsAndTheAdjustedOneDoesNot() {
    Row beforeSecond = silver.get(LocalDate.of(2020, 8, 28));
    Row onSecond = silver.get(SECOND_SPLIT);
    assertThat(beforeSecond.<Double>getAs("close_usd")).isEqualTo(499.23);
    assertThat(onSecond.<Double>getAs("close_usd")).isEqualTo(129.04);

    double adjustedBefore = beforeSecond.getAs(SilverColumns.ADJ_CLOSE_USD);
    double adjustedOn = onSecond.getAs(SilverColumns.ADJ_CLOSE_USD);
    assertThat(adjustedBefore).isCloseTo(499.23 / 4, within(1e-9));
    assertThat(adjustedOn).isEqualTo(129.04); // no later action: adjusted = raw
    assertThat(adjustedOn / adjustedBefore - 1).isBetween(-0.1, 0.1);

    Row beforeFirst = silver.get(LocalDate.of(2014, 6, 6));
    Row onFirst = silver.get(FIRST_SPLIT);
    double rawJump = beforeFirst.<Double>getAs("close_usd") / onFirst.<Double>getAs("close_usd");
    assertThat(rawJump).isBetween(6.5, 7.5);
    double adjustedMove =
        onFirst.<Double>getAs(SilverColumns.ADJ_CLOSE_USD)
                / beforeFirst.<Double>getAs(SilverColumns.ADJ_CLOSE_USD)
            - 1;
    assertThat(adjustedMove).isBetween(-0.1, 0.1);
  }

  @Test
  void aDividendScalesEarlierPricesByOneMinusItOverThePreviousClose() {
    double closeBefore = AAPL.on(LocalDate.of(2020, 8, 6)).close();
    double dividendFactor = 1 - 0.82 / closeBefore;

    Row dayBefore = silver.get(LocalDate.of(2020, 8, 6));
    Row exDate = silver.get(DIVIDEND);
    assertThat(dayBefore.<Double>getAs(SilverColumns.ADJ_FACTOR))
        .isCloseTo(dividendFactor / 4, within(1e-12));
    assertThat(exDate.<Double>getAs(SilverColumns.ADJ_FACTOR)).isCloseTo(0.25, within(1e-12));
    // Before 2014: both splits and the dividend.
    assertThat(silver.get(LocalDate.of(2013, 10, 4)).<Double>getAs(SilverColumns.ADJ_FACTOR))
        .isCloseTo(dividendFactor / 28, within(1e-12));
    assertThat(silver.get(LocalDate.of(2013, 10, 4)).<Double>getAs(SilverColumns.ADJ_VOLUME_SHARES))
        .isCloseTo(AAPL.on(LocalDate.of(2013, 10, 4)).volume() * 28, within(1e-3));
  }

  @Test
  void checksFlagWhatTheyFind() {
    assertThat(silver.values())
        .allSatisfy(
            row -> {
              assertThat(row.<Boolean>getAs(SilverColumns.OHLC_ORDER_OK)).isTrue();
              assertThat(row.<Double>getAs(SilverColumns.DQ_SCORE)).isBetween(0.0, 1.0);
            });
    // Lean's file has no gap over 4 days except market closures such as 9/11 (2001-09-11..14).
    assertThat(silver.get(LocalDate.of(2001, 9, 17)).<Boolean>getAs(SilverColumns.SESSION_GAP_OK))
        .isFalse();
    assertThat(silver.get(LocalDate.of(2001, 9, 17)).<Double>getAs(SilverColumns.DQ_SCORE))
        .isCloseTo(2.0 / 3, within(1e-12));
  }

  private static Row action(LocalDate exDate, String type, double value, Timestamp at, long line) {
    return RowFactory.create(
        "AAPL", Date.valueOf(exDate), type, value, "lean", at, "aapl.csv", line);
  }
}
