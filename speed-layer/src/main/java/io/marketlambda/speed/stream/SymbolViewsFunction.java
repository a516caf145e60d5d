package io.marketlambda.speed.stream;

import io.marketlambda.core.model.Alert;
import io.marketlambda.core.model.AlertType;
import io.marketlambda.core.model.AuctionPrint;
import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.SaleConditionRules;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.speed.state.SymbolViews;
import io.marketlambda.views.AlertRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapGroupsWithStateFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.GroupState;

/**
 * Spark's side of {@link SymbolViews}: called once per symbol and micro-batch with the symbol's
 * decoded events ({@link EventColumns}) and its state as bytes; returns the rows of {@link
 * UpdateColumns}.
 *
 * <p>The query's event-time watermark is read from {@link GroupState#getCurrentWatermarkMs()}: this
 * operator owns it, so every valid event behind it becomes a {@code late} row here, exactly once.
 * (The operator runs without an event-time timeout because Spark would drop such rows silently
 * before calling it; the state stays bounded without one, see {@link SymbolViews}.) Invalid records
 * all arrive under the key {@value #INVALID_KEY} and become {@code dead_letter} rows; they never
 * touch a state.
 */
final class SymbolViewsFunction
    implements FlatMapGroupsWithStateFunction<String, Row, byte[], Row> {
  private static final long serialVersionUID = 1L;

  /** The grouping key of invalid records (no symbol is empty). */
  static final String INVALID_KEY = "";

  private final AlertRules rules;
  private final SaleConditionRules saleConditions;
  private final SpeedCounts counts;

  SymbolViewsFunction(AlertRules rules, SaleConditionRules saleConditions, SpeedCounts counts) {
    this.rules = rules;
    this.saleConditions = saleConditions;
    this.counts = counts;
  }

  /** The grouping key of an event row. */
  static String key(Row event) {
    return EventColumns.INVALID.equals(event.getString(EventColumns.I_KIND))
        ? INVALID_KEY
        : event.getString(EventColumns.I_SYMBOL);
  }

  @Override
  public Iterator<Row> call(String key, Iterator<Row> events, GroupState<byte[]> state) {
    List<Row> out = new ArrayList<>();
    if (INVALID_KEY.equals(key)) {
      events.forEachRemaining(event -> out.add(UpdateColumns.deadLetter(event)));
      return out.iterator();
    }
    Symbol symbol = Symbol.of(key);
    long watermark = state.getCurrentWatermarkMs();
    SymbolViews views =
        state.exists()
            ? SymbolViews.read(symbol, rules, saleConditions, state.get())
            : SymbolViews.empty(symbol, rules, saleConditions);
    SymbolViews.Updates updates =
        new SymbolViews.Updates() {
          @Override
          public void bar(Bar bar) {
            out.add(UpdateColumns.bar(bar));
          }

          @Override
          public void indicators(Bar oneMinuteBar, double[] values) {
            out.add(UpdateColumns.indicators(oneMinuteBar, values));
          }

          @Override
          public void alert(Alert alert) {
            out.add(UpdateColumns.alert(alert));
          }

          @Override
          public void withdraw(Symbol symbol, Instant time, AlertType type) {
            out.add(UpdateColumns.withdrawal(symbol, time, type));
          }
        };
    views.advanceTo(watermark, updates);
    long taken = 0;
    long duplicates = 0;
    long[] tradesByUpdates = new long[SaleConditionRules.Updates.values().length];
    while (events.hasNext()) {
      Row event = events.next();
      long eventMillis = event.getTimestamp(EventColumns.I_EVENT_TIME).getTime();
      boolean trade = EventColumns.TRADE.equals(event.getString(EventColumns.I_KIND));
      SymbolViews.Outcome outcome =
          trade
              ? views.addTrade(
                  watermark,
                  eventMillis,
                  event.getLong(EventColumns.I_SEQUENCE),
                  event.getDouble(EventColumns.I_PRICE),
                  event.getLong(EventColumns.I_SIZE),
                  event.getLong(EventColumns.I_CONDITIONS),
                  AuctionPrint.ofCode(event.getInt(EventColumns.I_AUCTION_PRINT)))
              : views.addBar(watermark, bar(symbol, eventMillis, event));
      if (trade && outcome == SymbolViews.Outcome.ACCEPTED) {
        tradesByUpdates[
            saleConditions.updates(event.getLong(EventColumns.I_CONDITIONS)).ordinal()]++;
      }
      switch (outcome) {
        case ACCEPTED -> taken++;
        case DUPLICATE -> duplicates++;
        case LATE -> out.add(UpdateColumns.late(event, Instant.ofEpochMilli(watermark)));
      }
    }
    views.emitChanges(updates);
    state.update(views.toBytes());
    counts.add(SpeedCounts.EVENTS, taken);
    if (duplicates > 0) {
      counts.add(SpeedCounts.DUPLICATE, duplicates);
    }
    for (SaleConditionRules.Updates kind : SaleConditionRules.Updates.values()) {
      if (tradesByUpdates[kind.ordinal()] > 0) {
        counts.add(SpeedCounts.trades(kind), tradesByUpdates[kind.ordinal()]);
      }
    }
    return out.iterator();
  }

  private static Bar bar(Symbol symbol, long startMillis, Row event) {
    int i = EventColumns.I_OPEN;
    return new Bar(
        symbol,
        BarInterval.ONE_MINUTE,
        Instant.ofEpochMilli(startMillis),
        event.getDouble(i),
        event.getDouble(i + 1),
        event.getDouble(i + 2),
        event.getDouble(i + 3),
        event.getDouble(i + 4),
        event.getDouble(i + 5),
        event.getLong(i + 6));
  }
}
