package io.marketlambda.batch.silver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.marketlambda.batch.LeanDaily;
import io.marketlambda.batch.bronze.BronzeColumns;
import io.marketlambda.core.model.CorporateAction;
import io.marketlambda.sources.recorded.LeanFactorFile;
import io.marketlambda.testing.LocalSpark;
import io.marketlambda.testing.SharedData;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;

/**
 * The one-pass build of {@link SilverDailyBars} gives the rows of its set-based definition ({@link
 * SilverDailyBarsReference}) on real data: Lean's daily bars of ten tickers (1998-2021) with the
 * splits and dividends of their factor files, plus what makes the rules bite: a second source for
 * some dates (with other prices), the same action imported twice, an Alpha Vantage action on a Lean
 * ex-date (only the more trusted source counts), a dividend before a symbol's first bar (no close
 * to price it) and actions after the run date (not yet in effect).
 */
class SilverDailyBarsPassTest {
  private static final SparkSession spark = LocalSpark.session();
  private static final List<String> TICKERS =
      List.of("AAPL", "AIG", "BAC", "FB", "GOOG", "GOOGL", "IBM", "IWM", "QQQ", "SPY");
  private static final Timestamp INGESTED = Timestamp.valueOf("2026-01-01 00:00:00");

  @Test
  void onePassEqualsTheSetBasedDefinitionOnRealData() {
    List<Row> bars = new ArrayList<>();
    List<Row> actions = new ArrayList<>();
    for (String ticker : TICKERS) {
      LeanDaily daily = LeanDaily.read(ticker);
      List<Row> rows = daily.bronzeRows();
      bars.addAll(rows);
      // Every 50th date also from Stooq with other prices, imported later: Lean still wins;
      // and dates Lean lacks (a week before its first) from Stooq alone.
      for (int i = 0; i < rows.size(); i += 50) {
        bars.add(otherSource(rows.get(i), "stooq-daily", 1.01, 0));
      }
      for (int days = 1; days <= 7; days++) {
        bars.add(otherSource(rows.get(0), "stooq-daily", 0.99, -days));
      }
      TreeSet<LocalDate> dates = new TreeSet<>();
      daily.days().forEach(day -> dates.add(day.date()));
      String file = "lean/factor_files/" + ticker.toLowerCase(Locale.ROOT) + ".csv";
      List<CorporateAction> fromFile =
          LeanFactorFile.read(SharedData.resolve(file), rejected -> {}).corporateActions(dates);
      for (CorporateAction action : fromFile) {
        actions.add(action(ticker, action.exDate(), action.type(), action.value(), "lean", 1));
      }
      if (!fromFile.isEmpty()) {
        CorporateAction first = fromFile.get(0);
        // Imported twice; and Alpha Vantage's view of the same ex-date, which must not count.
        actions.add(action(ticker, first.exDate(), first.type(), first.value(), "lean", 2));
        actions.add(
            action(ticker, first.exDate(), first.type(), first.value() * 3, "alpha-vantage", 3));
      }
      actions.add(
          action(
              ticker,
              dates.first().minusDays(3),
              CorporateAction.Type.CASH_DIVIDEND,
              0.5,
              "alpha-vantage",
              4));
      actions.add(
          action(
              ticker, LocalDate.of(2030, 1, 2), CorporateAction.Type.SPLIT, 2, "alpha-vantage", 5));
    }
    assertThat(actions).hasSizeGreaterThan(100);
    Dataset<Row> bronzeBars = spark.createDataFrame(bars, BronzeColumns.BARS);
    Dataset<Row> bronzeActions = spark.createDataFrame(actions, BronzeColumns.CORPORATE_ACTIONS);
    // A run date inside the history: later bars and the actions after it do not count yet.
    LocalDate runDate = LocalDate.of(2019, 6, 28);

    Map<String, Row> expected =
        byKey(SilverDailyBarsReference.build(bronzeBars, bronzeActions, runDate).collectAsList());
    List<Row> onePass = SilverDailyBars.build(bronzeBars, bronzeActions, runDate).collectAsList();
    Map<String, Row> actual = byKey(onePass);

    assertThat(onePass).hasSize(expected.size());
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    long adjusted = 0;
    for (Map.Entry<String, Row> entry : expected.entrySet()) {
      Row want = entry.getValue();
      Row got = actual.get(entry.getKey());
      for (StructField field : SilverColumns.BARS_DAILY.fields()) {
        Object w = want.getAs(field.name());
        Object g = got.getAs(field.name());
        if (field.dataType().equals(DataTypes.DoubleType)) {
          double d = (Double) w;
          assertThat((Double) g)
              .as("%s %s", entry.getKey(), field.name())
              .isCloseTo(d, within(Math.abs(d) * 1e-12 + 1e-12));
        } else {
          assertThat(g).as("%s %s", entry.getKey(), field.name()).isEqualTo(w);
        }
      }
      if (want.<Double>getAs(SilverColumns.ADJ_FACTOR) != 1.0) {
        adjusted++;
      }
    }
    // The comparison covers adjusted bars, chosen sources and flagged gaps, not only trivia.
    assertThat(adjusted).isGreaterThan(10_000);
    assertThat(actual.values())
        .anySatisfy(
            row -> assertThat(row.<String>getAs(SilverColumns.SOURCE)).isEqualTo("stooq-daily"))
        .anySatisfy(row -> assertThat(row.<Boolean>getAs(SilverColumns.SESSION_GAP_OK)).isFalse());
    // Each partition holds whole symbols, sorted by date: the layout the lake is written in.
    Map<String, Integer> partitionOf = new HashMap<>();
    List<List<Row>> partitions =
        SilverDailyBars.build(bronzeBars, bronzeActions, runDate).javaRDD().glom().collect();
    for (int p = 0; p < partitions.size(); p++) {
      LocalDate previous = null;
      String symbol = null;
      for (Row row : partitions.get(p)) {
        String s = row.getString(0); // the RDD's rows have no schema: by position

        assertThat(partitionOf.putIfAbsent(s, p)).isIn(null, p);
        LocalDate date =
            row.getDate(SilverColumns.BARS_DAILY.fieldIndex(SilverColumns.TRADING_DATE))
                .toLocalDate();
        if (s.equals(symbol)) {
          assertThat(date).isAfter(previous);
        }
        symbol = s;
        previous = date;
      }
    }
    assertThat(partitionOf).hasSize(TICKERS.size());
  }

