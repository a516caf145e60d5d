package io.marketlambda.core.model;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One OHLCV bar built up one event at a time: the plain-Java definition of a bar, which the speed
 * layer's per-symbol state calls per trade, the serving layer calls to roll bars up ({@link
 * #rollUp}), and the views module's Spark {@code BarsPipeline} matches for the batch layer (tests
 * on real data prove them equal: {@code SpeedBatchParityTest}, {@code RollUpParityTest}).
 *
 * <p>From trades ({@link #addTrade}): open and close are the prices of the first and last trade by
 * (event time, sequence), whatever order they arrive in; high and low the extreme prices; volume
 * the sum of sizes (shares); VWAP {@code Σ(price × size) / Σ size} (Berkowitz, Logue and Noser,
 * Journal of Finance 43(1), 1988), or the typical price {@code (high + low + close) / 3} when the
 * volume is 0; trade count the number of trades.
 *
 * <p>From finer bars ({@link #addBar}, a roll-up): open of the earliest bar and close of the latest
 * by bar start, extreme high and low, summed volume and trade count, VWAP {@code Σ(vwap × volume) /
 * Σ volume}. A vendor's bar taken whole ({@link #of}) rolls up the same way.
 *
 * <p>Mutable and not thread-safe; {@link #write}/{@link #read} give a compact binary form for
 * streaming state.
 */
public final class BarBuilder {
  private double openUsd;
  private double highUsd;
  private double lowUsd;
  private double closeUsd;
  private double volumeShares;
  private double notionalUsd;
  private long tradeCount;
  private long firstMillis;
  private long firstSequence;
  private long lastMillis;
  private long lastSequence;
  private boolean empty = true;

  /** An empty bar: {@link #isEmpty()} until the first event. */
  public BarBuilder() {}

  /** A bar holding one whole bar, e.g. a vendor's 1-minute bar. */
  public static BarBuilder of(Bar bar) {
    BarBuilder builder = new BarBuilder();
    builder.addBar(bar);
    return builder;
  }

  /**
   * Adds one trade.
   *
   * @param eventMillis the trade's event time, epoch ms UTC
   * @param sequence orders trades of equal event time
   * @param priceUsd the trade price, USD
   * @param sizeShares the trade size, shares
   */
  public void addTrade(long eventMillis, long sequence, double priceUsd, long sizeShares) {
    add(eventMillis, sequence, priceUsd, priceUsd, priceUsd, priceUsd, sizeShares);
    notionalUsd += priceUsd * sizeShares;
    tradeCount++;
  }

  /** Adds a finer bar (a roll-up): ordered by its start. */
  public void addBar(Bar bar) {
    long start = bar.start().toEpochMilli();
    add(start, 0, bar.openUsd(), bar.highUsd(), bar.lowUsd(), bar.closeUsd(), bar.volumeShares());
    notionalUsd += bar.vwapUsd() * bar.volumeShares();
    tradeCount += bar.tradeCount();
  }

  private void add(
      long millis,
      long sequence,
      double open,
      double high,
      double low,
      double close,
      double volume) {
    if (empty) {
      openUsd = open;
      highUsd = high;
      lowUsd = low;
      closeUsd = close;
      firstMillis = lastMillis = millis;
      firstSequence = lastSequence = sequence;
      empty = false;
    } else {
      if (millis < firstMillis || (millis == firstMillis && sequence < firstSequence)) {
        openUsd = open;
        firstMillis = millis;
        firstSequence = sequence;
      }
      if (millis > lastMillis || (millis == lastMillis && sequence >= lastSequence)) {
        closeUsd = close;
        lastMillis = millis;
        lastSequence = sequence;
      }
      highUsd = Math.max(highUsd, high);
      lowUsd = Math.min(lowUsd, low);
    }
    volumeShares += volume;
  }

  /**
   * Rolls bars up, one result per bar of {@code interval}, in order of start: each group of bars
   * whose start falls in one bar of {@code interval} ({@link BarInterval#startOf}) through {@link
   * #addBar}.
   *
   * @param bars bars of one symbol and of one interval that nests in {@code interval} (1m into 5m,
   *     15m, 1h or 1d; 15m into 1d; 1d into 1w or 1mo), in ascending order of start
   * @return the rolled-up bars, immutable
   */
  public static List<Bar> rollUp(List<Bar> bars, BarInterval interval) {
    Map<Instant, BarBuilder> groups = new LinkedHashMap<>();
    for (Bar bar : bars) {
      groups.computeIfAbsent(interval.startOf(bar.start()), start -> new BarBuilder()).addBar(bar);
    }
    List<Bar> rolled = new ArrayList<>(groups.size());
    Symbol symbol = bars.isEmpty() ? null : bars.get(0).symbol();
    groups.forEach((start, builder) -> rolled.add(builder.toBar(symbol, interval, start)));
    return List.copyOf(rolled);
  }

  /** Whether no event was added yet. */
  public boolean isEmpty() {
    return empty;
  }

  /**
   * Returns the bar.
   *
   * @throws IllegalStateException when the builder is empty
   * @throws InvalidRecordException when the values make no valid bar
   */
  public Bar toBar(Symbol symbol, BarInterval interval, Instant start) {
    if (empty) {
      throw new IllegalStateException(
          "Cannot make the " + interval + " bar of " + symbol + " at " + start + ": no trades");
    }
    double vwap = volumeShares > 0 ? notionalUsd / volumeShares : (highUsd + lowUsd + closeUsd) / 3;
    return new Bar(
        symbol,
        interval,
        start,
        openUsd,
        highUsd,
        lowUsd,
        closeUsd,
        volumeShares,
        vwap,
        tradeCount);
  }

  /** Writes the builder's state, for {@link #read}. */
  public void write(DataOutput out) throws IOException {
    out.writeBoolean(empty);
    out.writeDouble(openUsd);
    out.writeDouble(highUsd);
    out.writeDouble(lowUsd);
    out.writeDouble(closeUsd);
    out.writeDouble(volumeShares);
    out.writeDouble(notionalUsd);
    out.writeLong(tradeCount);
    out.writeLong(firstMillis);
    out.writeLong(firstSequence);
    out.writeLong(lastMillis);
    out.writeLong(lastSequence);
  }

  /** Reads what {@link #write} wrote. */
  public static BarBuilder read(DataInput in) throws IOException {
    BarBuilder builder = new BarBuilder();
    builder.empty = in.readBoolean();
    builder.openUsd = in.readDouble();
    builder.highUsd = in.readDouble();
    builder.lowUsd = in.readDouble();
    builder.closeUsd = in.readDouble();
    builder.volumeShares = in.readDouble();
    builder.notionalUsd = in.readDouble();
    builder.tradeCount = in.readLong();
    builder.firstMillis = in.readLong();
    builder.firstSequence = in.readLong();
    builder.lastMillis = in.readLong();
    builder.lastSequence = in.readLong();
    return builder;
  }
}
