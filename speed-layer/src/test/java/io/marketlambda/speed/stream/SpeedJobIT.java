package io.marketlambda.speed.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.marketlambda.core.config.Settings;
import io.marketlambda.core.indicator.IndicatorSnapshot;
import io.marketlambda.core.model.Alert;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.MarketTime;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.core.wire.QuoteWireCodec;
import io.marketlambda.hbaseviews.HBaseViewsConfig;
import io.marketlambda.hbaseviews.realtime.IndicatorCells;
import io.marketlambda.hbaseviews.realtime.RealtimeViewReader;
import io.marketlambda.hbaseviews.realtime.RealtimeViewsSchema;
import io.marketlambda.localstack.LocalStackEndpoints;
import io.marketlambda.testing.LeanTradeTicks;
import io.marketlambda.testing.LocalSpark;
import io.marketlambda.testing.LocalStackExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
  private static final String ALERTS = "speed-it.alerts.v1";
  // Lower than the defaults, so that IBM's quiet Monday raises some alerts.
  private static final double PRICE_MOVE = 0.002;
  private static final double VOLUME_ZSCORE = 3.0;
  // The 2013 trades are years older than the default TTL: keep them, as a replay of history does.
  private static final HBaseViewsConfig VIEWS =
      new HBaseViewsConfig("it_speed", 16, java.time.Duration.ofDays(10000));
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
          new Poison("not-utf-8", new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}, "$"),
          // Jackson reads these bytes as UCS-4 and fails with an IOException, not a parse error.
          new Poison("ucs-4", new byte[] {0x00, 0x00, 0x41, 0x00}, "$"),
          new Poison("before-1970", utf8(quoteAt("1969-12-31T23:59:59Z")), "eventTime"),
          // Valid for the codec, but decades ahead of its Kafka timestamp: it would move the
          // watermark past every later trade and pin the latest quote.
          new Poison("far-future", utf8(quoteAt("2099-01-01T00:00:00Z")), "eventTime"),
          new Poison("past-spark-range", utf8(quoteAt("+1000000-01-01T00:00:00Z")), "eventTime"));

  private record Poison(String name, byte[] value, String field) {}

  private static String quoteJson(String price) {
    return "{\"schemaVersion\":1,\"symbol\":\"IBM\",\"eventTime\":\"2013-10-07T13:30:00Z\","
        + price
        + ",\"sizeShares\":100,\"source\":\"lean-tick\",\"sequence\":1}";
  }

  private static String quoteAt(String eventTime) {
    return "{\"schemaVersion\":1,\"symbol\":\"IBM\",\"eventTime\":\""
        + eventTime
        + "\",\"priceUsd\":182.0,\"sizeShares\":100,\"source\":\"lean-tick\",\"sequence\":1}";
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
      assertIndicators(views);
      assertAlerts(views, endpoints);
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
                    "topics.alerts=" + ALERTS,
                    "speed.alerts.price-move=" + PRICE_MOVE,
                    "speed.alerts.volume-zscore=" + VOLUME_ZSCORE,
                    "speed.trigger=available-now"));
    SparkSession spark = LocalSpark.session();
    for (StreamingQuery query :
        new SpeedJob(spark, SpeedConfig.from(settings), new SpeedMetrics()).start()) {
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
                  new NewTopic(DEAD_LETTERS, 1, (short) 1),
                  new NewTopic(ALERTS, 1, (short) 1)))
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
    List<Quote> trades = SpeedItSupport.trades(IBM);
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
      assertThat(header(letter, RealtimeViewsSink.ERROR_FIELD))
          .as(poison.name())
          .isEqualTo(poison.field());
      assertThat(header(letter, RealtimeViewsSink.ERROR_REASON)).as(poison.name()).isNotBlank();
      assertThat(header(letter, RealtimeViewsSink.SOURCE_TOPIC)).isEqualTo(QUOTES);
      if (poison.value().length > RealtimeViewsSink.MAX_VALUE_BYTES) {
        assertThat(letter.value()).hasSize(RealtimeViewsSink.MAX_VALUE_BYTES);
        assertThat(header(letter, RealtimeViewsSink.TRUNCATED_FROM))
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

  /** The regular-session 1-minute bars of the file, computed trade by trade, oldest first. */
  private static List<LeanTradeTicks.TradeBar> regularBars() {
    return IBM.bars(Duration.ofMinutes(1)).stream()
        .filter(bar -> MarketTime.isRegularSession(bar.start()))
        .toList();
  }

  /**
   * indicators_1m holds one row per regular-session minute, whose values equal those computed here
   * from the trades: a 5-bar SMA, and the session VWAP over every regular-session trade so far.
   */
  private static void assertIndicators(RealtimeViewReader views) {
    List<LeanTradeTicks.TradeBar> bars = regularBars();
    List<IndicatorSnapshot> rows =
        views
            .indicators(
                Symbol.of("IBM"),
                Instant.parse("2013-10-07T00:00:00Z"),
                Instant.parse("2013-10-08T00:00:00Z"))
            .stream()
            .sorted(Comparator.comparing(IndicatorSnapshot::barStart))
            .toList();
    assertThat(rows)
        .extracting(IndicatorSnapshot::barStart)
        .containsExactlyElementsOf(bars.stream().map(LeanTradeTicks.TradeBar::start).toList());

    double sma = 0;
    for (int i = 5; i < 10; i++) {
      sma += bars.get(i).close() / 5;
    }
    assertThat(rows.get(9).value(IndicatorCells.SMA_5_USD)).isCloseTo(sma, within(1e-9));
    assertThat(rows.get(3).value(IndicatorCells.SMA_5_USD)).isNaN();

    Instant lastStart = bars.get(bars.size() - 1).start();
    double notional = 0;
    double volume = 0;
    for (LeanTradeTicks.Tick tick : IBM.ticks()) {
      if (MarketTime.isRegularSession(tick.time())
          && tick.time().isBefore(lastStart.plusSeconds(60))) {
        notional += tick.priceUsd() * tick.size();
        volume += tick.size();
      }
    }
    assertThat(rows.get(rows.size() - 1).value(IndicatorCells.SESSION_VWAP_USD))
        .isCloseTo(notional / volume, within(1e-6));
    // No session before this one was replayed: no opening gap.
    assertThat(rows.get(0).value(IndicatorCells.OPENING_GAP)).isNaN();
  }

  /**
   * The alerts in HBase are exactly those computed here from the trade-by-trade bars: price moves
   * crossing the threshold over 5 bars, and volume z-scores against the 30 bars before; each is in
   * the alerts topic, provisional.
   */
  private static void assertAlerts(RealtimeViewReader views, LocalStackEndpoints endpoints) {
    List<LeanTradeTicks.TradeBar> bars = regularBars();
    java.util.Set<String> expected = new java.util.TreeSet<>();
    for (int i = 5; i < bars.size(); i++) {
      double change = bars.get(i).close() / bars.get(i - 5).close() - 1;
      Double before = i > 5 ? bars.get(i - 1).close() / bars.get(i - 6).close() - 1 : null;
      long millis = bars.get(i).start().toEpochMilli();
      if (change >= PRICE_MOVE && (before == null || before < PRICE_MOVE)) {
        expected.add("IBM/price_spike/" + millis);
      }
      if (change <= -PRICE_MOVE && (before == null || before > -PRICE_MOVE)) {
        expected.add("IBM/price_drop/" + millis);
      }
    }
    for (int i = 30; i < bars.size(); i++) {
      double mean = 0;
      for (int j = i - 30; j < i; j++) {
        mean += bars.get(j).volume() / 30.0;
      }
      double squares = 0;
      for (int j = i - 30; j < i; j++) {
        squares += Math.pow(bars.get(j).volume() - mean, 2);
      }
      double deviation = Math.sqrt(squares / 29);
      if (deviation > 0 && (bars.get(i).volume() - mean) / deviation >= VOLUME_ZSCORE) {
        expected.add("IBM/volume_spike/" + bars.get(i).start().toEpochMilli());
      }
    }
    List<Alert> alerts =
        views.alerts(
            Symbol.of("IBM"),
            Instant.parse("2013-10-07T00:00:00Z"),
            Instant.parse("2013-10-08T00:00:00Z"));
    assertThat(expected).isNotEmpty();
    assertThat(alerts).extracting(Alert::id).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(alerts).allSatisfy(alert -> assertThat(alert.provisional()).isTrue());

    Map<String, String> published = new HashMap<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "speed-it-alerts",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(ALERTS));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!published.keySet().containsAll(expected) && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          published.put(
              new String(record.key(), StandardCharsets.UTF_8),
              new String(record.value(), StandardCharsets.UTF_8));
        }
      }
    }
    assertThat(published.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(published.values())
        .allSatisfy(
            json ->
                assertThat(json)
                    .contains("\"schemaVersion\":\"marketlambda.alerts.v1\"")
                    .contains("\"status\":\"provisional\""));
  }
}
