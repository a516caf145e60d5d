package io.marketlambda.speed.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketlambda.core.config.RealtimeViewsConfig;
import io.marketlambda.core.config.Settings;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.core.wire.QuoteWireCodec;
import io.marketlambda.localstack.LocalStackEndpoints;
import io.marketlambda.speed.hbase.RealtimeViewReader;
import io.marketlambda.speed.hbase.RealtimeViewsSchema;
import io.marketlambda.testing.LeanTradeTicks;
import io.marketlambda.testing.LocalSpark;
import io.marketlambda.testing.LocalStackExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The speed layer on the local stack's real Kafka and HBase: the real IBM trades of 2013-10-07,
 * with poison records, duplicates and out-of-order trades among them, through Kafka into the
 * realtime views, checked against bars computed trade by trade from the file.
 */
@ExtendWith(LocalStackExtension.class)
class SpeedJobIT {
  private static final String QUOTES = "speed-it.quotes.v1";
  private static final String DEAD_LETTERS = "speed-it.quotes.dlq.v1";
  // The 2013 trades are years older than the default TTL: keep them, as a replay of history does.
  private static final RealtimeViewsConfig VIEWS =
      new RealtimeViewsConfig("it_speed", 16, java.time.Duration.ofDays(10000));
  private static final LeanTradeTicks IBM = LeanTradeTicks.read("IBM");

