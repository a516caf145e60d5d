package io.marketlambda.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.marketlambda.testing.LocalSpark;
import io.marketlambda.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Indicators of IBM's real 1-minute bars of Friday 2013-10-04 and Monday 2013-10-07 (Lean minute
 * trade bars, extended hours included), checked against values computed here from the file with
 * plain loops. The files carry no VWAP, so each bar's VWAP is set to its typical price.
 */
class IntradayIndicatorsTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final SparkSession spark = LocalSpark.session();
  private static final List<FileBar> FRIDAY = read(LocalDate.of(2013, 10, 4));
  private static final List<FileBar> MONDAY = read(LocalDate.of(2013, 10, 7));
  private static List<Row> indicators;

  @BeforeAll
  static void compute() {
    List<Row> rows = new ArrayList<>();
    FRIDAY.forEach(bar -> rows.add(bar.row()));
    MONDAY.forEach(bar -> rows.add(bar.row()));
    Dataset<Row> bars = spark.createDataFrame(rows, BarColumns.SCHEMA);
    indicators =
        IntradayIndicators.fromBars(bars).orderBy(IndicatorColumns.BAR_START).collectAsList();
  }

  @Test
  void onlyRegularSessionBarsGetIndicators() {
    long regular = regular(FRIDAY).size() + regular(MONDAY).size();

    assertThat(indicators).hasSize((int) regular);
    assertThat(regular).isLessThan(FRIDAY.size() + MONDAY.size()); // the files have extended hours
    assertThat(start(indicators.get(0))).isEqualTo(Instant.parse("2013-10-04T13:30:00Z"));
  }

  @Test
  void movingAveragesRestartEachSession() {
    List<FileBar> monday = regular(MONDAY);
    List<Row> rows = mondayRows();

    // The 4th bar of Monday has no 5-bar SMA, even though Friday had bars before it.
    assertThat(rows.get(3).<Double>getAs(IndicatorColumns.SMA_5_USD)).isNull();
    double mean = 0;
    for (int i = 5; i < 10; i++) {
      mean += monday.get(i).close / 5;
    }
    assertThat(rows.get(9).<Double>getAs(IndicatorColumns.SMA_5_USD)).isCloseTo(mean, within(1e-9));
    // EMA(5): seeded with the SMA of bars 0..4, then smoothed with alpha 1/3 at bar 5.
    double seed = 0;
    for (int i = 0; i < 5; i++) {
      seed += monday.get(i).close / 5;
    }
    double ema = monday.get(5).close / 3 + seed * 2 / 3;
    assertThat(rows.get(5).<Double>getAs(IndicatorColumns.EMA_5_USD)).isCloseTo(ema, within(1e-9));
    assertThat(rows.get(58).<Double>getAs(IndicatorColumns.SMA_60_USD)).isNull();
    assertThat(rows.get(59).<Double>getAs(IndicatorColumns.SMA_60_USD)).isNotNull();
  }

  @Test
  void sessionVwapWeighsEveryBarOfTheSessionSoFar() {
    List<FileBar> monday = regular(MONDAY);
    double notional = 0;
    double volume = 0;
    for (int i = 0; i <= 100; i++) {
      notional += monday.get(i).typicalPrice() * monday.get(i).volume;
      volume += monday.get(i).volume;
    }

    assertThat(mondayRows().get(100).<Double>getAs(IndicatorColumns.SESSION_VWAP_USD))
        .isCloseTo(notional / volume, within(1e-9));
  }

  @Test
  void realizedVolatilityAndChangeUseTheBarsBefore() {
    List<FileBar> monday = regular(MONDAY);
    List<Row> rows = mondayRows();
    double squares = 0;
    for (int i = 11; i <= 40; i++) {
      double r = Math.log(monday.get(i).close / monday.get(i - 1).close);
      squares += r * r;
    }

    assertThat(rows.get(29).<Double>getAs(IndicatorColumns.REALIZED_VOL_30)).isNull();
    assertThat(rows.get(40).<Double>getAs(IndicatorColumns.REALIZED_VOL_30))
        .isCloseTo(Math.sqrt(252.0 * 390 / 30 * squares), within(1e-12));
    assertThat(rows.get(40).<Double>getAs(IndicatorColumns.CHANGE_5))
        .isCloseTo(monday.get(40).close / monday.get(35).close - 1, within(1e-12));
    assertThat(rows.get(41).<Double>getAs(IndicatorColumns.PREVIOUS_CHANGE_5))
        .isEqualTo(rows.get(40).<Double>getAs(IndicatorColumns.CHANGE_5));
  }

  @Test
  void volumeZScoreComparesWithTheThirtyBarsBefore() {
    List<FileBar> monday = regular(MONDAY);
    double mean = 0;
    for (int i = 20; i < 50; i++) {
      mean += monday.get(i).volume / 30;
    }
    double squares = 0;
    for (int i = 20; i < 50; i++) {
      squares += Math.pow(monday.get(i).volume - mean, 2);
    }
    double z = (monday.get(50).volume - mean) / Math.sqrt(squares / 29);

    assertThat(mondayRows().get(50).<Double>getAs(IndicatorColumns.VOLUME_ZSCORE_30))
        .isCloseTo(z, within(1e-9));
  }

  @Test
  void theOpeningGapComparesMondaysOpenWithFridaysRegularClose() {
    double fridayClose = regular(FRIDAY).get(regular(FRIDAY).size() - 1).close;
    double mondayOpen = regular(MONDAY).get(0).open;
    List<Row> rows = mondayRows();

    assertThat(rows.get(0).<Double>getAs(IndicatorColumns.OPENING_GAP))
        .isCloseTo(mondayOpen / fridayClose - 1, within(1e-12));
    assertThat(rows.get(1).<Double>getAs(IndicatorColumns.OPENING_GAP)).isNull();
    // Friday has no session before it in the input.
    assertThat(indicators.get(0).<Double>getAs(IndicatorColumns.OPENING_GAP)).isNull();
  }

  @Test
  void anOpeningGapAlertFiresOnTheRealGapAndNoOtherAlertOnAQuietDay() {
    Dataset<Row> rows = spark.createDataFrame(indicators, IndicatorColumns.SCHEMA);
    double gap = mondayRows().get(0).<Double>getAs(IndicatorColumns.OPENING_GAP);

    List<Row> alerts =
        IntradayAlerts.fromIndicators(
                rows, new AlertRules(1, 1000, Math.abs(gap) / 2), AlertColumns.PROVISIONAL)
            .collectAsList();

    assertThat(alerts).singleElement();
    Row alert = alerts.get(0);
    assertThat(alert.<String>getAs(AlertColumns.ALERT_TYPE))
        .isEqualTo(gap < 0 ? "opening_gap_down" : "opening_gap_up");
    assertThat(alert.<Double>getAs(AlertColumns.VALUE)).isEqualTo(gap);
    assertThat(alert.<Timestamp>getAs(AlertColumns.ALERT_TIME).toInstant())
        .isEqualTo(Instant.parse("2013-10-07T13:30:00Z"));
    assertThat(alert.<String>getAs(AlertColumns.ALERT_ID))
        .isEqualTo("IBM/" + alert.getAs(AlertColumns.ALERT_TYPE) + "/1381152600000");
    assertThat(alert.<String>getAs(AlertColumns.STATUS)).isEqualTo("provisional");
  }

  private static List<Row> mondayRows() {
    return indicators.stream()
        .filter(row -> start(row).isAfter(Instant.parse("2013-10-07T04:00:00Z")))
        .toList();
  }

  private static Instant start(Row row) {
    return row.<Timestamp>getAs(IndicatorColumns.BAR_START).toInstant();
  }

  private static List<FileBar> regular(List<FileBar> bars) {
    return bars.stream()
        .filter(
            bar -> {
              var time = bar.start.atZone(NEW_YORK).toLocalTime();
              return time.getHour() * 60 + time.getMinute() >= 9 * 60 + 30 && time.getHour() < 16;
            })
        .toList();
  }

  /** A Lean minute trade bar: ms after New York midnight, prices in 1/10,000 USD, volume. */
  private record FileBar(
      Instant start, double open, double high, double low, double close, double volume) {
    double typicalPrice() {
      return (high + low + close) / 3;
    }

    Row row() {
      return RowFactory.create(
          "IBM", "1m", Timestamp.from(start), open, high, low, close, volume, typicalPrice(), 1L);
    }
  }

  private static List<FileBar> read(LocalDate date) {
    String file = "lean/minute/" + date.toString().replace("-", "") + "_ibm_minute_trade.csv";
    Instant midnight = date.atStartOfDay(NEW_YORK).toInstant();
    try {
      return Files.readAllLines(SharedData.resolve(file)).stream()
          .map(line -> line.split(","))
          .map(
              f ->
                  new FileBar(
                      midnight.plusMillis(Long.parseLong(f[0])),
                      Long.parseLong(f[1]) / 10_000.0,
                      Long.parseLong(f[2]) / 10_000.0,
                      Long.parseLong(f[3]) / 10_000.0,
                      Long.parseLong(f[4]) / 10_000.0,
                      Double.parseDouble(f[5])))
          .toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
