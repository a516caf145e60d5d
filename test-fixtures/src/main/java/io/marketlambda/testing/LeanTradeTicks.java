package io.marketlambda.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The real Lean trade ticks of a symbol on 2013-10-07, read straight from {@code
 * lean/tick/20131007_<symbol>_Trade_Tick.csv} so tests can compute expected values without the code
 * under test: {@code ms since midnight New York, price x 10,000, size, exchange, condition,
 * suspicious}. Rows flagged suspicious are left out, as the product's reader quarantines them.
 *
 * @param symbol e.g. IBM
 * @param listingExchange the primary exchange on that day, from {@code lean/map_files/<symbol>.csv}
 *     (the first row dated on or after the day, third field), e.g. {@code N}
 * @param ticks the trades in file order
 */
public record LeanTradeTicks(String symbol, String listingExchange, List<Tick> ticks) {
  private static final LocalDate DAY = LocalDate.of(2013, 10, 7);
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  /**
   * One trade.
   *
   * @param time the trade's instant
   * @param priceUsd USD
   * @param size shares
   * @param line 1-based line number in the file (the product's quote sequence)
   * @param exchange the reporting market center's code, e.g. {@code N}
   * @param conditions the sale conditions as the file writes them, AlgoSeek flag bits read from
   *     hexadecimal ({@code 20000020} = intermarket sweep and trade-through exempt)
   */
  public record Tick(
      Instant time, double priceUsd, long size, long line, String exchange, long conditions) {}

  /**
   * The bars of these trades taken as regular sales (every trade sets every value, whatever its
   * conditions: what the product makes of quotes that carry none), computed trade by trade: grouped
   * by {@code length} on the epoch clock, OHLC in (time, line) order, VWAP = sum(price x size) /
   * sum(size).
   */
  public List<TradeBar> bars(java.time.Duration length) {
    long millis = length.toMillis();
    java.util.Map<Long, List<Tick>> byBar = new java.util.TreeMap<>();
    for (Tick tick : ticks) {
      long start = Math.floorDiv(tick.time().toEpochMilli(), millis) * millis;
      byBar.computeIfAbsent(start, key -> new ArrayList<>()).add(tick);
    }
    List<TradeBar> bars = new ArrayList<>();
    byBar.forEach((start, trades) -> bars.add(TradeBar.of(Instant.ofEpochMilli(start), trades)));
    return List.copyOf(bars);
  }

  /**
   * A bar computed from its trades.
   *
   * @param start bar start
   * @param open first trade's price, USD
   * @param high USD
   * @param low USD
   * @param close last trade's price, USD
   * @param volume shares
   * @param vwap USD
   * @param trades number of trades
   */
  public record TradeBar(
      Instant start,
      double open,
      double high,
      double low,
      double close,
      long volume,
      double vwap,
      long trades) {
    /** The bar of {@code trades}, starting at {@code start}. */
    public static TradeBar of(Instant start, List<Tick> trades) {
      List<Tick> ordered =
          trades.stream()
              .sorted(java.util.Comparator.comparing(Tick::time).thenComparing(Tick::line))
              .toList();
      double high = ordered.stream().mapToDouble(Tick::priceUsd).max().orElseThrow();
      double low = ordered.stream().mapToDouble(Tick::priceUsd).min().orElseThrow();
      long volume = ordered.stream().mapToLong(Tick::size).sum();
      double notional = ordered.stream().mapToDouble(tick -> tick.priceUsd() * tick.size()).sum();
      double close = ordered.get(ordered.size() - 1).priceUsd();
      double vwap = volume > 0 ? notional / volume : (high + low + close) / 3;
      return new TradeBar(
          start, ordered.get(0).priceUsd(), high, low, close, volume, vwap, ordered.size());
    }
  }

  /** Reads the 2013-10-07 trades of {@code symbol} (IBM, SPY or BAC). */
  public static LeanTradeTicks read(String symbol) {
    String file = "lean/tick/20131007_" + symbol.toLowerCase(Locale.ROOT) + "_Trade_Tick.csv";
    List<Tick> ticks = new ArrayList<>();
    try {
      List<String> lines = Files.readAllLines(SharedData.resolve(file));
      Instant midnight = DAY.atStartOfDay(NEW_YORK).toInstant();
      for (int i = 0; i < lines.size(); i++) {
        String[] fields = lines.get(i).split(",");
        if (fields.length < 3 || fields[fields.length - 1].equals("1")) {
          continue;
        }
        ticks.add(
            new Tick(
                midnight.plusMillis(Long.parseLong(fields[0])),
                Long.parseLong(fields[1]) / 10_000.0,
                Long.parseLong(fields[2]),
                i + 1,
                fields[3],
                Long.parseLong(fields[4], 16)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
    return new LeanTradeTicks(
        symbol.toUpperCase(Locale.ROOT), listingExchange(symbol), List.copyOf(ticks));
  }

  private static String listingExchange(String symbol) {
    String file = "lean/map_files/" + symbol.toLowerCase(Locale.ROOT) + ".csv";
    try {
      for (String line : Files.readAllLines(SharedData.resolve(file))) {
        String[] fields = line.split(",");
        if (LocalDate.parse(fields[0], java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
            .isBefore(DAY)) {
          continue;
        }
        return fields[2];
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
    throw new IllegalStateException(file + " has no row on or after " + DAY);
  }
}
