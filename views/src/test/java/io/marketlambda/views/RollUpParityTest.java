package io.marketlambda.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.BarBuilder;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.testing.LeanTradeTicks;
import io.marketlambda.testing.LocalSpark;
import io.marketlambda.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One roll-up: the batch layer's Spark roll-up ({@link BarsPipeline#rollUp}) and the plain-Java one
 * the speed and serving layers call ({@link BarBuilder#rollUp}) give the same bars on real data:
 * IBM's 1-minute bars of 2013-10-07 (from Lean's trades) into 5m, 15m, 1h and 1d, and IBM's daily
 * bars of 1998-2021 (Lean) into Monday weeks and calendar months, New York time.
 */
class RollUpParityTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private final SparkSession spark = LocalSpark.session();

  @ParameterizedTest
  @EnumSource(
      value = BarInterval.class,
      names = {"FIVE_MINUTES", "FIFTEEN_MINUTES", "ONE_HOUR", "ONE_DAY"})
  void minuteBarsRollUpAlikeInSparkAndOnTheJvm(BarInterval interval) {
    Dataset<Row> minutes =
        BarsPipeline.fromQuotes(
            spark.createDataFrame(
                BarsPipelineTest.rows(LeanTradeTicks.read("IBM")), QuoteColumns.SCHEMA),
            BarInterval.ONE_MINUTE);

    assertSameBars(
        bars(BarsPipeline.rollUp(minutes, interval)), BarBuilder.rollUp(bars(minutes), interval));
  }

  @ParameterizedTest
  @EnumSource(
      value = BarInterval.class,
      names = {"ONE_WEEK", "ONE_MONTH"})
  void dailyBarsRollUpAlikeInSparkAndOnTheJvm(BarInterval interval) throws IOException {
    List<Bar> days = leanDailyBars("IBM");
    Dataset<Row> daily =
        spark.createDataFrame(
            days.stream().map(bar -> RowFactory.create(BarColumns.values(bar))).toList(),
            BarColumns.SCHEMA);

    List<Bar> inSpark = bars(BarsPipeline.rollUp(daily, interval));

    assertThat(inSpark).hasSizeGreaterThan(interval == BarInterval.ONE_WEEK ? 1_000 : 250);
    assertSameBars(inSpark, BarBuilder.rollUp(days, interval));
  }

  private static void assertSameBars(List<Bar> spark, List<Bar> jvm) {
    assertThat(jvm).hasSameSizeAs(spark);
    for (int i = 0; i < spark.size(); i++) {
      Bar expected = spark.get(i);
      Bar actual = jvm.get(i);
      assertThat(actual.start()).isEqualTo(expected.start());
      assertThat(actual.interval()).isEqualTo(expected.interval());
      assertThat(actual.openUsd()).as("open at %s", expected.start()).isEqualTo(expected.openUsd());
      assertThat(actual.highUsd()).isEqualTo(expected.highUsd());
      assertThat(actual.lowUsd()).isEqualTo(expected.lowUsd());
      assertThat(actual.closeUsd()).isEqualTo(expected.closeUsd());
      assertThat(actual.volumeShares()).isEqualTo(expected.volumeShares());
      assertThat(actual.vwapUsd()).isCloseTo(expected.vwapUsd(), within(1e-9));
      assertThat(actual.tradeCount()).isEqualTo(expected.tradeCount());
    }
  }

  private static List<Bar> bars(Dataset<Row> rows) {
    return rows.collectAsList().stream()
        .map(BarColumns::bar)
        .sorted(Comparator.comparing(Bar::start))
        .toList();
  }

  /**
   * Lean's daily bars ({@code yyyyMMdd 00:00,open,high,low,close,volume}, prices in 1/10,000 USD)
   * as 1d bars starting at midnight New York; Lean has no VWAP or trade count, so the typical price
   * and 0.
   */
  private static List<Bar> leanDailyBars(String symbol) throws IOException {
    DateTimeFormatter date = DateTimeFormatter.ofPattern("yyyyMMdd");
    return Files.readAllLines(
            SharedData.resolve("lean/daily/" + symbol.toLowerCase(Locale.ROOT) + ".csv"))
        .stream()
        .map(line -> line.split(","))
        .map(
            f -> {
              double high = Long.parseLong(f[2]) / 10_000.0;
              double low = Long.parseLong(f[3]) / 10_000.0;
              double close = Long.parseLong(f[4]) / 10_000.0;
              return new Bar(
                  Symbol.of(symbol),
                  BarInterval.ONE_DAY,
                  LocalDate.parse(f[0].substring(0, 8), date).atStartOfDay(NEW_YORK).toInstant(),
                  Long.parseLong(f[1]) / 10_000.0,
                  high,
                  low,
                  close,
                  Double.parseDouble(f[5]),
                  (high + low + close) / 3,
                  0);
            })
        .toList();
  }
}
