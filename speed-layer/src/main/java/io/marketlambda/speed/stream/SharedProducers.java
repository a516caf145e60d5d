package io.marketlambda.speed.stream;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * One idempotent {@link KafkaProducer} per JVM and settings, shared by every task of the speed
 * layer on that JVM (a producer is thread-safe, and Kafka's docs advise sharing one; Spark's own
 * Kafka sink caches its producers the same way). Closed when the speed layer's queries end in the
 * driver's JVM ({@link #closeAll()}, local mode) or when the JVM exits.
 */
public final class SharedProducers {
  private static final Map<Map<String, String>, KafkaProducer<byte[], byte[]>> PRODUCERS =
      new ConcurrentHashMap<>();
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(SharedProducers::closeAll, "marketlambda-kafka-producers-close"));
  }

  private SharedProducers() {}

  /**
   * Flushes and closes every producer of this JVM; the next {@link #get} creates a new one. Called
   * once the speed layer's queries have ended, so that no producer outlives the brokers it talks to
   * (an embedded stack stopped after the speed layer).
   */
  public static void closeAll() {
    for (Map<String, String> key : List.copyOf(PRODUCERS.keySet())) {
      KafkaProducer<byte[], byte[]> producer = PRODUCERS.remove(key);
      if (producer != null) {
        producer.close(CLOSE_TIMEOUT);
      }
    }
  }

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
