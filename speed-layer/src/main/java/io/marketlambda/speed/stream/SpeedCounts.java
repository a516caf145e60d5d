package io.marketlambda.speed.stream;

import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.util.AccumulatorV2;

/**
 * Counts by name that Spark tasks add to and the driver reads after each micro-batch: late quotes,
 * duplicates, dead letters by field, rows written per view. A task retried by Spark adds its counts
 * again (Spark's accumulators in transformations are at least once), so these feed metrics and
 * logs, never data.
 */
final class SpeedCounts extends AccumulatorV2<String, Map<String, Long>> {
  private static final long serialVersionUID = 1L;

  static final String LATE = "late";
  static final String DUPLICATE = "duplicate";
  static final String DEAD_LETTER = "dead_letter.";
  static final String BARS = "bars";
  static final String INDICATORS = "indicators";
  static final String ALERT = "alert.";
  static final String WITHDRAWN = "withdrawn";
  static final String LATEST_QUOTES = "latest_quotes";
  static final String EVENTS = "events";
  static final String TRADES = "trades.";

  /** The count of trades taken whose sale conditions let them update {@code updates}. */
  static String trades(io.marketlambda.core.model.SaleConditionRules.Updates updates) {
    return TRADES + updates.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  private final TreeMap<String, Long> counts = new TreeMap<>();

  void add(String name, long count) {
    synchronized (counts) {
      counts.merge(name, count, Long::sum);
    }
  }

  @Override
  public void add(String name) {
    add(name, 1);
  }

  @Override
  public boolean isZero() {
    synchronized (counts) {
      return counts.isEmpty();
    }
  }

  @Override
  public SpeedCounts copy() {
    SpeedCounts copy = new SpeedCounts();
    copy.merge(this);
    return copy;
  }

  @Override
  public void reset() {
    synchronized (counts) {
      counts.clear();
    }
  }

  @Override
  public void merge(AccumulatorV2<String, Map<String, Long>> other) {
    other.value().forEach(this::add);
  }

  @Override
  public Map<String, Long> value() {
    synchronized (counts) {
      return new TreeMap<>(counts);
    }
  }

  /** Returns the counts and resets them, for one micro-batch's figures. */
  Map<String, Long> drain() {
    synchronized (counts) {
      Map<String, Long> value = new TreeMap<>(counts);
      counts.clear();
      return value;
    }
  }
}
