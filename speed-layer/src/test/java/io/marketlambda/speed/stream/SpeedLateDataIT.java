package io.marketlambda.speed.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.marketlambda.core.config.Settings;
import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.core.wire.QuoteWireCodec;
import io.marketlambda.hbaseviews.HBaseViewsConfig;
import io.marketlambda.hbaseviews.realtime.RealtimeViewReader;
import io.marketlambda.hbaseviews.realtime.RealtimeViewsSchema;
import io.marketlambda.localstack.LocalStackEndpoints;
import io.marketlambda.testing.LeanTradeTicks;
import io.marketlambda.testing.LeanTradeTicks.TradeBar;
import io.marketlambda.testing.LocalSpark;
import io.marketlambda.testing.LocalStackExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A quote later than the watermark: the speed layer runs continuously on the real IBM trades of
 * 2013-10-07 from 09:30 to 10:00; once its watermark has passed 09:31, a trade stamped 09:31 goes
 * to the late topic and leaves the 09:31 bar as the file makes it, while a trade stamped 10:00:30
 * still makes the 10:00 bar.
 */
@ExtendWith(LocalStackExtension.class)
class SpeedLateDataIT {
  private static final String QUOTES = "speed-late-it.quotes.v1";
  private static final String LATE = "speed-late-it.quotes.late.v1";
  private static final HBaseViewsConfig VIEWS =
      new HBaseViewsConfig("it_speed_late", 4, Duration.ofDays(10000));
  private static final Instant NINE_THIRTY = Instant.parse("2013-10-07T13:30:00Z");
  private static final Instant TEN = Instant.parse("2013-10-07T14:00:00Z");
  private static final Symbol IBM = Symbol.of("IBM");

  @Test
  void aQuoteBehindTheWatermarkGoesToTheLateTopicAndLeavesItsBarAlone(LocalStackEndpoints endpoints)
      throws Exception {
    List<LeanTradeTicks.Tick> morning =
        LeanTradeTicks.read("IBM").ticks().stream()
            .filter(tick -> !tick.time().isBefore(NINE_THIRTY) && tick.time().isBefore(TEN))
            .toList();
    createTopics(endpoints);
    Settings settings =
        Settings.of(endpoints.asProperties())
            .withOverrides(
                List.of(
                    "topics.quotes=" + QUOTES,
                    "topics.late=" + LATE,
                    "realtime.hbase-namespace=" + VIEWS.namespace(),
                    "realtime.salt-buckets=" + VIEWS.saltBuckets(),
                    "realtime.ttl=10000d",
                    "lake.root=" + SpeedItSupport.freshLake("speed-late-it-lake"),
                    "speed.trigger=processing-time",
                    "speed.trigger-interval=500ms",
                    "speed.watermark=1m"));
    SparkSession spark = LocalSpark.session();
    SpeedMetrics metrics = new SpeedMetrics();
    SpeedProgressLog progressLog = new SpeedProgressLog(metrics);
    spark.streams().addListener(progressLog);
    List<StreamingQuery> queries = List.of();
    try (Connection hbase = SpeedItSupport.hbase(endpoints);
        KafkaProducer<byte[], byte[]> producer = producer(endpoints)) {
      RealtimeViewsSchema.createIfAbsent(hbase.getAdmin(), VIEWS);
      queries = new SpeedJob(spark, SpeedConfig.from(settings), metrics).start();
      StreamingQuery minuteBars =
          queries.stream().filter(query -> query.name().equals("speed-views")).findFirst().get();
      QuoteWireCodec codec = new QuoteWireCodec();
      for (LeanTradeTicks.Tick tick : morning) {
        send(
            producer,
            codec,
            new Quote(IBM, tick.time(), tick.priceUsd(), tick.size(), "lean-tick", tick.line()));
      }
      producer.flush();
      // The last morning trade is just before 10:00, so the watermark reaches about 09:59.
      await()
          .atMost(Duration.ofMinutes(3))
          .until(() -> watermark(minuteBars).isAfter(Instant.parse("2013-10-07T13:58:00Z")));

      Quote late =
          new Quote(
              IBM, Instant.parse("2013-10-07T13:31:00.500Z"), 250.00, 100, "it-late", 900_001);
      Quote onTime =
          new Quote(IBM, Instant.parse("2013-10-07T14:00:30Z"), 183.25, 100, "it-late", 900_002);
      send(producer, codec, late);
      send(producer, codec, onTime);
      producer.flush();

      ConsumerRecord<byte[], byte[]> routed = awaitOneLateRecord(endpoints);
      assertThat(routed.value()).isEqualTo(codec.encodeValue(late));
      assertThat(header(routed, RealtimeViewsSink.WATERMARK)).isNotNull();
      assertThat(Instant.parse(header(routed, RealtimeViewsSink.WATERMARK)))
          .isAfter(late.eventTime());
      assertThat(header(routed, RealtimeViewsSink.SOURCE_TOPIC)).isEqualTo(QUOTES);

      RealtimeViewReader views = new RealtimeViewReader(hbase, VIEWS);
      await()
          .atMost(Duration.ofMinutes(2))
          .until(
              () -> !views.bars(IBM, BarInterval.ONE_MINUTE, TEN, TEN.plusSeconds(60)).isEmpty());
      Bar tenOClock = views.bars(IBM, BarInterval.ONE_MINUTE, TEN, TEN.plusSeconds(60)).get(0);
      assertThat(tenOClock.tradeCount()).isEqualTo(1);
      assertThat(tenOClock.closeUsd()).isEqualTo(183.25);

      Instant nineThirtyOne = Instant.parse("2013-10-07T13:31:00Z");
      TradeBar expected =
          TradeBar.of(
              nineThirtyOne,
              morning.stream()
                  .filter(tick -> !tick.time().isBefore(nineThirtyOne))
                  .filter(tick -> tick.time().isBefore(nineThirtyOne.plusSeconds(60)))
                  .toList());
      Bar stored =
          views
              .bars(IBM, BarInterval.ONE_MINUTE, nineThirtyOne, nineThirtyOne.plusSeconds(60))
              .get(0);
      assertThat(stored.highUsd()).isEqualTo(expected.high()).isLessThan(250.00);
      assertThat(stored.tradeCount()).isEqualTo(expected.trades());
      assertThat(stored.volumeShares()).isEqualTo((double) expected.volume());

      // Decided once, by the operator that owns the watermark; nothing dropped unseen by Spark.
      assertThat(metrics.lateQuotes.get()).isEqualTo(1.0);
      assertThat(metrics.lateRowsDropped.labelValues("speed-views").get()).isZero();
    } finally {
      for (StreamingQuery query : queries) {
        query.stop();
      }
      spark.streams().removeListener(progressLog);
    }
  }

