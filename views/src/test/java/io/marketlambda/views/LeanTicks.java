package io.marketlambda.views;

import io.marketlambda.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The real Lean trade ticks of a symbol on 2013-10-07, read straight from the file for tests:
 * {@code ms since midnight New York, price x 10,000, size, exchange, condition, suspicious}.
 */
record LeanTicks(String symbol, List<Tick> ticks) {
  private static final LocalDate DAY = LocalDate.of(2013, 10, 7);
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  /** One trade. */
  record Tick(Instant time, double priceUsd, long size, long line) {}

  static LeanTicks read(String symbol) {
    String file =
        "lean/tick/20131007_" + symbol.toLowerCase(java.util.Locale.ROOT) + "_Trade_Tick.csv";
    List<Tick> ticks = new ArrayList<>();
    try {
      List<String> lines = Files.readAllLines(SharedData.resolve(file));
      for (int i = 0; i < lines.size(); i++) {
        String[] fields = lines.get(i).split(",");
        if (fields.length < 3 || fields[fields.length - 1].equals("1")) {
          continue;
        }
        Instant time = DAY.atStartOfDay(NEW_YORK).toInstant().plusMillis(Long.parseLong(fields[0]));
        ticks.add(
            new Tick(time, Long.parseLong(fields[1]) / 10_000.0, Long.parseLong(fields[2]), i + 1));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new LeanTicks(symbol, List.copyOf(ticks));
  }

  /** The ticks as rows of {@link QuoteColumns#SCHEMA}. */
  List<Row> rows() {
    return ticks.stream()
        .map(
            tick ->
                RowFactory.create(
                    symbol,
                    Timestamp.from(tick.time()),
                    tick.priceUsd(),
                    tick.size(),
                    "lean-tick",
                    tick.line()))
        .toList();
  }
}
