package io.marketlambda.batch.run;

import io.marketlambda.core.config.ConfigKey;
import io.marketlambda.core.config.LakeConfig;
import io.marketlambda.core.config.Settings;
import io.marketlambda.core.model.SaleConditionRules;
import io.marketlambda.views.BarsPipeline;
import io.marketlambda.views.WireQuotes;
import java.time.Duration;
import java.util.List;

/**
 * The batch layer's configuration.
 *
 * @param lake where the tables live
 * @param movers gainers and losers kept per trading date in {@code gold.top_movers}, and symbols in
 *     {@code gold.volatility_leaders}
 * @param optimize whether the run compacts a table it wrote that holds more than {@link
 *     LakeMaintenance#OPTIMIZE_MIN_FILES} files (OPTIMIZE); a full rewrite leaves a few clustered
 *     files, so this is rare
 * @param vacuumRetention files no longer referenced for this long are deleted (VACUUM); at least
 *     Delta's safety minimum of 168 hours unless 0, which means no VACUUM
 * @param vacuumInterval a run VACUUMs the tables it wrote when the last run that did is at least
 *     this long ago (or none did): maintenance on a schedule, not on every run
 * @param servingCopy whether the run exports its views to the HBase serving copy
 * @param hbase HBase client settings for the serving copy, the {@code hbase.*} keys verbatim
 * @param views the HBase namespace and salt buckets the serving copy shares with the realtime views
 * @param maxEventTimeAhead how far a landed quote's event time may be ahead of its Kafka timestamp
 *     before it is quarantined ({@link WireQuotes#MAX_EVENT_TIME_AHEAD}, as the speed layer)
 * @param lockTimeout how long a run holding the lake's batch-run lock may go unheard of (its
 *     heartbeat is every quarter of this) before another run takes the lock over ({@link
 *     BatchRunLock})
 * @param saleConditions what a trade of each sale condition updates in the bars of landed quotes,
 *     as the speed layer ({@link BarsPipeline#PRICE_EXCLUDED_CONDITIONS})
 */
public record BatchConfig(
    LakeConfig lake,
    int movers,
    boolean optimize,
    Duration vacuumRetention,
    Duration vacuumInterval,
    boolean servingCopy,
    java.util.Map<String, String> hbase,
    io.marketlambda.hbaseviews.HBaseViewsConfig views,
    Duration maxEventTimeAhead,
    Duration lockTimeout,
    SaleConditionRules saleConditions) {
  public static final ConfigKey<Boolean> SERVING_COPY =
      ConfigKey.bool(
          "batch.serving-copy",
          false,
          "Export each run's views to the HBase serving copy (bulk load; needs hbase.*)");
  public static final ConfigKey<Integer> MOVERS =
      ConfigKey.integer(
          "batch.movers", 10, 1, 1000, "Gainers, losers and volatility leaders kept per date");
  public static final ConfigKey<Boolean> OPTIMIZE =
      ConfigKey.bool(
          "batch.optimize",
          true,
          "Compact a table the run wrote when it holds more than "
              + LakeMaintenance.OPTIMIZE_MIN_FILES
              + " files");
  public static final ConfigKey<Duration> VACUUM_RETENTION =
      ConfigKey.duration(
          "batch.vacuum-retention",
          Duration.ofDays(7),
          "VACUUM files unreferenced for this long (0: no VACUUM; else >= 168h)");
  public static final ConfigKey<Duration> VACUUM_INTERVAL =
      ConfigKey.duration(
          "batch.vacuum-interval",
          Duration.ofDays(7),
          "A run VACUUMs when the last run that did is this long ago (0s: every run)");

  public static final ConfigKey<Duration> LOCK_TIMEOUT =
      ConfigKey.duration(
          "batch.lock-timeout",
          Duration.ofMinutes(2),
          "Take over the batch-run lock of a run not heard of for this long (killed)");

  /**
   * @throws IllegalArgumentException naming the key when the retention is below 168 hours (Delta
   *     refuses, as readers of older versions could lose files)
   */
  public BatchConfig {
    hbase = java.util.Map.copyOf(hbase);
    if (lockTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException(
          "Cannot use batch.lock-timeout="
              + io.marketlambda.core.config.Durations.format(lockTimeout)
              + ": give at least 1s");
    }
    if (vacuumInterval.isNegative()) {
      throw new IllegalArgumentException(
          "Cannot use batch.vacuum-interval="
              + io.marketlambda.core.config.Durations.format(vacuumInterval)
              + ": give 0s or more");
    }
    if (!vacuumRetention.isZero() && vacuumRetention.compareTo(Duration.ofHours(168)) < 0) {
      throw new IllegalArgumentException(
          "Cannot use batch.vacuum-retention="
              + vacuumRetention
              + ": below Delta's minimum of 168 hours (use 0 for no VACUUM)");
    }
  }

  /** Reads the configuration from {@code settings}. */
  public static BatchConfig from(Settings settings) {
    return new BatchConfig(
        LakeConfig.from(settings),
        settings.get(MOVERS),
        settings.get(OPTIMIZE),
        settings.get(VACUUM_RETENTION),
        settings.get(VACUUM_INTERVAL),
        settings.get(SERVING_COPY),
        settings.withPrefix("hbase."),
        io.marketlambda.hbaseviews.HBaseViewsConfig.from(settings),
        settings.get(WireQuotes.MAX_EVENT_TIME_AHEAD),
        settings.get(LOCK_TIMEOUT),
        settings.get(BarsPipeline.PRICE_EXCLUDED_CONDITIONS));
  }

  /** This config with another {@code batch.lock-timeout}. */
  public BatchConfig withLockTimeout(Duration timeout) {
    return new BatchConfig(
        lake,
        movers,
        optimize,
        vacuumRetention,
        vacuumInterval,
        servingCopy,
        hbase,
        views,
        maxEventTimeAhead,
        timeout,
        saleConditions);
  }

  /** A config of the lake alone: no serving copy. */
  public static BatchConfig lakeOnly(
      LakeConfig lake, int movers, boolean optimize, Duration vacuumRetention) {
    return new BatchConfig(
        lake,
        movers,
        optimize,
        vacuumRetention,
        VACUUM_INTERVAL.defaultValue().orElseThrow(),
        false,
        java.util.Map.of(),
        io.marketlambda.hbaseviews.HBaseViewsConfig.from(
            io.marketlambda.core.config.Settings.empty()),
        WireQuotes.MAX_EVENT_TIME_AHEAD.defaultValue().orElseThrow(),
        LOCK_TIMEOUT.defaultValue().orElseThrow(),
        SaleConditionRules.TAPE);
  }

  /** Every key this config reads besides the shared configs. */
  public static List<ConfigKey<?>> keys() {
    return List.of(
        MOVERS,
        OPTIMIZE,
        VACUUM_RETENTION,
        VACUUM_INTERVAL,
        SERVING_COPY,
        LOCK_TIMEOUT,
        WireQuotes.MAX_EVENT_TIME_AHEAD,
        BarsPipeline.PRICE_EXCLUDED_CONDITIONS);
  }
}
