package io.marketlambda.batch;

import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * IBM's real trades of 2013-10-07 from the shared data ({@code
 * lean/tick/20131007_ibm_Trade_Tick.csv}: ms since New York midnight, price in 1/10,000 USD,
 * shares), as quotes with sequence numbers from 1 in file order.
 */
public final class LeanTicks {
  /** The trading date of the file. */
  public static final LocalDate DAY = LocalDate.of(2013, 10, 7);

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private LeanTicks() {}

  /** Every trade of the file. */
  public static List<Quote> ibm() {
    List<String> ticks;
    try {
      ticks = Files.readAllLines(SharedData.resolve("lean/tick/20131007_ibm_Trade_Tick.csv"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Quote> quotes = new ArrayList<>(ticks.size());
    for (int i = 0; i < ticks.size(); i++) {
      String[] f = ticks.get(i).split(",");
      quotes.add(
          new Quote(
              Symbol.of("IBM"),
              DAY.atStartOfDay(NEW_YORK).toInstant().plusMillis(Long.parseLong(f[0])),
              Long.parseLong(f[1]) / 10_000.0,
              Long.parseLong(f[2]),
              "lean-tick",
              i + 1));
    }
    return quotes;
  }
}