  private static Map<String, Row> byKey(List<Row> rows) {
    Map<String, Row> byKey = new HashMap<>();
    for (Row row : rows) {
      String key = row.getAs("symbol") + " " + row.getAs(SilverColumns.TRADING_DATE);
      assertThat(byKey.put(key, row)).as("one row per symbol and date: %s", key).isNull();
    }
    return byKey;
  }

  /** The same bar from another source, prices scaled, shifted by {@code days}, imported later. */
  private static Row otherSource(Row lean, String source, double scale, int days) {
    Timestamp start = lean.getAs(2);
    return RowFactory.create(
        lean.get(0),
        lean.get(1),
        Timestamp.from(start.toInstant().plus(java.time.Duration.ofDays(days))),
        lean.getDouble(3) * scale,
        lean.getDouble(4) * scale,
        lean.getDouble(5) * scale,
        lean.getDouble(6) * scale,
        lean.getDouble(7),
        lean.getDouble(8) * scale,
        0L,
        source,
        Timestamp.valueOf("2026-02-01 00:00:00"),
        source + ".txt",
        (long) lean.getLong(13));
  }

  private static Row action(
      String symbol,
      LocalDate exDate,
      CorporateAction.Type type,
      double value,
      String source,
      long line) {
    return RowFactory.create(
        symbol,
        Date.valueOf(exDate),
        type.name().toLowerCase(Locale.ROOT),
        value,
        source,
        INGESTED,
        source + ".csv",
        line);
  }
}
