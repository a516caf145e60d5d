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
    Dataset<Row> indicators = GoldViews.indicators(daily);
    List<Row> movers = GoldViews.topMovers(indicators, daily, 3).collectAsList();

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
