package io.marketlambda.core.config;

import io.marketlambda.core.rowkey.RealtimeRowKeyCodec;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where and how the HBase realtime views are keyed.
 *
 * @param namespace the HBase namespace of the realtime view tables, letters, digits and {@code _}
 * @param saltBuckets the salt buckets of realtime row keys, 1 to 256; fixed for a table's life
 */
public record RealtimeViewsConfig(String namespace, int saltBuckets) {
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
          RealtimeRowKeyCodec.MAX_SALT_BUCKETS,
          "Salt buckets (and pre-split regions) of realtime row keys; changing it needs new tables");

  /**
   * @throws IllegalArgumentException when {@code namespace} is not a legal HBase namespace or
   *     {@code saltBuckets} is not in [1, 256]
   */
  public RealtimeViewsConfig {
    if (namespace == null || !NAMESPACE_NAME.matcher(namespace).matches()) {
      throw new IllegalArgumentException(
          "Cannot use namespace '" + namespace + "': it is not " + NAMESPACE_RULE);
    }
    if (saltBuckets < 1 || saltBuckets > RealtimeRowKeyCodec.MAX_SALT_BUCKETS) {
      throw new IllegalArgumentException(
          "Cannot use saltBuckets "
              + saltBuckets
              + ": it is not in [1, "
              + RealtimeRowKeyCodec.MAX_SALT_BUCKETS
              + "]");
    }
  }

  /**
   * Reads the realtime views config.
   *
   * @throws ConfigException naming the key and value when a value is invalid
   */
  public static RealtimeViewsConfig from(Settings settings) {
    return new RealtimeViewsConfig(settings.get(NAMESPACE), settings.get(SALT_BUCKETS));
  }

  /** Returns every key this config reads. */
  public static List<ConfigKey<?>> keys() {
    return List.of(NAMESPACE, SALT_BUCKETS);
  }

  /** Returns the row-key codec of the realtime views, with {@link #saltBuckets()} buckets. */
  public RealtimeRowKeyCodec rowKeyCodec() {
    return new RealtimeRowKeyCodec(saltBuckets);
  }
}
