package io.marketlambda.batch.gold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.marketlambda.batch.LeanDaily;
import io.marketlambda.batch.bronze.BronzeColumns;
import io.marketlambda.batch.silver.SilverDailyBars;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.testing.LocalSpark;
import io.marketlambda.views.BarColumns;
import io.marketlambda.views.DailyIndicatorColumns;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gold views of IBM's real daily bars (Lean, 1998–2013, no corporate actions given so adjusted
 * = raw), checked against aggregates and indicators computed here from the file.
 */
class GoldViewsTest {
  private static final SparkSession spark = LocalSpark.session();
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final LocalDate RUN_DATE = LocalDate.of(2013, 10, 11);
  private static final LeanDaily IBM = LeanDaily.read("IBM").upTo(RUN_DATE);
  private static Dataset<Row> daily;

  @BeforeAll
  static void build() {
    Dataset<Row> silver =
        SilverDailyBars.build(
            spark.createDataFrame(IBM.bronzeRows(), BronzeColumns.BARS),
            spark.createDataFrame(List.of(), BronzeColumns.CORPORATE_ACTIONS),
            RUN_DATE);
    daily = GoldViews.dailyBars(silver).persist();
  }

  @Test
  void weeklyBarsAreTheDailyBarsOfEachMondayWeek() {
    assertRolledUp(
        BarInterval.ONE_WEEK,
        date -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
  }

  @Test
  void monthlyBarsAreTheDailyBarsOfEachCalendarMonth() {
    assertRolledUp(BarInterval.ONE_MONTH, date -> date.withDayOfMonth(1));
  }

  @Test
  void indicatorsMatchValuesWorkedOutFromTheCloses() {
    List<LeanDaily.Day> days = IBM.days();
    Map<LocalDate, Row> indicators = new TreeMap<>();
    for (Row row : GoldViews.indicators(daily).collectAsList()) {
      indicators.put(row.<Date>getAs(DailyIndicatorColumns.TRADING_DATE).toLocalDate(), row);
    }
    int last = days.size() - 1;
    LocalDate date = days.get(last).date();

    double sma = 0;
    for (int i = last - 19; i <= last; i++) {
      sma += days.get(i).close() / 20;
    }
    assertThat(indicators.get(date).<Double>getAs(DailyIndicatorColumns.SMA_20_USD))
        .isCloseTo(sma, within(1e-9));

    // EMA(12) over the first 40 closes: SMA seed of closes 0..11, then alpha 2/13.
    double ema = 0;
    for (int i = 0; i < 12; i++) {
      ema += days.get(i).close() / 12;
    }
    for (int i = 12; i < 40; i++) {
      ema = 2.0 / 13 * days.get(i).close() + 11.0 / 13 * ema;
    }
    assertThat(indicators.get(days.get(39).date()).<Double>getAs(DailyIndicatorColumns.EMA_12_USD))
        .isCloseTo(ema, within(1e-9));

    // RSI(14) at index 20: Wilder averages seeded over changes 1..14, smoothed to 20.
    double gain = 0;
    double loss = 0;
    for (int i = 1; i <= 14; i++) {
      double change = days.get(i).close() - days.get(i - 1).close();
      gain += Math.max(change, 0) / 14;
      loss += Math.max(-change, 0) / 14;
    }
    for (int i = 15; i <= 20; i++) {
      double change = days.get(i).close() - days.get(i - 1).close();
      gain = (gain * 13 + Math.max(change, 0)) / 14;
      loss = (loss * 13 + Math.max(-change, 0)) / 14;
    }
    assertThat(indicators.get(days.get(20).date()).<Double>getAs(DailyIndicatorColumns.RSI_14))
        .isCloseTo(100 - 100 / (1 + gain / loss), within(1e-9));
    assertThat(indicators.get(days.get(13).date()).<Double>getAs(DailyIndicatorColumns.RSI_14))
        .isNull();
    assertThat(indicators.get(date).<Double>getAs(DailyIndicatorColumns.CHANGE_1D))
        .isCloseTo(days.get(last).close() / days.get(last - 1).close() - 1, within(1e-12));
  }

  @Test
  void topMoversRankTheLargestMovesOfEachDate() {
    Dataset<Row> indicators = GoldViews.indicatorsWithVolume(daily);
    List<Row> movers = GoldViews.topMovers(indicators, 3).collectAsList();

    // One symbol: at most one gainer or one loser per date, always rank 1.
    assertThat(movers).isNotEmpty();
    assertThat(movers)
        .allSatisfy(row -> assertThat(row.<Integer>getAs(GoldViews.RANK)).isEqualTo(1));
    assertThat(movers)
        .allSatisfy(
            row ->
                assertThat(row.<String>getAs(GoldViews.DIRECTION))
                    .isEqualTo(
                        row.<Double>getAs(DailyIndicatorColumns.CHANGE_1D) > 0
                            ? "gainer"
                            : "loser"));
  }

  @Test
  void sectorSummariesCountAdvancersAndDeclinersOfEachSector() {
    LeanDaily aapl = LeanDaily.read("AAPL").upTo(RUN_DATE);
    LeanDaily bac = LeanDaily.read("BAC").upTo(RUN_DATE);
    java.util.List<Row> bronze = new java.util.ArrayList<>(IBM.bronzeRows());
    bronze.addAll(aapl.bronzeRows());
    bronze.addAll(bac.bronzeRows());
    Dataset<Row> bars =
        GoldViews.dailyBars(
            SilverDailyBars.build(
                spark.createDataFrame(bronze, BronzeColumns.BARS),
                spark.createDataFrame(List.of(), BronzeColumns.CORPORATE_ACTIONS),
                RUN_DATE));
    Timestamp imported = Timestamp.valueOf("2026-01-01 00:00:00");
    // Sectors as in the S&P 500 constituents file (GICS).
    Dataset<Row> symbols =
        spark.createDataFrame(
            List.of(
                org.apache.spark.sql.RowFactory.create(
                    "IBM", "IBM", "Information Technology", "x", "sp500", imported, "c.csv", 1L),
                org.apache.spark.sql.RowFactory.create(
                    "AAPL", "Apple", "Information Technology", "x", "sp500", imported, "c.csv", 2L),
                org.apache.spark.sql.RowFactory.create(
                    "BAC", "Bank of America", "Financials", "x", "sp500", imported, "c.csv", 3L)),
            BronzeColumns.SYMBOLS);

    List<Row> summary =
        GoldViews.sectorSummary(GoldViews.indicatorsWithVolume(bars), symbols)
            .filter("trading_date = DATE'2013-10-04'")
            .orderBy("sector")
            .collectAsList();

    LocalDate thursday = LocalDate.of(2013, 10, 3);
    LocalDate friday = LocalDate.of(2013, 10, 4);
    double ibm = IBM.on(friday).close() / IBM.on(thursday).close() - 1;
    double apple = aapl.on(friday).close() / aapl.on(thursday).close() - 1;
    double bank = bac.on(friday).close() / bac.on(thursday).close() - 1;
    assertThat(summary).hasSize(2);
    Row financials = summary.get(0);
    Row technology = summary.get(1);
    assertThat(financials.<String>getAs("sector")).isEqualTo("Financials");
    assertThat(financials.<Long>getAs("symbols")).isEqualTo(1);
    assertThat(financials.<Double>getAs("mean_change_1d")).isCloseTo(bank, within(1e-12));
    assertThat(technology.<Long>getAs("symbols")).isEqualTo(2);
    assertThat(technology.<Long>getAs("advancers"))
        .isEqualTo((ibm > 0 ? 1L : 0L) + (apple > 0 ? 1L : 0L));
    assertThat(technology.<Double>getAs("mean_change_1d"))
        .isCloseTo((ibm + apple) / 2, within(1e-12));
    assertThat(technology.<Double>getAs("dollar_volume_usd"))
        .isCloseTo(
            IBM.on(friday).close() * IBM.on(friday).volume()
                + aapl.on(friday).close() * aapl.on(friday).volume(),
            within(1e-3));
  }

  private static void assertRolledUp(BarInterval interval, Function<LocalDate, LocalDate> period) {
    Map<LocalDate, List<LeanDaily.Day>> groups =
        IBM.days().stream()
            .collect(
                Collectors.groupingBy(
                    day -> period.apply(day.date()), TreeMap::new, Collectors.toList()));
    List<Row> bars =
        GoldViews.rolledUp(daily, interval).orderBy(BarColumns.BAR_START).collectAsList();

    assertThat(bars).hasSize(groups.size());
    int i = 0;
    for (Map.Entry<LocalDate, List<LeanDaily.Day>> group : groups.entrySet()) {
      Row bar = bars.get(i++);
      List<LeanDaily.Day> days = group.getValue();
      assertThat(bar.<Timestamp>getAs(BarColumns.BAR_START).toInstant())
          .isEqualTo(group.getKey().atStartOfDay(NEW_YORK).toInstant());
      assertThat(bar.<Double>getAs(BarColumns.OPEN_USD)).isEqualTo(days.get(0).open());
      assertThat(bar.<Double>getAs(BarColumns.CLOSE_USD))
          .isEqualTo(days.get(days.size() - 1).close());
      assertThat(bar.<Double>getAs(BarColumns.HIGH_USD))
          .isEqualTo(days.stream().mapToDouble(LeanDaily.Day::high).max().orElseThrow());
      assertThat(bar.<Double>getAs(BarColumns.LOW_USD))
          .isEqualTo(days.stream().mapToDouble(LeanDaily.Day::low).min().orElseThrow());
      assertThat(bar.<Double>getAs(BarColumns.VOLUME_SHARES))
          .isCloseTo(days.stream().mapToDouble(LeanDaily.Day::volume).sum(), within(1e-3));
      assertThat(bar.<String>getAs(BarColumns.INTERVAL)).isEqualTo(interval.code());
    }
  }
}
