package io.marketlambda.speed.stream;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * One idempotent {@link KafkaProducer} per JVM and settings, shared by every task of the speed
 * layer on that JVM (a producer is thread-safe, and Kafka's docs advise sharing one; Spark's own
 * Kafka sink caches its producers the same way). Closed when the JVM exits.
 */
final class SharedProducers {
  private static final Map<Map<String, String>, KafkaProducer<byte[], byte[]>> PRODUCERS =
      new ConcurrentHashMap<>();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> PRODUCERS.values().forEach(KafkaProducer::close),
                "marketlambda-kafka-producers-close"));
  }

  private SharedProducers() {}

  static KafkaProducer<byte[], byte[]> get(Map<String, String> settings) {
    return PRODUCERS.computeIfAbsent(
        Map.copyOf(settings),
        key -> {
          Map<String, Object> config = new TreeMap<>(key);
          config.putIfAbsent("enable.idempotence", "true");
          config.putIfAbsent("acks", "all");
          config.putIfAbsent("linger.ms", "5");
          return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        });
  }
}