  private static Instant watermark(StreamingQuery query) {
    var progress = query.lastProgress();
    String watermark = progress == null ? null : progress.eventTime().get("watermark");
    return watermark == null ? Instant.EPOCH : Instant.parse(watermark);
  }

  private static void send(
      KafkaProducer<byte[], byte[]> producer, QuoteWireCodec codec, Quote quote) {
    producer.send(new ProducerRecord<>(QUOTES, codec.encodeKey(quote), codec.encodeValue(quote)));
  }

  private static ConsumerRecord<byte[], byte[]> awaitOneLateRecord(LocalStackEndpoints endpoints) {
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "speed-late-it",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(LATE));
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (records.isEmpty() && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(500)).forEach(records::add);
      }
      // Anything else routed meanwhile would show here.
      consumer.poll(Duration.ofSeconds(2)).forEach(records::add);
    }
    assertThat(records).hasSize(1);
    return records.get(0);
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String key) {
    var header = record.headers().lastHeader(key);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static void createTopics(LocalStackEndpoints endpoints) throws Exception {
    try (Admin admin =
        Admin.create(Map.of("bootstrap.servers", endpoints.kafkaBootstrapServers()))) {
      admin
          .createTopics(
              List.of(new NewTopic(QUOTES, 2, (short) 1), new NewTopic(LATE, 1, (short) 1)))
          .all()
          .get();
    }
  }

  private static KafkaProducer<byte[], byte[]> producer(LocalStackEndpoints endpoints) {
    return new KafkaProducer<>(
        Map.of(
            "bootstrap.servers", endpoints.kafkaBootstrapServers(), "enable.idempotence", "true"),
        new ByteArraySerializer(),
        new ByteArraySerializer());
  }
}
