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
 * <p>From trades ({@link #addTrade}), by their sale conditions ({@link SaleCondition}, the tape's
 * eligibility table, less any conditions {@link SaleConditionRules} takes out of the prices): open
 * and close are the prices of the first and last trade that may set the last sale, by (event time,
 * sequence), whatever order they arrive in; high and low the extreme prices of the trades that may
 * set them; volume the sum of sizes (shares) of the trades that count in volume; VWAP {@code
 * Σ(price × size) / Σ size} over those (Berkowitz, Logue and Noser, Journal of Finance 43(1),
 * 1988), or the typical price {@code (high + low + close) / 3} when the volume is 0; trade count
 * the number of trades, every print counted whatever its conditions. A bar none of whose trades may
 * set the last sale takes open and close from those that may set high and low, and a bar with
 * neither (e.g. only Form T prints before the open) takes every price from all its trades, so that
 * it still has prices; the tape's rules decide only among the trades of one bar. The listing
 * market's opening auction print is the open of its minute ({@link AuctionPrint}), and of a coarser
 * bar whose first trade that may set the last sale is in that minute.
 *
 * <p>From finer bars ({@link #addBar}, a roll-up): open of the earliest bar and close of the latest
 * by bar start, extreme high and low, summed volume and trade count, VWAP {@code Σ(vwap × volume) /
 * Σ volume}. A vendor's bar taken whole ({@link #of}) rolls up the same way.
 *
 * <p>Mutable and not thread-safe; {@link #write}/{@link #read} give a compact binary form for
 * streaming state.
 */
public final class BarBuilder {
  private static final long MINUTE_MILLIS = 60_000;

  /** Prices of the trades that may set the last sale. */
  private final Prices last = new Prices();

  /** Prices of the trades that may set high and low. */
  private final Prices highLow = new Prices();

  /** Prices of every trade. */
  private final Prices any = new Prices();

  /** Prices of the listing market's opening auction prints that may set the last sale. */
  private final Prices openingAuction = new Prices();

  private final SaleConditionRules rules;
  private double volumeShares;
  private double notionalUsd;
  private long tradeCount;

  /** An empty bar under the tape's rules: {@link #isEmpty()} until the first event. */
  public BarBuilder() {
    this(SaleConditionRules.TAPE);
  }

  /**
   * An empty bar whose trades update what {@code rules} allow: {@link #isEmpty()} until the first
   * event.
   */
  public BarBuilder(SaleConditionRules rules) {
    this.rules = rules;
  }

  /** A bar holding one whole bar, e.g. a vendor's 1-minute bar. */
  public static BarBuilder of(Bar bar) {
    BarBuilder builder = new BarBuilder();
    builder.addBar(bar);
    return builder;
  }

  /**
   * Adds one regular-way trade (no stated sale condition).
   *
   * @param eventMillis the trade's event time, epoch ms UTC
   * @param sequence orders trades of equal event time
   * @param priceUsd the trade price, USD
   * @param sizeShares the trade size, shares
   */
  public void addTrade(long eventMillis, long sequence, double priceUsd, long sizeShares) {
    addTrade(eventMillis, sequence, priceUsd, sizeShares, 0);
  }

  /**
   * Adds one trade, updating what its sale conditions allow under this builder's rules.
   *
   * @param eventMillis the trade's event time, epoch ms UTC
   * @param sequence orders trades of equal event time
   * @param priceUsd the trade price, USD
   * @param sizeShares the trade size, shares
   * @param conditions the trade's sale conditions, a bit set of {@link SaleCondition#mask()}s
   */
  public void addTrade(
      long eventMillis, long sequence, double priceUsd, long sizeShares, long conditions) {
    addTrade(eventMillis, sequence, priceUsd, sizeShares, conditions, AuctionPrint.NONE);
  }

  /**
   * Adds one trade, updating what its sale conditions allow under this builder's rules; the listing
   * market's opening auction print is the bar's open ({@link AuctionPrint}). A closing auction
   * print is added to the bar {@link AuctionPrint#barMillis} places it in, like any trade.
   *
   * @param auction what the trade is: {@link AuctionPrint#of}
   */
  public void addTrade(
      long eventMillis,
      long sequence,
      double priceUsd,
      long sizeShares,
      long conditions,
      AuctionPrint auction) {
    if (auction == AuctionPrint.OPENING && rules.setsLast(conditions)) {
      openingAuction.add(eventMillis, sequence, priceUsd, priceUsd, priceUsd, priceUsd);
    }
    any.add(eventMillis, sequence, priceUsd, priceUsd, priceUsd, priceUsd);
    if (rules.setsHighLow(conditions)) {
      highLow.add(eventMillis, sequence, priceUsd, priceUsd, priceUsd, priceUsd);
    }
    if (rules.setsLast(conditions)) {
      last.add(eventMillis, sequence, priceUsd, priceUsd, priceUsd, priceUsd);
    }
    if (rules.countsVolume(conditions)) {
      volumeShares += sizeShares;
      notionalUsd += priceUsd * sizeShares;
    }
    tradeCount++;
  }

  /**
   * Adds the trades of another builder (a roll-up of finer bars that keeps the tape's rules): each
   * kind of price merged with its own kind, so a finer bar that had to take its prices from all its
   * trades (e.g. a pre-market minute of Form T prints) passes on only what its trades may set.
   * Equal to adding the same trades to this builder one by one.
   */
  public void addAll(BarBuilder finer) {
    last.merge(finer.last);
    highLow.merge(finer.highLow);
    any.merge(finer.any);
    openingAuction.merge(finer.openingAuction);
    volumeShares += finer.volumeShares;
    notionalUsd += finer.notionalUsd;
    tradeCount += finer.tradeCount;
  }

  /**
   * Adds a finer bar taken whole (a roll-up of bars, e.g. a vendor's): ordered by its start, its
   * prices in every kind.
   */
  public void addBar(Bar bar) {
    long start = bar.start().toEpochMilli();
    for (Prices prices : new Prices[] {last, highLow, any}) {
      prices.add(start, 0, bar.openUsd(), bar.highUsd(), bar.lowUsd(), bar.closeUsd());
    }
    volumeShares += bar.volumeShares();
    notionalUsd += bar.vwapUsd() * bar.volumeShares();
    tradeCount += bar.tradeCount();
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
    return any.empty;
  }

  /**
   * Returns the bar.
   *
   * @throws IllegalStateException when the builder is empty
   * @throws InvalidRecordException when the values make no valid bar
   */
  public Bar toBar(Symbol symbol, BarInterval interval, Instant start) {
    if (any.empty) {
      throw new IllegalStateException(
          "Cannot make the " + interval + " bar of " + symbol + " at " + start + ": no trades");
    }
    Prices range = highLow.empty ? any : highLow;
    Prices ends = last.empty ? range : last;
    double vwap =
        volumeShares > 0 ? notionalUsd / volumeShares : (range.high + range.low + ends.close) / 3;
    return new Bar(
        symbol,
        interval,
        start,
        opensAtTheAuction() ? openingAuction.open : ends.open,
        range.high,
        range.low,
        ends.close,
        volumeShares,
        vwap,
        tradeCount);
  }

  /**
   * Whether the opening auction is the open: when the bar holds one in the same minute as its first
   * trade that may set the last sale. So a coarser bar opens as the roll-up of its 1-minute bars
   * does (the first minute's open); an auction that came later (a delayed open) sets the open of
   * its own minute only.
   */
  private boolean opensAtTheAuction() {
    return !openingAuction.empty
        && Math.floorDiv(openingAuction.firstMillis, MINUTE_MILLIS)
            == Math.floorDiv(last.firstMillis, MINUTE_MILLIS);
  }

  /** Writes the builder's state, for {@link #read}. */
  public void write(DataOutput out) throws IOException {
    last.write(out);
    highLow.write(out);
    any.write(out);
    openingAuction.write(out);
    out.writeDouble(volumeShares);
    out.writeDouble(notionalUsd);
    out.writeLong(tradeCount);
  }

  /**
   * Reads what {@link #write} wrote; trades added from now on update what {@code rules} allow (the
   * rules are configuration, not state).
   */
  public static BarBuilder read(DataInput in, SaleConditionRules rules) throws IOException {
    BarBuilder builder = new BarBuilder(rules);
    builder.last.read(in);
    builder.highLow.read(in);
    builder.any.read(in);
    builder.openingAuction.read(in);
    builder.volumeShares = in.readDouble();
    builder.notionalUsd = in.readDouble();
    builder.tradeCount = in.readLong();
    return builder;
  }

  /** Open, high, low and close of some of a bar's trades, with the order of the first and last. */
  private static final class Prices {
    private double open;
    private double high;
    private double low;
    private double close;
    private long firstMillis;
    private long firstSequence;
    private long lastMillis;
    private long lastSequence;
    private boolean empty = true;

    void add(long millis, long sequence, double open, double high, double low, double close) {
      update(millis, sequence, open, high, low, close, millis, sequence);
    }

    void merge(Prices other) {
      if (!other.empty) {
        update(
            other.firstMillis,
            other.firstSequence,
            other.open,
            other.high,
            other.low,
            other.close,
            other.lastMillis,
            other.lastSequence);
      }
    }

    /** Takes prices whose first is at (firstMillis, firstSequence), last at (lastMillis, ...). */
    private void update(
        long firstMillis,
        long firstSequence,
        double open,
        double high,
        double low,
        double close,
        long lastMillis,
        long lastSequence) {
      if (empty
          || firstMillis < this.firstMillis
          || (firstMillis == this.firstMillis && firstSequence < this.firstSequence)) {
        this.open = open;
        this.firstMillis = firstMillis;
        this.firstSequence = firstSequence;
      }
      if (empty
          || lastMillis > this.lastMillis
          || (lastMillis == this.lastMillis && lastSequence >= this.lastSequence)) {
        this.close = close;
        this.lastMillis = lastMillis;
        this.lastSequence = lastSequence;
      }
      this.high = empty ? high : Math.max(this.high, high);
      this.low = empty ? low : Math.min(this.low, low);
      empty = false;
    }

    void write(DataOutput out) throws IOException {
      out.writeBoolean(empty);
      out.writeDouble(open);
      out.writeDouble(high);
      out.writeDouble(low);
      out.writeDouble(close);
      out.writeLong(firstMillis);
      out.writeLong(firstSequence);
      out.writeLong(lastMillis);
      out.writeLong(lastSequence);
    }

    void read(DataInput in) throws IOException {
      empty = in.readBoolean();
      open = in.readDouble();
      high = in.readDouble();
      low = in.readDouble();
      close = in.readDouble();
      firstMillis = in.readLong();
      firstSequence = in.readLong();
      lastMillis = in.readLong();
      lastSequence = in.readLong();
    }
  }
}
