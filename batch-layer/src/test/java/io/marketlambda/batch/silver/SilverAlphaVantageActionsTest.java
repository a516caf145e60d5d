package io.marketlambda.batch.silver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.marketlambda.batch.LeanDaily;
import io.marketlambda.batch.bronze.BronzeColumns;
import io.marketlambda.testing.LocalSpark;
import io.marketlambda.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Silver adjusted with Alpha Vantage's real IBM {@code SPLITS} and {@code DIVIDENDS} responses
 * (ex-dates 1999-02-08..2026-05-08) on Lean's raw IBM daily prices (1998-01-02..2021-03-31). The
 * expectations come from the files, read here with a plain split: the split ratio on its ex-date,
 * {@code 1 - amount / previous close} on a dividend's ex-date, Lean's own factor file (a second
 * vendor's factors for the same events) and Alpha Vantage's own adjusted close.
 */
class SilverAlphaVantageActionsTest {
  private static final SparkSession spark = LocalSpark.session();
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final String EXAMPLES = "alphavantage/portfoliotree-alphavantage/examples/";
  private static final Timestamp INGESTED = Timestamp.valueOf("2026-01-01 00:00:00");
  private static final LeanDaily IBM = LeanDaily.read("IBM");
  private static final LocalDate SPLIT = LocalDate.of(1999, 5, 27);
  private static final LocalDate DIVIDEND = LocalDate.of(2020, 5, 7);
  private static Map<LocalDate, Row> silver;

  /** Rows of {@link BronzeColumns#CORPORATE_ACTIONS}, without schema: read by position. */
  private static List<Row> alphaVantageActions;

  @BeforeAll
  static void build() {
    List<Row> actions = new ArrayList<>();
    for (String[] f : csv("SPLITS_358e2618.csv")) {
      actions.add(action(f[0], "split", f[1], "alpha-vantage", actions.size() + 2));
    }
    int dividendsStart = actions.size();
    for (String[] f : csv("DIVIDENDS_5b9f5d9f.csv")) {
      actions.add(
          action(
              f[0], "cash_dividend", f[4], "alpha-vantage", actions.size() - dividendsStart + 2));
    }
    alphaVantageActions = List.copyOf(actions);
    // The same dividend as Lean's factor file gives it before rounding (rows 20200506 and
    // 20200806: reference price x (1 - earlier / later price factor)): Alpha Vantage's counts.
    double leanAmount = 123.17 * (1 - 0.9474309 / 0.9601371);
    actions.add(action("2020-05-07", "cash_dividend", Double.toString(leanAmount), "lean", 1));
    silver =
        collect(
            SilverDailyBars.build(
                spark.createDataFrame(IBM.bronzeRows(), BronzeColumns.BARS),
                spark.createDataFrame(actions, BronzeColumns.CORPORATE_ACTIONS),
                LocalDate.of(2021, 12, 31)));
  }

  @Test
  void theSplitTakesEffectOnItsExDate() {
    double ratio =
        alphaVantageActions.stream()
            .filter(a -> a.get(2).equals("split"))
            .filter(a -> a.getDate(1).toLocalDate().equals(SPLIT))
            .mapToDouble(a -> a.getDouble(3))
            .sum();
    assertThat(ratio).isEqualTo(2.0);
    Row before = silver.get(SPLIT.minusDays(1));
    Row on = silver.get(SPLIT);
    assertThat(before.<Double>getAs(SilverColumns.SPLIT_RATIO_AFTER))
        .isCloseTo(on.<Double>getAs(SilverColumns.SPLIT_RATIO_AFTER) * ratio, within(1e-12));
    assertThat(before.<Double>getAs("close_usd")).isEqualTo(IBM.on(SPLIT.minusDays(1)).close());
    assertThat(before.<Double>getAs("close_usd") / on.<Double>getAs("close_usd"))
        .isGreaterThan(1.9);
    double adjustedMove =
        on.<Double>getAs(SilverColumns.ADJ_CLOSE_USD)
                / before.<Double>getAs(SilverColumns.ADJ_CLOSE_USD)
            - 1;
    assertThat(adjustedMove).isBetween(-0.1, 0.1);
  }

  @Test
  void aDividendScalesTheDayBeforeItsExDateByOneMinusItOverThatClose() {
    double closeBefore = IBM.on(DIVIDEND.minusDays(1)).close();
    double expected = 1 - 1.63 / closeBefore; // DIVIDENDS_5b9f5d9f.csv: 2020-05-07,...,1.63
    double ratio =
        silver.get(DIVIDEND.minusDays(1)).<Double>getAs(SilverColumns.ADJ_FACTOR)
            / silver.get(DIVIDEND).<Double>getAs(SilverColumns.ADJ_FACTOR);
    assertThat(ratio).isCloseTo(expected, within(1e-12));
    assertThat(Math.abs(ratio - (1 - 123.17 * (1 - 0.9474309 / 0.9601371) / closeBefore)))
        .isGreaterThan(1e-9);
  }

  @Test
  void actionsAfterTheLastBarAreNotAppliedYet() {
    LocalDate last = IBM.days().get(IBM.days().size() - 1).date();
    assertThat(alphaVantageActions.stream().filter(a -> a.getDate(1).toLocalDate().isAfter(last)))
        .isNotEmpty();
    assertThat(silver.get(last).<Double>getAs(SilverColumns.ADJ_FACTOR)).isEqualTo(1.0);
    assertThat(silver.get(last).<Double>getAs(SilverColumns.ADJ_CLOSE_USD))
        .isEqualTo(IBM.on(last).close());
  }

  @Test
  void theFactorsAgreeWithLeansFactorFileWhereAlphaVantageCoversTheHistory() {
    NavigableMap<LocalDate, Double> lean = new TreeMap<>();
    for (String line : lines("lean/factor_files/ibm.csv")) {
      String[] f = line.split(",");
      lean.put(
          LocalDate.parse(f[0], java.time.format.DateTimeFormatter.BASIC_ISO_DATE),
          Double.parseDouble(f[1]) * Double.parseDouble(f[2]));
    }
    LocalDate firstExDate =
        alphaVantageActions.stream()
            .map(a -> a.getDate(1).toLocalDate())
            .min(LocalDate::compareTo)
            .orElseThrow();
    int compared = 0;
    for (Map.Entry<LocalDate, Row> day : silver.entrySet()) {
      if (!day.getKey().isBefore(firstExDate.minusDays(3))) {
        // Lean: the factors of the first row dated on or after the day.
        double expected = lean.ceilingEntry(day.getKey()).getValue();
        assertThat(day.getValue().<Double>getAs(SilverColumns.ADJ_FACTOR))
            .as("%s", day.getKey())
            .isCloseTo(expected, within(expected * 2e-7));
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(5_000);
  }

  @Test
  void theAdjustedCloseMatchesAlphaVantagesOwn() {
    List<String[]> rows = csv("TIME_SERIES_DAILY_ADJUSTED_572d0539.csv");
    List<Row> bars = new ArrayList<>();
    List<Row> actions = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      String[] f =
          rows.get(i); // timestamp,open,high,low,close,adjusted_close,volume,dividend,split
      double high = Double.parseDouble(f[2]);
      double low = Double.parseDouble(f[3]);
      double close = Double.parseDouble(f[4]);
      bars.add(
          RowFactory.create(
              "IBM",
              "1d",
              Timestamp.from(LocalDate.parse(f[0]).atStartOfDay(NEW_YORK).toInstant()),
              Double.parseDouble(f[1]),
              high,
              low,
              close,
              Double.parseDouble(f[6]),
              (high + low + close) / 3,
              0L,
              "alphavantage",
              INGESTED,
              "daily.csv?symbol=IBM",
              i + 2L));
      if (Double.parseDouble(f[7]) > 0) {
        actions.add(action(f[0], "cash_dividend", f[7], "alpha-vantage", i + 2));
      }
    }
    assertThat(actions).hasSize(2);
    Map<LocalDate, Row> adjusted =
        collect(
            SilverDailyBars.build(
                spark.createDataFrame(bars, BronzeColumns.BARS),
                spark.createDataFrame(actions, BronzeColumns.CORPORATE_ACTIONS),
                LocalDate.of(2026, 5, 15)));

    assertThat(adjusted).hasSize(rows.size());
    for (String[] f : rows) {
      double vendor = Double.parseDouble(f[5]);
      // Alpha Vantage's method differs from CRSP's by up to 5.2e-5 here; a dividend applied one
      // day off would be off by its 0.7 %.
      assertThat(adjusted.get(LocalDate.parse(f[0])).<Double>getAs(SilverColumns.ADJ_CLOSE_USD))
          .as(f[0])
          .isCloseTo(vendor, within(vendor * 1e-4));
    }
  }

  private static Map<LocalDate, Row> collect(org.apache.spark.sql.Dataset<Row> rows) {
    Map<LocalDate, Row> byDate = new TreeMap<>();
    for (Row row : rows.collectAsList()) {
      byDate.put(row.<Date>getAs(SilverColumns.TRADING_DATE).toLocalDate(), row);
    }
    return byDate;
  }

  private static Row action(String exDate, String type, String value, String source, long line) {
    return RowFactory.create(
        "IBM",
        Date.valueOf(LocalDate.parse(exDate)),
        type,
        Double.parseDouble(value),
        source,
        INGESTED,
        source.equals("lean") ? "ibm.csv" : type + ".csv?symbol=IBM",
        line);
  }

  /** The rows of a CSV file of the examples, without its header. */
  private static List<String[]> csv(String file) {
    return lines(EXAMPLES + file).stream().skip(1).map(line -> line.split(",")).toList();
  }

  private static List<String> lines(String relative) {
    try {
      return Files.readAllLines(SharedData.resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
