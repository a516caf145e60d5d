package io.marketlambda.hbaseviews.realtime;

import io.marketlambda.core.model.BarInterval;

/**
 * The realtime views in HBase, all in one namespace ({@code realtime.hbase-namespace}, default
 * {@code marketlambda}), each with one column family:
 *
 * <pre>
 * table          family  row key                                  holds
 * latest_quote   q       salt + symbol                            the newest trade per symbol
 * bars_1m        b       salt + symbol + 0x00 + reversed bar start 1-minute bars, newest first
 * bars_5m        b       same                                     5-minute bars
 * bars_15m       b       same                                     15-minute bars
 * bars_1h        b       same                                     1-hour bars
 * indicators_1m  i       salt + symbol + 0x00 + reversed bar start rolling indicators per minute
 * alerts         a       salt + symbol + 0x00 + reversed time      provisional alerts
 * </pre>
 *
 * Cells keep one version, expire after {@link #timeToLive()} (the speed layer only covers what the
 * last batch run has not), and use the ROW bloom filter.
 */
public enum RealtimeTable {
  LATEST_QUOTE("latest_quote", "q"),
  BARS_1M("bars_1m", "b"),
  BARS_5M("bars_5m", "b"),
  BARS_15M("bars_15m", "b"),
  BARS_1H("bars_1h", "b"),
  INDICATORS_1M("indicators_1m", "i"),
  ALERTS("alerts", "a");

  private final String tableName;
  private final String family;

  RealtimeTable(String tableName, String family) {
    this.tableName = tableName;
    this.family = family;
  }

  /** The table's name within the namespace, e.g. {@code bars_1m}. */
  public String tableName() {
    return tableName;
  }

  /** The HBase name, {@code namespace:table}, e.g. {@code marketlambda:bars_1m}. */
  public String qualifiedName(String namespace) {
    return namespace + ":" + tableName;
  }

  /** The one column family. */
  public String family() {
    return family;
  }

  /** The bars table of an intraday interval the speed layer serves (1m, 5m, 15m, 1h). */
  public static RealtimeTable bars(BarInterval interval) {
    return switch (interval) {
      case ONE_MINUTE -> BARS_1M;
      case FIVE_MINUTES -> BARS_5M;
      case FIFTEEN_MINUTES -> BARS_15M;
      case ONE_HOUR -> BARS_1H;
      default ->
          throw new IllegalArgumentException(
              "Cannot serve "
                  + interval
                  + " bars from the realtime views: they hold 1m, 5m, 15m and 1h");
    };
  }
}
