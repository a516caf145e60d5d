package io.marketlambda.bench;

import org.HdrHistogram.Histogram;

/**
 * Latencies of one measurement, for percentiles: an <a
 * href="https://github.com/HdrHistogram/HdrHistogram">HdrHistogram</a> of microseconds with three
 * significant digits, so a reported percentile is within 0.1 % of the recorded value. Not
 * thread-safe: record from one thread, or build it once the measurement is over.
 */
public final class Latencies {
  private final Histogram histogram = new Histogram(3);

  /** Latencies of {@code count} values from {@code nanos[0]}, in nanoseconds. */
  public static Latencies ofNanos(long[] nanos, int count) {
    Latencies latencies = new Latencies();
    for (int i = 0; i < count; i++) {
      latencies.recordNanos(nanos[i]);
    }
    return latencies;
  }

  /** Records one latency, in nanoseconds; a negative one counts as 0. */
  public void recordNanos(long nanos) {
    histogram.recordValue(Math.max(0, nanos / 1_000));
  }

  /** How many latencies were recorded. */
  public long count() {
    return histogram.getTotalCount();
  }

  /**
   * The latency at {@code percentile}, in milliseconds: the value that many percent of the recorded
   * ones are at or below ({@link Histogram#getValueAtPercentile}).
   *
   * @param percentile 0 to 100, e.g. 99 for p99
   * @return milliseconds, or NaN when nothing was recorded
   */
  public double percentileMillis(double percentile) {
    return count() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1_000.0;
  }
}