  /** Poison records, keyed by name (their Kafka key), with the field the DLQ must name. */
  private static final List<Poison> POISON =
      List.of(
          new Poison("not-json", utf8("{not json"), "$"),
          new Poison("negative-price", utf8(quoteJson("\"priceUsd\":-3.2")), "priceUsd"),
          new Poison("nan-price", utf8(quoteJson("\"priceUsd\":NaN")), "$"),
          new Poison(
              "missing-symbol",
              utf8(
                  "{\"schemaVersion\":1,\"eventTime\":\"2013-10-07T13:30:00Z\",\"priceUsd\":182.0,"
                      + "\"sizeShares\":100,\"source\":\"lean-tick\",\"sequence\":1}"),
              "symbol"),
          new Poison("five-megabytes", fiveMegabytes(), "$"),
          new Poison("not-utf-8", new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}, "$"));

  private record Poison(String name, byte[] value, String field) {}

  private static String quoteJson(String price) {
    return "{\"schemaVersion\":1,\"symbol\":\"IBM\",\"eventTime\":\"2013-10-07T13:30:00Z\","
        + price
        + ",\"sizeShares\":100,\"source\":\"lean-tick\",\"sequence\":1}";
  }

  private static byte[] fiveMegabytes() {
    byte[] value = new byte[5 * 1024 * 1024];
    java.util.Arrays.fill(value, (byte) 'x');
    return value;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void tradesBecomeBarsOnceAndTheLatestQuoteWhilePoisonGoesToTheDeadLetterTopic(
      LocalStackEndpoints endpoints) throws Exception {
    createTopics(endpoints);
    publish(endpoints);
    try (Connection hbase = SpeedItSupport.hbase(endpoints)) {
      RealtimeViewsSchema.createIfAbsent(hbase.getAdmin(), VIEWS);

      runSpeedLayer(endpoints);

      RealtimeViewReader views = new RealtimeViewReader(hbase, VIEWS);
      LeanTradeTicks.Tick last =
          IBM.ticks().stream()
              .max(
                  Comparator.comparing(LeanTradeTicks.Tick::time)
                      .thenComparing(LeanTradeTicks.Tick::line))
              .orElseThrow();
      assertThat(views.latestQuote(Symbol.of("IBM")))
          .hasValueSatisfying(
              quote -> {
                assertThat(quote.eventTime()).isEqualTo(last.time());
                assertThat(quote.priceUsd()).isEqualTo(last.priceUsd());
                assertThat(quote.sequence()).isEqualTo(last.line());
              });
      for (BarInterval interval : List.of(BarInterval.ONE_MINUTE, BarInterval.FIVE_MINUTES)) {
        SpeedItSupport.assertBarsMatch(views, IBM, interval);
      }
    }
    assertDeadLetters(endpoints);
  }

  private static void runSpeedLayer(LocalStackEndpoints endpoints) throws Exception {
    Path lake = SpeedItSupport.freshLake("speed-it-lake");
    Settings settings =
        Settings.of(endpoints.asProperties())
            .withOverrides(
                List.of(
                    "topics.quotes=" + QUOTES,
                    "topics.dead-letter=" + DEAD_LETTERS,
                    "realtime.hbase-namespace=" + VIEWS.namespace(),
                    "realtime.ttl=10000d",
                    "lake.root=" + lake,
                    "speed.trigger=available-now"));
    SparkSession spark = LocalSpark.session();
    for (StreamingQuery query : new SpeedJob(spark, SpeedConfig.from(settings)).start()) {
      query.awaitTermination();
    }
  }

  private static void createTopics(LocalStackEndpoints endpoints) throws Exception {
    try (Admin admin =
        Admin.create(Map.of("bootstrap.servers", endpoints.kafkaBootstrapServers()))) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(QUOTES, 3, (short) 1)
                      .configs(Map.of("max.message.bytes", Integer.toString(8 * 1024 * 1024))),
                  new NewTopic(DEAD_LETTERS, 1, (short) 1)))
          .all()
          .get();
    }
  }

  /**
   * Publishes every trade, then every tenth trade again (duplicates) in reverse order (out of
   * order), with the poison records in the middle; the bars must come out as if each trade came
   * once, in order.
   */
  private static void publish(LocalStackEndpoints endpoints) throws Exception {
    QuoteWireCodec codec = new QuoteWireCodec();
    List<Quote> trades = new ArrayList<>();
    for (LeanTradeTicks.Tick tick : IBM.ticks()) {
      trades.add(
          new Quote(
              Symbol.of("IBM"),
              tick.time(),
              tick.priceUsd(),
              tick.size(),
              "lean-tick",
              tick.line()));
    }
    List<Quote> duplicates = new ArrayList<>();
    for (int i = trades.size() - 1; i >= 0; i -= 10) {
      duplicates.add(trades.get(i));
    }
    try (KafkaProducer<byte[], byte[]> producer = producer(endpoints)) {
      for (int i = 0; i < trades.size(); i++) {
        Quote quote = trades.get(i);
        producer.send(
            new ProducerRecord<>(QUOTES, codec.encodeKey(quote), codec.encodeValue(quote)));
        if (i == trades.size() / 2) {
          for (Poison poison : POISON) {
            producer.send(new ProducerRecord<>(QUOTES, utf8(poison.name()), poison.value()));
          }
        }
      }
      for (Quote quote : duplicates) {
        producer.send(
            new ProducerRecord<>(QUOTES, codec.encodeKey(quote), codec.encodeValue(quote)));
      }
      producer.flush();
    }
  }

  private static KafkaProducer<byte[], byte[]> producer(LocalStackEndpoints endpoints) {
    return new KafkaProducer<>(
        Map.of(
            "bootstrap.servers",
            endpoints.kafkaBootstrapServers(),
            "enable.idempotence",
            "true",
            "acks",
            "all",
            "max.request.size",
            Integer.toString(8 * 1024 * 1024)),
        new ByteArraySerializer(),
        new ByteArraySerializer());
  }

  /**
   * Every poison record is in the dead-letter topic once, under its own key, naming the expected
   * field and a reason, with its original bytes (cut to the dead-letter limit when larger).
   */
  private static void assertDeadLetters(LocalStackEndpoints endpoints) {
    Map<String, ConsumerRecord<byte[], byte[]>> seen = new HashMap<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "speed-it-dlq",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(DEAD_LETTERS));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (seen.size() < POISON.size() && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          seen.put(new String(record.key(), StandardCharsets.UTF_8), record);
        }
      }
    }
    assertThat(seen).hasSize(POISON.size());
    for (Poison poison : POISON) {
      ConsumerRecord<byte[], byte[]> letter = seen.get(poison.name());
      assertThat(header(letter, DeadLetters.ERROR_FIELD))
          .as(poison.name())
          .isEqualTo(poison.field());
      assertThat(header(letter, DeadLetters.ERROR_REASON)).as(poison.name()).isNotBlank();
      assertThat(header(letter, DeadLetters.SOURCE_TOPIC)).isEqualTo(QUOTES);
      if (poison.value().length > DeadLetters.MAX_VALUE_BYTES) {
        assertThat(letter.value()).hasSize(DeadLetters.MAX_VALUE_BYTES);
        assertThat(header(letter, DeadLetters.TRUNCATED_FROM))
            .isEqualTo(Integer.toString(poison.value().length));
      } else {
        assertThat(letter.value()).as(poison.name()).isEqualTo(poison.value());
      }
    }
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String key) {
    Header header = record.headers().lastHeader(key);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
