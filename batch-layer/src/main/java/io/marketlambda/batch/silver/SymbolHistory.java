package io.marketlambda.batch.silver;

import io.marketlambda.batch.bronze.BronzeColumns;
import io.marketlambda.views.BarColumns;
import io.marketlambda.views.SymbolRuns;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * One symbol's silver history, computed in one pass over its candidate daily bars: the rules of
 * {@link SilverDailyBars} (choice, adjustment, checks) applied to the rows of one symbol in memory
 * (about 5,000 for 20 years).
 */
final class SymbolHistory {
  /** Most calendar days between two bars of a symbol without a flagged gap (weekend + holiday). */
  static final int MAX_SESSION_GAP_DAYS = 4;

  private SymbolHistory() {}

  /**
   * A corporate action the run counts ({@link SilverDailyBars#chosenActions}).
   *
   * @param exDate the first trading date in effect
   * @param split a split (value: new shares per old) or else a cash dividend (value: USD)
   */
  record Action(LocalDate exDate, boolean split, double value) implements Serializable {}

  /**
   * The silver rows ({@link SilverColumns#BARS_DAILY}) of a partition of candidates sorted by
   * symbol, trading date, source priority, latest import and line ({@link SilverDailyBars#build});
   * each symbol's candidates all in the partition.
   *
   * @throws IllegalStateException when a symbol's candidates are not contiguous, or its dates go
   *     back: the input is not sorted as required
   */
  static final class Pass implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<Map<String, List<Action>>> actions;

    Pass(Broadcast<Map<String, List<Action>>> actions) {
      this.actions = actions;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> candidates) {
      Map<String, List<Action>> bySymbol = actions.value();
      return SymbolRuns.flatMap(
          candidates,
          "silver",
          (symbol, rows) -> silver(chosen(symbol, rows), bySymbol.getOrDefault(symbol, List.of())));
    }
  }

  /** The first candidate of each date (the most preferred, as sorted), ascending by date. */
  static List<Row> chosen(String symbol, List<Row> candidates) {
    int dateIndex = candidates.get(0).fieldIndex(SilverColumns.TRADING_DATE);
    List<Row> chosen = new ArrayList<>();
    LocalDate previous = null;
    for (Row candidate : candidates) {
      LocalDate date = localDate(candidate.get(dateIndex));
      if (previous == null || date.isAfter(previous)) {
        chosen.add(candidate);
        previous = date;
      } else if (date.isBefore(previous)) {
        throw new IllegalStateException(
            "Cannot build silver: the candidates of " + symbol + " are not sorted by date");
      }
    }
    return chosen;
  }

  /**
   * The silver rows of one symbol's chosen bars (one per date, ascending) under its actions: only
   * those with an ex-date on or before its last bar count; each bar's factors are the products of
   * the factors of every later ex-date.
   */
  static List<Row> silver(List<Row> bars, List<Action> symbolActions) {
    int n = bars.size();
    if (n == 0) {
      return List.of();
    }
    int dateIndex = bars.get(0).fieldIndex(SilverColumns.TRADING_DATE);
    int closeIndex = bars.get(0).fieldIndex(BarColumns.CLOSE_USD);
    LocalDate[] dates = new LocalDate[n];
    for (int i = 0; i < n; i++) {
      dates[i] = localDate(bars.get(i).get(dateIndex));
    }
    LocalDate last = dates[n - 1];
    List<Action> counted =
        symbolActions.stream()
            .filter(action -> !action.exDate().isAfter(last))
            .sorted(Comparator.comparing(Action::exDate))
            .toList();
    double[][] factors = cumulativeFactors(bars, dates, counted, closeIndex);
    double[] adjFactor = factors[0];
    double[] splitRatio = factors[1];
    List<Row> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Row bar = bars.get(i);
      double open = bar.getAs(BarColumns.OPEN_USD);
      double high = bar.getAs(BarColumns.HIGH_USD);
      double low = bar.getAs(BarColumns.LOW_USD);
      double close = bar.getDouble(closeIndex);
      double shares = bar.getAs(BarColumns.VOLUME_SHARES);
      double vwap = bar.getAs(BarColumns.VWAP_USD);
      boolean ohlcOk = low <= Math.min(open, close) && high >= Math.max(open, close);
      boolean volumeOk = shares > 0;
      boolean gapOk =
          i == 0 || ChronoUnit.DAYS.between(dates[i - 1], dates[i]) <= MAX_SESSION_GAP_DAYS;
      double f = adjFactor[i];
      rows.add(
          RowFactory.create(
              bar.getAs(BarColumns.SYMBOL),
              bar.getAs(BarColumns.INTERVAL),
              bar.getAs(BarColumns.BAR_START),
              open,
              high,
              low,
              close,
              shares,
              vwap,
              bar.getAs(BarColumns.TRADE_COUNT),
              bar.get(dateIndex),
              bar.getAs(BronzeColumns.SOURCE),
              bar.getAs(SilverColumns.DERIVED_FROM),
              f,
              splitRatio[i],
              open * f,
              high * f,
              low * f,
              close * f,
              vwap * f,
              shares * splitRatio[i],
              ohlcOk,
              volumeOk,
              gapOk,
              ((ohlcOk ? 1 : 0) + (volumeOk ? 1 : 0) + (gapOk ? 1 : 0)) / 3.0));
    }
    return rows;
  }

  /**
   * Per bar, the products of the price factors and of the volume factors of the actions with a
   * later ex-date: {@code {adj_factor[], split_ratio_after[]}}.
   */
  private static double[][] cumulativeFactors(
      List<Row> bars, LocalDate[] dates, List<Action> counted, int closeIndex) {
    int n = dates.length;
    double[] priceFactors = new double[counted.size()];
    double[] volumeFactors = new double[counted.size()];
    for (int k = 0; k < counted.size(); k++) {
      Action action = counted.get(k);
      if (action.split()) {
        priceFactors[k] = usable(1 / action.value());
        volumeFactors[k] = usable(action.value());
      } else {
        // The raw close of the last trading date before the ex-date, when there is one.
        int before = lastBefore(dates, action.exDate());
        double factor =
            before < 0 ? 1.0 : 1 - action.value() / bars.get(before).getDouble(closeIndex);
        priceFactors[k] = factor > 0 ? factor : 1.0;
        volumeFactors[k] = 1.0;
      }
    }
    double[] adjFactor = new double[n];
    double[] splitRatio = new double[n];
    double price = 1.0;
    double volume = 1.0;
    int k = counted.size() - 1;
    for (int i = n - 1; i >= 0; i--) {
      while (k >= 0 && counted.get(k).exDate().isAfter(dates[i])) {
        price *= priceFactors[k];
        volume *= volumeFactors[k];
        k--;
      }
      adjFactor[i] = price;
      splitRatio[i] = volume;
    }
    return new double[][] {adjFactor, splitRatio};
  }

  /** A factor that cannot be applied (a split of ratio 0 or below) counts as 1. */
  private static double usable(double factor) {
    return Double.isFinite(factor) && factor > 0 ? factor : 1.0;
  }

  /** The index of the last date before {@code exDate}, or -1. */
  private static int lastBefore(LocalDate[] dates, LocalDate exDate) {
    int low = 0;
    int high = dates.length - 1;
    int found = -1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      if (dates[mid].isBefore(exDate)) {
        found = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return found;
  }

  /** A Spark date value: {@link java.sql.Date}, or {@link LocalDate} under the Java 8 API. */
  static LocalDate localDate(Object value) {
    return value instanceof LocalDate date ? date : ((java.sql.Date) value).toLocalDate();
  }
}
