package io.marketlambda.batch;

import io.marketlambda.batch.bronze.BronzeColumns;
import io.marketlambda.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Lean raw daily bars ({@code lean/daily/<symbol>.csv}: {@code yyyyMMdd 00:00,open,high,low,close,
 * volume}, prices in 1/10,000 USD), read here without the product's readers, as bronze rows.
 */
public record LeanDaily(String symbol, List<Day> days) {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

  /** One day of the file, USD and shares. */
  public record Day(
      LocalDate date, double open, double high, double low, double close, double volume, int line) {
    public double typicalPrice() {
      return (high + low + close) / 3;
    }
  }

  public static LeanDaily read(String symbol) {
    String file = "lean/daily/" + symbol.toLowerCase(Locale.ROOT) + ".csv";
    try {
      List<String> lines = Files.readAllLines(SharedData.resolve(file));
      List<Day> days = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        String[] f = lines.get(i).split(",");
        days.add(
            new Day(
                LocalDate.parse(f[0].substring(0, 8), DATE),
                Long.parseLong(f[1]) / 10_000.0,
                Long.parseLong(f[2]) / 10_000.0,
                Long.parseLong(f[3]) / 10_000.0,
                Long.parseLong(f[4]) / 10_000.0,
                Double.parseDouble(f[5]),
                i + 1));
      }
      return new LeanDaily(symbol.toUpperCase(Locale.ROOT), List.copyOf(days));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The days up to and including {@code last}. */
  public LeanDaily upTo(LocalDate last) {
    return new LeanDaily(symbol, days.stream().filter(day -> !day.date().isAfter(last)).toList());
  }

  public Day on(LocalDate date) {
    return days.stream().filter(day -> day.date().equals(date)).findFirst().orElseThrow();
  }

  /** The days as bars with their lineage ({@code <symbol>.csv} and line), for a bronze import. */
  public List<io.marketlambda.batch.bronze.BronzeImport.LineageBar> lineageBars() {
    List<io.marketlambda.batch.bronze.BronzeImport.LineageBar> bars = new ArrayList<>();
    for (Day day : days) {
      bars.add(
          new io.marketlambda.batch.bronze.BronzeImport.LineageBar(
              io.marketlambda.core.model.Bar.withTypicalPriceVwap(
                  io.marketlambda.core.model.Symbol.of(symbol),
                  io.marketlambda.core.model.BarInterval.ONE_DAY,
                  day.date().atStartOfDay(NEW_YORK).toInstant(),
                  day.open(),
                  day.high(),
                  day.low(),
                  day.close(),
                  day.volume()),
              symbol.toLowerCase(Locale.ROOT) + ".csv",
              day.line()));
    }
    return bars;
  }

  /** The days as rows of {@link BronzeColumns#BARS}, source lean-daily. */
  public List<Row> bronzeRows() {
    Timestamp ingested = Timestamp.valueOf("2026-01-01 00:00:00");
    List<Row> rows = new ArrayList<>();
    for (Day day : days) {
      rows.add(
          RowFactory.create(
              symbol,
              "1d",
              Timestamp.from(day.date().atStartOfDay(NEW_YORK).toInstant()),
              day.open(),
              day.high(),
              day.low(),
              day.close(),
              day.volume(),
              day.typicalPrice(),
              0L,
              "lean-daily",
              ingested,
              symbol.toLowerCase(Locale.ROOT) + ".csv",
              (long) day.line()));
    }
    return rows;
  }
}
