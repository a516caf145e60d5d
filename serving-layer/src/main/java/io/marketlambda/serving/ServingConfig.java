package io.marketlambda.serving;

import io.marketlambda.core.config.ConfigKey;
import io.marketlambda.core.config.Settings;
import io.marketlambda.hbaseviews.HBaseViewsConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The serving layer's configuration.
 *
 * @param hbase HBase client settings, the {@code hbase.*} keys verbatim
 * @param views the realtime views' namespace and salt buckets (the batch serving copy shares them)
 * @param host the interface the HTTP API listens on
 * @param port the HTTP API's port; 0 picks a free one
 * @param apiKeysFile the file of API keys, one per line ({@code #} starts a comment)
 * @param requestsPerSecond per API key, the sustained request rate; bursts up to the same number
 * @param batchViewsRefresh how long the batch views pointer is cached before it is read again
 * @param maxPageSize the most bars or rows one response holds
 */
public record ServingConfig(
    Map<String, String> hbase,
    HBaseViewsConfig views,
    String host,
    int port,
    Path apiKeysFile,
    int requestsPerSecond,
    Duration batchViewsRefresh,
    int maxPageSize) {

  public static final ConfigKey<String> HOST =
      ConfigKey.string(
          "serving.http.host", "127.0.0.1", "Interface the HTTP API listens on (0.0.0.0 for all)");

  public static final ConfigKey<Integer> PORT =
      ConfigKey.integer(
          "serving.http.port", 8080, 0, 65535, "Port of the HTTP API and chart page; 0 = any free");

  public static final ConfigKey<Path> API_KEYS_FILE =
      ConfigKey.path(
          "serving.api-keys-file",
          Path.of("work", "serving", "api-keys"),
          "File of API keys, one per line; # starts a comment");

  public static final ConfigKey<Integer> REQUESTS_PER_SECOND =
      ConfigKey.integer(
          "serving.rate-limit",
          50,
          1,
          1_000_000,
          "Requests per second per API key (token bucket, burst of the same size); over it: 429");

  public static final ConfigKey<Duration> BATCH_VIEWS_REFRESH =
      ConfigKey.duration(
          "serving.batch-views-refresh",
          Duration.ofSeconds(5),
          "How long the batch views pointer (live table, watermarks) is cached");

  public static final ConfigKey<Integer> MAX_PAGE_SIZE =
      ConfigKey.integer(
          "serving.max-page-size", 5000, 1, 100_000, "Most rows one API response holds");

  /**
   * HBase client settings for answering people and apps, under the {@code hbase.*} given: an
   * operation gives up after 1.5 s (each RPC after 1 s, 3 retries), so that while HBase is down the
   * API answers 503 with {@code Retry-After} within 2 s instead of holding its threads for the
   * client's defaults (20 minutes per operation, 15 retries).
   */
  static final Map<String, String> INTERACTIVE_HBASE_CLIENT =
      Map.of(
          "hbase.client.operation.timeout", "900",
          "hbase.client.meta.operation.timeout", "900",
          "hbase.rpc.timeout", "600",
          "hbase.client.retries.number", "1",
          "hbase.client.pause", "50");

  /**
   * Reads the serving config.
   *
   * @throws io.marketlambda.core.config.ConfigException naming the key and value when a value is
   *     invalid
   */
  public static ServingConfig from(Settings settings) {
    Map<String, String> hbase = new TreeMap<>(INTERACTIVE_HBASE_CLIENT);
    hbase.putAll(settings.withPrefix("hbase."));
    return new ServingConfig(
        hbase,
        HBaseViewsConfig.from(settings),
        settings.get(HOST),
        settings.get(PORT),
        settings.get(API_KEYS_FILE),
        settings.get(REQUESTS_PER_SECOND),
        settings.get(BATCH_VIEWS_REFRESH),
        settings.get(MAX_PAGE_SIZE));
  }

  /** Returns every key this config reads (besides {@code hbase.*} and the realtime views'). */
  public static List<ConfigKey<?>> keys() {
    return List.of(
        HOST, PORT, API_KEYS_FILE, REQUESTS_PER_SECOND, BATCH_VIEWS_REFRESH, MAX_PAGE_SIZE);
  }
}
