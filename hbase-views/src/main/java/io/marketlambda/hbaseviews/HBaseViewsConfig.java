package io.marketlambda.hbaseviews;

import io.marketlambda.core.config.ConfigException;
import io.marketlambda.core.config.ConfigKey;
import io.marketlambda.core.config.Settings;
import io.marketlambda.hbaseviews.rowkey.RowKeyCodec;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where and how the HBase views are kept: the realtime views and the batch serving copy share the
 * namespace and the row keys.
 *
 * @param namespace the HBase namespace of the realtime view tables, letters, digits and {@code _}
 * @param saltBuckets the salt buckets of realtime row keys, 1 to 256; fixed for a table's life
 * @param timeToLive how long realtime cells live, counted from their event time (HBase TTL), at
 *     least one second
 */
public record HBaseViewsConfig(String namespace, int saltBuckets, Duration timeToLive)
    implements java.io.Serializable {
  /** The default time to live: the speed layer only covers what the last batch runs have not. */
  public static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofDays(7);

  private static final Pattern NAMESPACE_NAME = Pattern.compile("[a-zA-Z0-9_]+");
  private static final String NAMESPACE_RULE = "an HBase namespace (letters, digits and _)";

  /** HBase namespace of the realtime views. */
  public static final ConfigKey<String> NAMESPACE =
      ConfigKey.matching(
          "realtime.hbase-namespace",
          "marketlambda",
          NAMESPACE_NAME,
          NAMESPACE_RULE,
          "HBase namespace of the realtime view tables");

  /** Salt buckets of realtime row keys. */
  public static final ConfigKey<Integer> SALT_BUCKETS =
      ConfigKey.integer(
          "realtime.salt-buckets",
          16,
          1,
          RowKeyCodec.MAX_SALT_BUCKETS,
          "Salt buckets (and pre-split regions) of realtime row keys; changing it needs new tables");

  /** Time to live of realtime cells. */
  public static final ConfigKey<Duration> TIME_TO_LIVE =
      ConfigKey.duration(
          "realtime.ttl",
          DEFAULT_TIME_TO_LIVE,
          "How long realtime cells live from their event time; replays of past days need more,"
              + " e.g. 5000d");

  /** A config with the default time to live. */
  public HBaseViewsConfig(String namespace, int saltBuckets) {
    this(namespace, saltBuckets, DEFAULT_TIME_TO_LIVE);
  }

  /**
   * @throws IllegalArgumentException when {@code namespace} is not a legal HBase namespace, {@code
   *     saltBuckets} is not in [1, 256] or {@code timeToLive} is under a second or over HBase's
   *     limit (about 68 years)
   */
  public HBaseViewsConfig {
    if (namespace == null || !NAMESPACE_NAME.matcher(namespace).matches()) {
      throw new IllegalArgumentException(
          "Cannot use namespace '" + namespace + "': it is not " + NAMESPACE_RULE);
    }
    if (saltBuckets < 1 || saltBuckets > RowKeyCodec.MAX_SALT_BUCKETS) {
      throw new IllegalArgumentException(
          "Cannot use saltBuckets "
              + saltBuckets
              + ": it is not in [1, "
              + RowKeyCodec.MAX_SALT_BUCKETS
              + "]");
    }
    if (timeToLive == null
        || timeToLive.getSeconds() < 1
        || timeToLive.getSeconds() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "Cannot use timeToLive " + timeToLive + ": it is not between 1 second and 68 years");
    }
  }

  /**
   * Reads the realtime views config.
   *
   * @throws ConfigException naming the key and value when a value is invalid
   */
  public static HBaseViewsConfig from(Settings settings) {
    return new HBaseViewsConfig(
        settings.get(NAMESPACE), settings.get(SALT_BUCKETS), settings.get(TIME_TO_LIVE));
  }

  /** Returns every key this config reads. */
  public static List<ConfigKey<?>> keys() {
    return List.of(NAMESPACE, SALT_BUCKETS, TIME_TO_LIVE);
  }

  /** Returns the row-key codec of the realtime views, with {@link #saltBuckets()} buckets. */
  public RowKeyCodec rowKeyCodec() {
    return new RowKeyCodec(saltBuckets);
  }
}
