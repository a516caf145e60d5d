package io.marketlambda.ingest.kafka;

import io.marketlambda.core.config.ConfigKey;
import io.marketlambda.core.config.Settings;
import io.marketlambda.core.config.TopicsConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * How ingest publishes to Kafka: producer settings passed through verbatim from {@code kafka.*}
 * keys (prefix stripped: {@code kafka.bootstrap.servers} becomes {@code bootstrap.servers}), the
 * topic names, and how topics are created when absent.
 *
 * <p>The producer is always idempotent with {@code acks=all}: those two settings cannot be
 * overridden, since replays and restarts rely on them.
 *
 * @param kafka producer settings from {@code kafka.*}, prefix stripped
 * @param topics the shared topic names
 * @param partitions partitions of a topic created by ingest
 * @param replicationFactor replication factor of a topic created by ingest
 * @param retention how long a created topic keeps records ({@code retention.ms})
 */
public record KafkaPublishConfig(
    Map<String, String> kafka,
    TopicsConfig topics,
    int partitions,
    short replicationFactor,
    Duration retention) {
  /** Brokers to bootstrap from. */
  public static final ConfigKey<String> BOOTSTRAP_SERVERS =
      ConfigKey.string(
          "kafka.bootstrap.servers", "localhost:9092", "Kafka brokers, host:port[,host:port...]");

  /** Partitions of created topics. */
  public static final ConfigKey<Integer> PARTITIONS =
      ConfigKey.integer(
          "topics.partitions", 6, 1, 10_000, "Partitions of a topic ingest creates when absent");

  /** Replication factor of created topics. */
  public static final ConfigKey<Integer> REPLICATION_FACTOR =
      ConfigKey.integer(
          "topics.replication-factor",
          1,
          1,
          Short.MAX_VALUE,
          "Replication factor of a topic ingest creates when absent (3 on a real cluster)");

  /** Retention of created topics. */
  public static final ConfigKey<Duration> RETENTION =
      ConfigKey.duration(
          "topics.retention",
          Duration.ofDays(7),
          "How long a topic ingest creates keeps records (retention.ms)");

  public KafkaPublishConfig {
    kafka = Map.copyOf(kafka);
  }

  /**
   * Reads the config.
   *
   * @throws io.marketlambda.core.config.ConfigException naming the key and value of a bad setting
   */
  public static KafkaPublishConfig from(Settings settings) {
    Map<String, String> kafka = new TreeMap<>(settings.withPrefixStripped("kafka."));
    kafka.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.get(BOOTSTRAP_SERVERS));
    return new KafkaPublishConfig(
        kafka,
        TopicsConfig.from(settings),
        settings.get(PARTITIONS),
        settings.get(REPLICATION_FACTOR).shortValue(),
        settings.get(RETENTION));
  }

  /** Every key this config reads besides the {@code kafka.*} pass-through and the topics. */
  public static List<ConfigKey<?>> keys() {
    return List.of(BOOTSTRAP_SERVERS, PARTITIONS, REPLICATION_FACTOR, RETENTION);
  }

  /** The producer's properties: the pass-through settings plus idempotence and {@code acks=all}. */
  public Map<String, String> producerProperties() {
    Map<String, String> properties = new TreeMap<>(kafka);
    properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    properties.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "5");
    properties.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    return Map.copyOf(properties);
  }

  /** The admin client's properties: the pass-through settings. */
  public Map<String, String> adminProperties() {
    return kafka;
  }
}
