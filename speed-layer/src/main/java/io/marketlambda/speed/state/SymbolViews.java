package io.marketlambda.speed.state;

import io.marketlambda.core.model.Alert;
import io.marketlambda.core.model.AlertType;
import io.marketlambda.core.model.AuctionPrint;
import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.BarBuilder;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.MarketTime;
import io.marketlambda.core.model.SaleConditionRules;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.views.AlertRules;
import io.marketlambda.views.IntradayAlerts;
import io.marketlambda.views.SessionIndicators;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The realtime views of one symbol, kept up to date one event at a time: the speed layer's
 * per-symbol streaming state (one per symbol in Spark's state store), plain Java.
 *
 * <p>Per event: a trade or vendor 1-minute bar behind the watermark is {@link Outcome#LATE} and
 * changes nothing; a trade whose (event time, sequence) was seen within the watermark is {@link
 * Outcome#DUPLICATE}; any other updates its 1-minute bar ({@link BarBuilder}). {@link #emitChanges}
 * then hands out what the events changed: the 1-minute bars, the 5m, 15m and 1h bars holding them
 * (rolled up from the 1-minute bars kept here), the indicators ({@link SessionIndicators}) of every
 * regular-session minute from the earliest changed one on, and the alerts they raise ({@link
 * IntradayAlerts}, provisional, raised as soon as a bar still filling up meets a rule; withdrawn
 * when the closed bar does not).
 *
 * <p>What is kept is bounded: 1-minute bars only until no trade can change their hour any more;
 * trade keys only until the watermark passes their event time; the indicators of the minutes the
 * watermark has passed are folded into one {@link SessionIndicators} (a few hundred bytes). So the
 * cost of an event and of a micro-batch does not grow with the session: the indicators of a minute
 * still open cost a copy of that fixed state and one step per open minute.
 */
public final class SymbolViews {
  /** What became of one event. */
  public enum Outcome {
    /** It changed its 1-minute bar. */
    ACCEPTED,
    /** Its event time is behind the watermark: its bar is final. */
    LATE,
    /** A trade with the same event time and sequence was taken already. */
    DUPLICATE
  }

  /** Where {@link #emitChanges} hands out what changed. */
  public interface Updates {
    void bar(Bar bar);

    /**
     * @param values the values of {@link io.marketlambda.views.IndicatorColumns#INDICATORS}, in
     *     that order, NaN where not defined
     */
    void indicators(Bar oneMinuteBar, double[] values);

    void alert(Alert alert);

    /** An alert handed out earlier for a minute whose closed bar does not raise it. */
    void withdraw(Symbol symbol, Instant time, AlertType type);
  }

  // 2: bars keep prices by sale-condition eligibility; 3: and the opening auction's price
  private static final int FORMAT = 3;
  private static final long MINUTE = 60_000;
  private static final List<BarInterval> ROLLED_UP =
      List.of(BarInterval.FIVE_MINUTES, BarInterval.FIFTEEN_MINUTES, BarInterval.ONE_HOUR);
  private static final long HOUR = 3_600_000;

  private final Symbol symbol;
  private final AlertRules rules;
  private final SaleConditionRules saleConditions;
  private final NavigableMap<Long, BarBuilder> minutes;
  private SessionIndicators finalIndicators;
  private long finalBefore;
  private final Set<TradeKey> tradeKeys;
  private final NavigableMap<Long, Integer> raised;
  private final TreeSet<Long> changed = new TreeSet<>();

  private record TradeKey(long eventMillis, long sequence) {}

  private SymbolViews(
      Symbol symbol,
      AlertRules rules,
      SaleConditionRules saleConditions,
      NavigableMap<Long, BarBuilder> minutes,
      SessionIndicators finalIndicators,
      long finalBefore,
      Set<TradeKey> tradeKeys,
      NavigableMap<Long, Integer> raised) {
    this.symbol = symbol;
    this.rules = rules;
    this.saleConditions = saleConditions;
    this.minutes = minutes;
    this.finalIndicators = finalIndicators;
    this.finalBefore = finalBefore;
    this.tradeKeys = tradeKeys;
    this.raised = raised;
  }

  /**
   * The views of a symbol nothing was seen of yet.
   *
   * @param rules the alert thresholds (configuration, not state)
   * @param saleConditions what a trade of each sale condition updates in its bar (configuration)
   */
  public static SymbolViews empty(
      Symbol symbol, AlertRules rules, SaleConditionRules saleConditions) {
    return new SymbolViews(
        symbol,
        rules,
        saleConditions,
        new TreeMap<>(),
        new SessionIndicators(),
        Long.MIN_VALUE,
        new HashSet<>(),
        new TreeMap<>());
  }

  /**
   * Moves the watermark: 1-minute bars that end at or before it are closed (the session's last
   * minute only when it passes the end of {@link AuctionPrint#CLOSING_PRINT_WINDOW}), so their
   * indicators are folded into the kept state, and the alerts handed out for them while they filled
   * up that the closed bar does not raise are withdrawn ({@link Updates#withdraw}); bars of hours
   * whose minutes are all closed and trade keys behind the watermark are dropped.
   *
   * @param watermarkMillis the event-time watermark, epoch ms UTC; a watermark behind the last one
   *     changes nothing
   */
  public void advanceTo(long watermarkMillis, Updates out) {
    for (Map.Entry<Long, BarBuilder> minute : minutes.tailMap(finalBefore, true).entrySet()) {
      long start = minute.getKey();
      if (AuctionPrint.finalAtMillis(start) > watermarkMillis) {
        break;
      }
      Bar bar =
          minute.getValue().toBar(symbol, BarInterval.ONE_MINUTE, Instant.ofEpochMilli(start));
      if (MarketTime.isRegularSession(bar.start())) {
        double[] values = finalIndicators.next(bar);
        Integer handedOut = raised.remove(start);
        if (handedOut != null) {
          int holds = mask(IntradayAlerts.raise(symbol, bar.start(), values, rules));
          for (AlertType type : AlertType.values()) {
            int bit = 1 << type.ordinal();
            if ((handedOut & bit) != 0 && (holds & bit) == 0) {
              out.withdraw(symbol, bar.start(), type);
            }
          }
        }
      }
      finalBefore = start + MINUTE;
    }
    // An hour's minutes stay, for its roll-up, while a trade may still change one of them: the
    // session's last minute waits for the closing auction print after the watermark passed it.
    if (watermarkMillis > 0) { // event times start at the epoch; 0 is Spark's "no watermark yet"
      long changeableFrom =
          Math.max(finalBefore, AuctionPrint.changeableFromMillis(watermarkMillis));
      minutes.headMap(Math.floorDiv(changeableFrom, HOUR) * HOUR, false).clear();
    }
    tradeKeys.removeIf(key -> key.eventMillis() < watermarkMillis);
  }

  /** Takes one regular-way trade (no stated sale condition). */
  public Outcome addTrade(
      long watermarkMillis, long eventMillis, long sequence, double priceUsd, long sizeShares) {
    return addTrade(
        watermarkMillis, eventMillis, sequence, priceUsd, sizeShares, 0, AuctionPrint.NONE);
  }

  /**
   * Takes one trade; its sale conditions decide what of its bar it updates ({@link
   * BarBuilder#addTrade(long, long, double, long, long, AuctionPrint)}), and {@link
   * AuctionPrint#barMillis} which 1-minute bar it belongs to (a closing auction print reported
   * after the close belongs to the session's last minute, which stays open for it).
   *
   * @param watermarkMillis the current watermark (as passed to {@link #advanceTo}), epoch ms UTC
   * @param conditions the trade's {@link io.marketlambda.core.model.SaleCondition} bits
   * @param auction what the trade is: {@link AuctionPrint#of}
   */
  public Outcome addTrade(
      long watermarkMillis,
      long eventMillis,
      long sequence,
      double priceUsd,
      long sizeShares,
      long conditions,
      AuctionPrint auction) {
    long start = Math.floorDiv(auction.barMillis(eventMillis), MINUTE) * MINUTE;
    if (eventMillis < watermarkMillis || start < finalBefore) {
      return Outcome.LATE;
    }
    if (!tradeKeys.add(new TradeKey(eventMillis, sequence))) {
      return Outcome.DUPLICATE;
    }
    minutes
        .computeIfAbsent(start, key -> new BarBuilder(saleConditions))
        .addTrade(eventMillis, sequence, priceUsd, sizeShares, conditions, auction);
    changed.add(start);
    return Outcome.ACCEPTED;
  }

  /**
   * Takes a vendor's 1-minute bar whole: it replaces the minute (a vendor's bar is final; the same
   * bar twice is the same state).
   *
   * @throws IllegalArgumentException when the bar is not a 1-minute bar of this symbol
   */
  public Outcome addBar(long watermarkMillis, Bar bar) {
    if (bar.interval() != BarInterval.ONE_MINUTE || !bar.symbol().equals(symbol)) {
      throw new IllegalArgumentException(
          "Cannot take "
              + bar.interval()
              + " bar of "
              + bar.symbol()
              + " into the views of "
              + symbol);
    }
    long start = bar.start().toEpochMilli();
    if (start < watermarkMillis || start < finalBefore) {
      return Outcome.LATE;
    }
    minutes.put(start, BarBuilder.of(bar));
    changed.add(start);
    return Outcome.ACCEPTED;
  }

  /** Hands out what the events since the last call changed, then forgets the changes. */
  public void emitChanges(Updates out) {
    if (changed.isEmpty()) {
      return;
    }
    for (long start : changed) {
      out.bar(minute(start));
    }
    for (BarInterval interval : ROLLED_UP) {
      long length = interval.fixedLength().orElseThrow().toMillis();
      long last = Long.MIN_VALUE;
      for (long start : changed) {
        long coarse = Math.floorDiv(start, length) * length;
        if (coarse != last) {
          BarBuilder rollUp = new BarBuilder();
          for (BarBuilder minute : minutes.subMap(coarse, true, coarse + length, false).values()) {
            rollUp.addAll(minute);
          }
          out.bar(rollUp.toBar(symbol, interval, Instant.ofEpochMilli(coarse)));
          last = coarse;
        }
      }
    }
    long earliest = changed.first();
    SessionIndicators provisional = null;
    for (long start : minutes.tailMap(finalBefore, true).keySet()) {
      Bar bar = minute(start);
      if (!MarketTime.isRegularSession(bar.start())) {
        continue;
      }
      if (provisional == null) {
        provisional = finalIndicators.copy();
      }
      double[] values = provisional.next(bar);
      if (start >= earliest) {
        out.indicators(bar, values);
        List<Alert> alerts = IntradayAlerts.raise(symbol, bar.start(), values, rules);
        for (Alert alert : alerts) {
          out.alert(alert);
        }
        if (!alerts.isEmpty()) {
          raised.merge(start, mask(alerts), (a, b) -> a | b);
        }
      }
    }
    changed.clear();
  }

  private static int mask(List<Alert> alerts) {
    int mask = 0;
    for (Alert alert : alerts) {
      mask |= 1 << alert.type().ordinal();
    }
    return mask;
  }

  private Bar minute(long start) {
    return minutes.get(start).toBar(symbol, BarInterval.ONE_MINUTE, Instant.ofEpochMilli(start));
  }

  /** The state as bytes, for Spark's state store; {@link #read} reads it. */
  public byte[] toBytes() {
    ByteArrayOutputStream bytes =
        new ByteArrayOutputStream(256 + minutes.size() * 96 + tradeKeys.size() * 16);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(FORMAT);
      out.writeLong(finalBefore);
      finalIndicators.write(out);
      out.writeInt(minutes.size());
      for (Map.Entry<Long, BarBuilder> minute : minutes.entrySet()) {
        out.writeLong(minute.getKey());
        minute.getValue().write(out);
      }
      out.writeInt(tradeKeys.size());
      for (TradeKey key : tradeKeys) {
        out.writeLong(key.eventMillis());
        out.writeLong(key.sequence());
      }
      out.writeInt(raised.size());
      for (Map.Entry<Long, Integer> minute : raised.entrySet()) {
        out.writeLong(minute.getKey());
        out.writeInt(minute.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the state of " + symbol, e);
    }
    return bytes.toByteArray();
  }

  /**
   * Reads what {@link #toBytes} wrote, with the configuration of {@link #empty}.
   *
   * @throws IllegalStateException when the bytes are of another format version or cut short
   */
  public static SymbolViews read(
      Symbol symbol, AlertRules rules, SaleConditionRules saleConditions, byte[] state) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state))) {
      int format = in.readInt();
      if (format != FORMAT) {
        throw new IllegalStateException(
            "Cannot read the speed layer's state of "
                + symbol
                + ": format "
                + format
                + ", expected "
                + FORMAT
                + " (start from a new checkpoint)");
      }
      long finalBefore = in.readLong();
      SessionIndicators indicators = SessionIndicators.read(in);
      int count = in.readInt();
      NavigableMap<Long, BarBuilder> minutes = new TreeMap<>();
      for (int i = 0; i < count; i++) {
        long start = in.readLong();
        minutes.put(start, BarBuilder.read(in, saleConditions));
      }
      int keys = in.readInt();
      Set<TradeKey> tradeKeys = new HashSet<>(Math.max(16, keys * 2));
      for (int i = 0; i < keys; i++) {
        tradeKeys.add(new TradeKey(in.readLong(), in.readLong()));
      }
      int raisedCount = in.readInt();
      NavigableMap<Long, Integer> raised = new TreeMap<>();
      for (int i = 0; i < raisedCount; i++) {
        raised.put(in.readLong(), in.readInt());
      }
      return new SymbolViews(
          symbol, rules, saleConditions, minutes, indicators, finalBefore, tradeKeys, raised);
    } catch (IOException e) {
      throw new IllegalStateException(
          "Cannot read the speed layer's state of " + symbol + ": " + e, e);
    }
  }
}
