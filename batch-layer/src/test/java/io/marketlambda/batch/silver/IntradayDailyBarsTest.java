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
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Daily bars from Lean's real SPY and IBM minute bars of 2013-10-07..11 ({@code
 * lean/minute/<yyyyMMdd>_<symbol>_minute_trade.csv}: ms since midnight New York, open, high, low,
 * close in 1/10,000 USD, volume; 04:00 to 20:00), read here with a plain split. IBM has Lean's
 * vendor daily bars for 2013-10-07..09 only, SPY none: the vendor's bar wins where it exists, the
 * regular session's minute bars (09:30 to 16:00) fill the other days.
 */
class IntradayDailyBarsTest {
  private static final SparkSession spark = LocalSpark.session();
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final List<LocalDate> DAYS =
      List.of(7, 8, 9, 10, 11).stream().map(d -> LocalDate.of(2013, 10, d)).toList();
  private static final LocalDate LAST_IBM_DAILY = LocalDate.of(2013, 10, 9);
  private static final Timestamp INGESTED = Timestamp.valueOf("2026-01-01 00:00:00");
  private static final long OPEN_MS = LocalTime.of(9, 30).toSecondOfDay() * 1000L;
  private static final long CLOSE_MS = LocalTime.of(16, 0).toSecondOfDay() * 1000L;
  private static Map<String, Row> silver;

  /** One minute bar of a file, USD and shares. */
  private record Minute(
      LocalDate date, long ms, double open, double high, double low, double close, double volume) {
    double typicalPrice() {
      return (high + low + close) / 3;
    }

    boolean regular() {
      return ms >= OPEN_MS && ms < CLOSE_MS;
    }
  }

  @BeforeAll
  static void build() {
    List<Row> bronze = new ArrayList<>();
    for (String symbol : List.of("SPY", "IBM")) {
      for (LocalDate day : DAYS) {
        for (Minute minute : minutes(symbol, day)) {
          bronze.add(row(symbol, minute, "minute.csv", INGESTED));
        }
      }
    }
    // IBM's 2013-10-10 minutes imported again from another copy of the file: they count once.
    for (Minute minute : minutes("IBM", DAYS.get(3))) {
      bronze.add(row("IBM", minute, "copy/minute.csv", Timestamp.valueOf("2026-02-01 00:00:00")));
    }
    bronze.addAll(LeanDaily.read("IBM").upTo(LAST_IBM_DAILY).bronzeRows());
    List<Row> result =
        SilverDailyBars.build(
                spark.createDataFrame(bronze, BronzeColumns.BARS),
                spark.createDataFrame(List.of(), BronzeColumns.CORPORATE_ACTIONS),
                DAYS.get(DAYS.size() - 1))
            .filter("trading_date >= DATE'2013-10-07'")
            .collectAsList();
    silver = new HashMap<>();
    for (Row bar : result) {
      silver.put(bar.getAs("symbol") + " " + bar.<Date>getAs(SilverColumns.TRADING_DATE), bar);
    }
  }

  @Test
  void theVendorsDailyBarWinsWhereItExists() {
    for (LocalDate day : DAYS.subList(0, 3)) {
      Row bar = silver.get("IBM " + day);
      LeanDaily.Day vendor = LeanDaily.read("IBM").on(day);
      assertThat(bar.<String>getAs(SilverColumns.DERIVED_FROM)).isEqualTo("vendor-daily");
      assertThat(bar.<String>getAs(SilverColumns.SOURCE)).isEqualTo("lean-daily");
      assertThat(bar.<Double>getAs("volume_shares")).isEqualTo(vendor.volume());
    }
  }

