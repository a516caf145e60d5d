package io.marketlambda.ingest.kafka;

import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.wire.BarWireCodec;
import io.marketlambda.core.wire.QuoteWireCodec;
import io.marketlambda.ingest.sink.EventSink;
import io.marketlambda.ingest.sink.PublishStats;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes events to one Kafka topic in their wire format, keyed by symbol, through an idempotent
 * producer ({@code enable.idempotence=true}, {@code acks=all}): a retried send is stored once, and
 * each symbol's events keep their order on its partition.
 *
 * <p>Thread-safe for {@link #publish}; counts are updated from the producer's callbacks.
 *
 * @param <T> {@link Quote} or {@link Bar}
 */
public final class KafkaEventSink<T> implements EventSink<T> {
  private final Producer<byte[], byte[]> producer;
  private final String topic;
  private final Function<T, byte[]> key;
  private final Function<T, byte[]> value;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong acked = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicReference<String> firstFailure = new AtomicReference<>();
  private final AtomicReference<String> latestFailure = new AtomicReference<>();

  private KafkaEventSink(
      Producer<byte[], byte[]> producer,
      String topic,
      Function<T, byte[]> key,
      Function<T, byte[]> value) {
    this.producer = producer;
    this.topic = topic;
    this.key = key;
    this.value = value;
  }

  /** A sink of quotes in quote wire format v1. */
  public static KafkaEventSink<Quote> forQuotes(KafkaPublishConfig config, String topic) {
    QuoteWireCodec codec = new QuoteWireCodec();
    return new KafkaEventSink<>(producer(config), topic, codec::encodeKey, codec::encodeValue);
  }

  /** A sink of bars in bar wire format v1. */
  public static KafkaEventSink<Bar> forBars(KafkaPublishConfig config, String topic) {
    BarWireCodec codec = new BarWireCodec();
    return new KafkaEventSink<>(producer(config), topic, codec::encodeKey, codec::encodeValue);
  }

  private static Producer<byte[], byte[]> producer(KafkaPublishConfig config) {
    Map<String, Object> properties = Map.copyOf(config.producerProperties());
    return new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
  }

  @Override
  public void publish(T event) {
    sent.incrementAndGet();
    producer.send(
        new ProducerRecord<>(topic, key.apply(event), value.apply(event)),
        (metadata, exception) -> {
          if (exception == null) {
            acked.incrementAndGet();
          } else {
            failed.incrementAndGet();
            String failure = "Cannot publish to " + topic + ": " + exception;
            firstFailure.compareAndSet(null, failure);
            latestFailure.set(failure);
          }
        });
  }

  @Override
  public PublishStats flush() {
    producer.flush();
    return stats();
  }

  /** The counts so far (since the sink was created), without waiting. */
  public PublishStats stats() {
    return new PublishStats(
        sent.get(),
        acked.get(),
        failed.get(),
        Optional.ofNullable(firstFailure.get()),
        Optional.ofNullable(latestFailure.get()));
  }

  @Override
  public void close() {
    producer.close();
  }
}
