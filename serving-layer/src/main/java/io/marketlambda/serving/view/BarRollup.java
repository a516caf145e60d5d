package io.marketlambda.serving.view;

import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.BarInterval;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bars of a longer interval from finer bars, on the JVM: the same definition as the views module's
 * Spark {@code BarsPipeline.rollUp}, which the batch layer uses for its weekly and monthly bars:
 * open of the first bar and close of the last (by start), the extreme high and low, summed volume
 * and trade count, VWAP weighted by volume ({@code Σ(vwap × volume) / Σ volume}), or the typical
 * price {@code (high + low + close) / 3} when the volume is 0.
 */
final class BarRollup {
  private BarRollup() {}

  /**
   * Rolls bars up, one result per bar of {@code interval}, in order of start.
   *
   * @param bars bars of one symbol and one interval that nests in {@code interval}, in ascending
   *     order of start
   */
  static List<Bar> rollUp(List<Bar> bars, BarInterval interval) {
    Map<java.time.Instant, List<Bar>> groups = new LinkedHashMap<>();
    for (Bar bar : bars) {
      groups.computeIfAbsent(interval.startOf(bar.start()), start -> new ArrayList<>()).add(bar);
    }
    List<Bar> rolled = new ArrayList<>(groups.size());
    groups.forEach((start, group) -> rolled.add(aggregate(start, group, interval)));
    return List.copyOf(rolled);
  }

  private static Bar aggregate(java.time.Instant start, List<Bar> group, BarInterval interval) {
    Bar first = group.get(0);
    Bar last = group.get(group.size() - 1);
    double high = Double.NEGATIVE_INFINITY;
    double low = Double.POSITIVE_INFINITY;
    double volume = 0;
    double notional = 0;
    long trades = 0;
    for (Bar bar : group) {
      high = Math.max(high, bar.highUsd());
      low = Math.min(low, bar.lowUsd());
      volume += bar.volumeShares();
      notional += bar.vwapUsd() * bar.volumeShares();
      trades += bar.tradeCount();
    }
    double vwap = volume > 0 ? notional / volume : (high + low + last.closeUsd()) / 3;
    return new Bar(
        first.symbol(),
        interval,
        start,
        first.openUsd(),
        high,
        low,
        last.closeUsd(),
        volume,
        vwap,
        trades);
  }
}