  @Test
  void otherDaysAreTheRegularSessionsMinuteBarsRolledUp() {
    assertThat(silver).hasSize(10);
    for (String symbol : List.of("SPY", "IBM")) {
      for (LocalDate day : symbol.equals("IBM") ? DAYS.subList(3, 5) : DAYS) {
        List<Minute> session = minutes(symbol, day).stream().filter(Minute::regular).toList();
        double volume = session.stream().mapToDouble(Minute::volume).sum();
        double notional = session.stream().mapToDouble(m -> m.typicalPrice() * m.volume()).sum();
        Row bar = silver.get(symbol + " " + day);
        assertThat(bar.<String>getAs(SilverColumns.DERIVED_FROM)).isEqualTo("intraday");
        assertThat(bar.<String>getAs(SilverColumns.SOURCE)).isEqualTo("lean-minute");
        assertThat(bar.<String>getAs("interval")).isEqualTo("1d");
        assertThat(bar.<Timestamp>getAs("bar_start").toInstant())
            .isEqualTo(day.atStartOfDay(NEW_YORK).toInstant());
        assertThat(bar.<Double>getAs("open_usd")).isEqualTo(session.get(0).open());
        assertThat(bar.<Double>getAs("close_usd"))
            .isEqualTo(session.get(session.size() - 1).close());
        assertThat(bar.<Double>getAs("high_usd"))
            .isEqualTo(session.stream().mapToDouble(Minute::high).max().orElseThrow());
        assertThat(bar.<Double>getAs("low_usd"))
            .isEqualTo(session.stream().mapToDouble(Minute::low).min().orElseThrow());
        assertThat(bar.<Double>getAs("volume_shares")).isEqualTo(volume);
        assertThat(bar.<Double>getAs("vwap_usd")).isCloseTo(notional / volume, within(1e-9));
        // Pre-market and after-hours minutes are left out.
        assertThat(volume)
            .isLessThan(minutes(symbol, day).stream().mapToDouble(Minute::volume).sum());
      }
    }
  }

  @Test
  void spysMinuteDerivedBarsAgreeWithLeansDailyBars() {
    LeanDaily daily = LeanDaily.read("SPY");
    int lowsOff = 0;
    for (LocalDate day : DAYS) {
      Row bar = silver.get("SPY " + day);
      LeanDaily.Day vendor = daily.on(day);
      assertThat(bar.<Double>getAs("open_usd")).isEqualTo(vendor.open());
      assertThat(bar.<Double>getAs("high_usd")).isEqualTo(vendor.high());
      assertThat(bar.<Double>getAs("close_usd")).isEqualTo(vendor.close());
      assertThat(bar.<Double>getAs("volume_shares")).isEqualTo(vendor.volume());
      assertThat(bar.<Double>getAs("low_usd")).isCloseTo(vendor.low(), within(0.0100001));
      lowsOff += bar.<Double>getAs("low_usd") == vendor.low() ? 0 : 1;
    }
    assertThat(lowsOff).isEqualTo(1); // 2013-10-08: 165.36 in the minutes, 165.37 in the daily
  }

  private static Row row(String symbol, Minute minute, String file, Timestamp ingested) {
    return RowFactory.create(
        symbol,
        "1m",
        Timestamp.from(minute.date().atStartOfDay(NEW_YORK).toInstant().plusMillis(minute.ms())),
        minute.open(),
        minute.high(),
        minute.low(),
        minute.close(),
        minute.volume(),
        minute.typicalPrice(),
        0L,
        "lean-minute",
        ingested,
        file,
        minute.ms() / 60_000);
  }

  private static List<Minute> minutes(String symbol, LocalDate day) {
    String file =
        "lean/minute/"
            + day.format(DateTimeFormatter.BASIC_ISO_DATE)
            + "_"
            + symbol.toLowerCase(Locale.ROOT)
            + "_minute_trade.csv";
    try {
      return Files.readAllLines(SharedData.resolve(file)).stream()
          .map(line -> line.split(","))
          .map(
              f ->
                  new Minute(
                      day,
                      Long.parseLong(f[0]),
                      Long.parseLong(f[1]) / 10_000.0,
                      Long.parseLong(f[2]) / 10_000.0,
                      Long.parseLong(f[3]) / 10_000.0,
                      Long.parseLong(f[4]) / 10_000.0,
                      Double.parseDouble(f[5])))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
