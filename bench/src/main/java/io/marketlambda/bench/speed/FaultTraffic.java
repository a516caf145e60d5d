package io.marketlambda.bench.speed;

import io.marketlambda.core.model.Quote;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The Kafka side of the speed layer's fault suite ({@link FaultBench}): the records a fault sends
 * ({@link Outgoing}, by {@link Kind}), their publisher, what Kafka acknowledged, a fault's own
 * topics, and what came out on the dead-letter and late topics.
 */
final class FaultTraffic {
  static final int MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

  private final String bootstrapServers;

  /**
   * @param bootstrapServers the broker list, {@code host:port,...}
   */
  FaultTraffic(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  /** What a record is, for the accounting. */
  enum Kind {
    GOOD,
    REPEATED,
    POISON,
    LATE
  }

  record Outgoing(Kind kind, Quote trade, byte[] value) {}

  /** What Kafka acknowledged, by kind, as {@code partition:offset}. */
  static final class Acknowledged {
    final Map<Kind, Set<String>> offsets = new ConcurrentHashMap<>();
    final AtomicLong failed = new AtomicLong();
    volatile String firstFailure;

    Set<String> of(Kind kind) {
      return offsets.computeIfAbsent(kind, key -> ConcurrentHashMap.newKeySet());
    }

    long total() {
      return offsets.values().stream().mapToLong(Set::size).sum();
    }
  }

  /** Sends records at a pace (0: as fast as Kafka takes them) and records what is acknowledged. */
  static final class Publisher implements Runnable {
    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final List<Outgoing> records;
    private final long nanosPerRecord;
    private final Acknowledged acknowledged;
    final AtomicInteger sent = new AtomicInteger();
    volatile boolean done;

    Publisher(
        KafkaProducer<byte[], byte[]> producer,
        String topic,
        List<Outgoing> records,
        long nanosPerRecord,
        Acknowledged acknowledged) {
      this.producer = producer;
      this.topic = topic;
      this.records = records;
      this.nanosPerRecord = nanosPerRecord;
      this.acknowledged = acknowledged;
    }

    @Override
    public void run() {
      byte[] key = FaultBench.SYMBOL.value().getBytes(StandardCharsets.UTF_8);
      long start = System.nanoTime();
      try {
        for (int i = 0; i < records.size(); i++) {
          if (nanosPerRecord > 0) {
            long wait = start + i * nanosPerRecord - System.nanoTime();
            if (wait > 0) {
              TimeUnit.NANOSECONDS.sleep(wait);
            }
          }
          Outgoing record = records.get(i);
          producer.send(
              new ProducerRecord<>(topic, key, record.value()),
              (metadata, error) -> {
                if (error == null) {
                  acknowledged
                      .of(record.kind())
                      .add(metadata.partition() + ":" + metadata.offset());
                } else if (acknowledged.failed.getAndIncrement() == 0) {
                  acknowledged.firstFailure = error.toString();
                }
              });
          sent.incrementAndGet();
        }
        producer.flush();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        done = true;
      }
    }
  }

  /** A fault's own topics. */
  static final class Topics {
    final String quotes;
    final String bars;
    final String deadLetter;
    final String late;
    final String alerts;

    Topics(String prefix) {
      quotes = prefix + ".quotes.v1";
      bars = prefix + ".bars.v1";
      deadLetter = prefix + ".dead-letter.v1";
      late = prefix + ".late.v1";
      alerts = prefix + ".alerts.v1";
    }

    Map<String, String> settings() {
      return Map.of(
          "topics.quotes", quotes,
          "topics.bars", bars,
          "topics.dead-letter", deadLetter,
          "topics.late", late,
          "topics.alerts", alerts);
    }

    void create(String bootstrapServers) throws Exception {
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
        Map<String, String> big = Map.of("max.message.bytes", Integer.toString(MAX_MESSAGE_BYTES));
        admin
            .createTopics(
                List.of(
                    new NewTopic(quotes, 2, (short) 1).configs(big),
                    new NewTopic(bars, 1, (short) 1),
                    new NewTopic(deadLetter, 1, (short) 1),
                    new NewTopic(late, 1, (short) 1),
                    new NewTopic(alerts, 1, (short) 1)))
            .all()
            .get(1, TimeUnit.MINUTES);
      }
    }
  }

  /** The headers of every record in a topic now. */
  List<Headers> headers(String topic) {
    List<Headers> headers = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      List<TopicPartition> partitions = partitions(consumer, topic);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
          && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          headers.add(record.headers());
        }
      }
    }
    return headers;
  }

  long routedCount(String topic) {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      return consumer.endOffsets(partitions(consumer, topic)).values().stream()
          .mapToLong(Long::longValue)
          .sum();
    }
  }

  private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
    return consumer.partitionsFor(topic).stream()
        .map(info -> new TopicPartition(topic, info.partition()))
        .toList();
  }

  private KafkaConsumer<byte[], byte[]> consumer() {
    Map<String, Object> config = new HashMap<>();
    config.put("bootstrap.servers", bootstrapServers);
    config.put("enable.auto.commit", "false");
    config.put("max.partition.fetch.bytes", Integer.toString(MAX_MESSAGE_BYTES));
    config.put("fetch.max.bytes", Integer.toString(4 * MAX_MESSAGE_BYTES));
    return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  KafkaProducer<byte[], byte[]> producer() {
    Map<String, Object> config = new HashMap<>();
    config.put("bootstrap.servers", bootstrapServers);
    config.put("acks", "all");
    config.put("enable.idempotence", "true");
    config.put("linger.ms", "5");
    config.put("max.request.size", Integer.toString(MAX_MESSAGE_BYTES));
    // Through a 20 s broker outage: keep trying, then deliver in order, once.
    config.put("delivery.timeout.ms", "300000");
    config.put("max.block.ms", "300000");
    return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
  }
}
