package io.marketlambda.speed.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.marketlambda.core.config.Settings;
import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.core.wire.BarWireCodec;
import io.marketlambda.hbaseviews.HBaseViewsConfig;
import io.marketlambda.hbaseviews.realtime.RealtimeViewReader;
import io.marketlambda.hbaseviews.realtime.RealtimeViewsSchema;
import io.marketlambda.localstack.LocalStackEndpoints;
import io.marketlambda.testing.LocalSpark;
import io.marketlambda.testing.LocalStackExtension;
import io.marketlambda.testing.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Vendor minute bars through the bars topic: Lean's real IBM minute bars of 2013-10-07 land in
 * {@code bars_1m} as they are and roll up into 15-minute bars equal to the aggregates of the file
 * computed here; a 5-minute bar and an undecodable value go to the dead-letter topic with their
 * field.
 */
@ExtendWith(LocalStackExtension.class)
class SpeedVendorBarsIT {
  private static final String BARS = "speed-vendor-it.bars.v1";
  private static final String QUOTES = "speed-vendor-it.quotes.v1";
  private static final String DEAD_LETTERS = "speed-vendor-it.dlq.v1";
  private static final HBaseViewsConfig VIEWS =
      new HBaseViewsConfig("it_speed_vendor", 4, Duration.ofDays(10000));
  private static final Symbol IBM = Symbol.of("IBM");
  private static final LocalDate DAY = LocalDate.of(2013, 10, 7);
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @Test
  void vendorMinuteBarsLandAndRollUpAndBadOnesAreDeadLettered(LocalStackEndpoints endpoints)
      throws Exception {
    List<Bar> minutes = leanMinutes();
    try (Admin admin =
        Admin.create(Map.of("bootstrap.servers", endpoints.kafkaBootstrapServers()))) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(BARS, 2, (short) 1),
                  new NewTopic(QUOTES, 1, (short) 1),
                  new NewTopic(DEAD_LETTERS, 1, (short) 1)))
          .all()
          .get();
    }
    BarWireCodec codec = new BarWireCodec();
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers()),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      for (Bar bar : minutes) {
        producer.send(new ProducerRecord<>(BARS, codec.encodeKey(bar), codec.encodeValue(bar)));
      }
      Bar fiveMinutes =
          Bar.withTypicalPriceVwap(
              IBM,
              BarInterval.FIVE_MINUTES,
              minutes.get(0).start(),
              181.52,
              181.80,
              181.52,
              181.80,
              1631);
      producer.send(
          new ProducerRecord<>(BARS, codec.encodeKey(fiveMinutes), codec.encodeValue(fiveMinutes)));
      producer.send(
          new ProducerRecord<>(
              BARS,
              "IBM".getBytes(StandardCharsets.US_ASCII),
              "not a bar".getBytes(StandardCharsets.US_ASCII)));
    }
    Settings settings =
        Settings.of(endpoints.asProperties())
            .withOverrides(
                List.of(
                    "topics.bars=" + BARS,
                    "topics.quotes=" + QUOTES,
                    "topics.dead-letter=" + DEAD_LETTERS,
                    "realtime.hbase-namespace=" + VIEWS.namespace(),
                    "realtime.salt-buckets=" + VIEWS.saltBuckets(),
                    "realtime.ttl=10000d",
                    "lake.root=" + SpeedItSupport.freshLake("speed-vendor-it-lake"),
                    "speed.trigger=available-now"));
    SparkSession spark = LocalSpark.session();
    try (Connection hbase = SpeedItSupport.hbase(endpoints)) {
      RealtimeViewsSchema.createIfAbsent(hbase.getAdmin(), VIEWS);
      List<StreamingQuery> queries =
          new SpeedJob(spark, SpeedConfig.from(settings), new SpeedMetrics()).start();
      for (StreamingQuery query : queries) {
        query.awaitTermination();
      }

      RealtimeViewReader views = new RealtimeViewReader(hbase, VIEWS);
      Instant dayStart = DAY.atStartOfDay(NEW_YORK).toInstant();
      Instant dayEnd = DAY.plusDays(1).atStartOfDay(NEW_YORK).toInstant();
      assertThat(views.bars(IBM, BarInterval.ONE_MINUTE, dayStart, dayEnd)).hasSameSizeAs(minutes);

      Map<Instant, List<Bar>> quarters = new TreeMap<>();
      for (Bar minute : minutes) {
        long quarter = minute.start().getEpochSecond() / 900 * 900;
        quarters
            .computeIfAbsent(Instant.ofEpochSecond(quarter), start -> new ArrayList<>())
            .add(minute);
      }
      List<Bar> stored =
          new ArrayList<>(views.bars(IBM, BarInterval.FIFTEEN_MINUTES, dayStart, dayEnd));
      java.util.Collections.reverse(stored);
      assertThat(stored).extracting(Bar::start).containsExactlyElementsOf(quarters.keySet());
      for (Bar bar : stored) {
        List<Bar> in = quarters.get(bar.start());
        assertThat(bar.openUsd()).isEqualTo(in.get(0).openUsd());
        assertThat(bar.closeUsd()).isEqualTo(in.get(in.size() - 1).closeUsd());
        assertThat(bar.highUsd())
            .isEqualTo(in.stream().mapToDouble(Bar::highUsd).max().orElseThrow());
        assertThat(bar.lowUsd())
            .isEqualTo(in.stream().mapToDouble(Bar::lowUsd).min().orElseThrow());
        assertThat(bar.volumeShares())
            .isCloseTo(in.stream().mapToDouble(Bar::volumeShares).sum(), within(1e-6));
      }
    }

    List<ConsumerRecord<byte[], byte[]>> deadLetters = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "speed-vendor-it",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(DEAD_LETTERS));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (deadLetters.size() < 2 && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(500)).forEach(deadLetters::add);
      }
    }
    assertThat(deadLetters)
        .extracting(
            r ->
                new String(
                    r.headers().lastHeader(RealtimeViewsSink.ERROR_FIELD).value(),
                    StandardCharsets.UTF_8))
        .containsExactlyInAnyOrder("interval", "$");
  }

  /**
   * Lean minute trade bars: ms since midnight New York, open, high, low, close (× 10,000), volume.
   */
  private static List<Bar> leanMinutes() throws Exception {
    List<Bar> bars = new ArrayList<>();
    Instant midnight = DAY.atStartOfDay(NEW_YORK).toInstant();
    for (String line :
        Files.readAllLines(SharedData.resolve("lean/minute/20131007_ibm_minute_trade.csv"))) {
      String[] f = line.split(",");
      bars.add(
          Bar.withTypicalPriceVwap(
              IBM,
              BarInterval.ONE_MINUTE,
              midnight.plusMillis(Long.parseLong(f[0])),
              Long.parseLong(f[1]) / 10_000.0,
              Long.parseLong(f[2]) / 10_000.0,
              Long.parseLong(f[3]) / 10_000.0,
              Long.parseLong(f[4]) / 10_000.0,
              Double.parseDouble(f[5])));
    }
    return bars;
  }
}
