package io.marketlambda.speed.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.marketlambda.core.config.Settings;
import io.marketlambda.core.indicator.IndicatorSnapshot;
import io.marketlambda.core.model.Alert;
import io.marketlambda.core.model.Bar;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.core.wire.QuoteWireCodec;
import io.marketlambda.hbaseviews.HBaseViewsConfig;
import io.marketlambda.hbaseviews.realtime.RealtimeViewReader;
import io.marketlambda.hbaseviews.realtime.RealtimeViewsSchema;
import io.marketlambda.localstack.LocalStackEndpoints;
import io.marketlambda.speed.SpeedApplication;
import io.marketlambda.testing.ChildJvm;
import io.marketlambda.testing.LeanTradeTicks;
import io.marketlambda.testing.LocalSpark;
import io.marketlambda.testing.LocalStackExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Restart after SIGKILL: the speed layer runs in a JVM of its own while IBM's real trades of
 * 2013-10-07 flow into Kafka, and is killed with SIGKILL five times in the middle of its
 * micro-batches, each time started again from its checkpoints. At the end every bar (1m, 5m, 15m,
 * 1h), indicator row, alert and the latest quote in HBase equal those of a run without kills over
 * the same records: nothing lost, nothing counted twice, no alert the closed bars do not raise.
 */
@ExtendWith(LocalStackExtension.class)
class SpeedKillIT {
  private static final String QUOTES = "speed-kill-it.quotes.v1";
  private static final String BARS = "speed-kill-it.bars.v1";
  private static final Symbol IBM = Symbol.of("IBM");
  private static final HBaseViewsConfig KILLED =
      new HBaseViewsConfig("speed_kill_it", 4, Duration.ofDays(10_000));
  private static final HBaseViewsConfig REFERENCE =
      new HBaseViewsConfig("speed_kill_it_ref", 4, Duration.ofDays(10_000));
  private static final int KILLS = 5;
  private static final Instant DAY = Instant.parse("2013-10-07T04:00:00Z");
  private static final Instant NEXT_DAY = Instant.parse("2013-10-08T04:00:00Z");

  @Test
  void killedFiveTimesMidMicroBatchItEndsWithTheCellsOfARunWithoutKills(
      LocalStackEndpoints endpoints) throws Exception {
    createTopics(endpoints);
    List<Quote> trades = new ArrayList<>();
    for (LeanTradeTicks.Tick tick : LeanTradeTicks.read("IBM").ticks()) {
      trades.add(
          new Quote(IBM, tick.time(), tick.priceUsd(), tick.size(), "lean-tick", tick.line()));
    }
    // After the day, two after-hours trades: the first moves the watermark past the session, the
    // second makes IBM's state close its minutes (a state moves on when its symbol has data).
    Quote pushWatermark = new Quote(IBM, Instant.parse("2013-10-07T23:50:00Z"), 186.0, 1, "it", 1);
    Quote closeMinutes = new Quote(IBM, Instant.parse("2013-10-07T23:58:00Z"), 186.1, 1, "it", 2);
    Path lake = SpeedItSupport.freshLake("speed-kill-it-lake");
    Path log = Path.of("target", "speed-kill-it-child.log").toAbsolutePath();
    Files.deleteIfExists(log);

    try (Connection hbase = SpeedItSupport.hbase(endpoints);
        KafkaProducer<byte[], byte[]> producer = producer(endpoints)) {
      RealtimeViewsSchema.createIfAbsent(hbase.getAdmin(), KILLED);
      RealtimeViewsSchema.createIfAbsent(hbase.getAdmin(), REFERENCE);
      RealtimeViewReader killed = new RealtimeViewReader(hbase, KILLED);
      QuoteWireCodec codec = new QuoteWireCodec();

      Random random = new Random(20131007);
      Path commits = lake.resolve("_checkpoints").resolve(SpeedPipeline.VIEWS).resolve("commits");
      int chunk = (trades.size() + KILLS - 1) / KILLS;
      for (int kill = 0; kill < KILLS; kill++) {
        // Each run gets its own slice of the day, flowing at 400 trades/s while it runs: a run
        // always has micro-batches to commit, and the kill lands while records are in flight.
        List<Quote> slice =
            trades.subList(kill * chunk, Math.min(trades.size(), (kill + 1) * chunk));
        Thread publisher = publisher(producer, codec, slice, kill);
        ChildJvm child = startSpeedLayer(endpoints, lake, log);
        long committed = count(commits);
        publisher.start();
        // Let it commit at least one micro-batch of this run, then kill it somewhere in the next.
        awaitOrShowLog(
            log,
            "a micro-batch committed by run " + (kill + 1),
            () -> count(commits) > committed || !child.isAlive());
        assertThat(child.isAlive())
            .as("speed layer alive before kill %d; its log:%n%s", kill + 1, child.problems(80))
            .isTrue();
        sleep(200 + random.nextInt(1_500));
        child.kill();
        publisher.join();
      }

      ChildJvm last = startSpeedLayer(endpoints, lake, log);
      try {
        send(producer, codec, pushWatermark);
        producer.flush();
        awaitBarOf(killed, pushWatermark, log);
        send(producer, codec, closeMinutes);
        producer.flush();
        awaitBarOf(killed, closeMinutes, log);
        // The latest-quote query runs beside the views query and catches up on its own time.
        awaitOrShowLog(
            log,
            "the latest quote of the last record",
            () -> killed.latestQuote(IBM).equals(Optional.of(closeMinutes)));
      } finally {
        last.kill();
      }

      runReference(endpoints);
      RealtimeViewReader reference = new RealtimeViewReader(hbase, REFERENCE);
      assertSameViews(killed, reference);
    }
  }

  private static void assertSameViews(RealtimeViewReader killed, RealtimeViewReader reference) {
    for (BarInterval interval :
        List.of(
            BarInterval.ONE_MINUTE,
            BarInterval.FIVE_MINUTES,
            BarInterval.FIFTEEN_MINUTES,
            BarInterval.ONE_HOUR)) {
      List<Bar> want = reference.bars(IBM, interval, DAY, NEXT_DAY);
      assertThat(want).as("reference " + interval + " bars").isNotEmpty();
      assertThat(killed.bars(IBM, interval, DAY, NEXT_DAY))
          .as(interval + " bars")
          .usingRecursiveFieldByFieldElementComparatorIgnoringFields("vwapUsd")
          .containsExactlyElementsOf(want);
    }
    List<IndicatorSnapshot> wantIndicators = reference.indicators(IBM, DAY, NEXT_DAY);
    List<IndicatorSnapshot> gotIndicators = killed.indicators(IBM, DAY, NEXT_DAY);
    assertThat(wantIndicators).hasSize(390);
    assertThat(gotIndicators).hasSize(390);
    for (int i = 0; i < wantIndicators.size(); i++) {
      IndicatorSnapshot want = wantIndicators.get(i);
      IndicatorSnapshot got = gotIndicators.get(i);
      assertThat(got.barStart()).isEqualTo(want.barStart());
      want.values()
          .forEach(
              (name, value) -> {
                if (Double.isNaN(value)) {
                  assertThat(got.value(name)).as(name + " at " + want.barStart()).isNaN();
                } else {
                  assertThat(got.value(name))
                      .as(name + " at " + want.barStart())
                      .isCloseTo(value, within(1e-9 * Math.max(1, Math.abs(value))));
                }
              });
    }
    List<Alert> wantAlerts = reference.alerts(IBM, DAY, NEXT_DAY);
    assertThat(killed.alerts(IBM, DAY, NEXT_DAY))
        .extracting(Alert::id)
        .containsExactlyInAnyOrderElementsOf(wantAlerts.stream().map(Alert::id).toList());
    Optional<Quote> latest = reference.latestQuote(IBM);
    assertThat(latest).isPresent();
    assertThat(killed.latestQuote(IBM)).isEqualTo(latest);
  }

  /** The same records, once, without kills, in this JVM, into the reference namespace. */
  private static void runReference(LocalStackEndpoints endpoints) throws Exception {
    Settings settings =
        settings(endpoints, SpeedItSupport.freshLake("speed-kill-it-ref-lake"), REFERENCE)
            .withOverrides(List.of("speed.trigger=available-now"));
    for (StreamingQuery query :
        new SpeedJob(LocalSpark.session(), SpeedConfig.from(settings), new SpeedMetrics())
            .start()) {
      query.awaitTermination();
    }
  }

  private static Settings settings(
      LocalStackEndpoints endpoints, Path lake, HBaseViewsConfig views) {
    return Settings.of(endpoints.asProperties()).withOverrides(overrides(lake, views));
  }

  private static List<String> overrides(Path lake, HBaseViewsConfig views) {
    return List.of(
        "topics.quotes=" + QUOTES,
        "topics.bars=" + BARS,
        "topics.dead-letter=speed-kill-it.dlq.v1",
        "topics.late=speed-kill-it.late.v1",
        "topics.alerts=speed-kill-it.alerts.v1",
        "realtime.hbase-namespace=" + views.namespace(),
        "realtime.salt-buckets=" + views.saltBuckets(),
        "realtime.ttl=10000d",
        "lake.root=" + lake,
        "speed.metrics-port=0",
        "speed.alerts.price-move=0.002",
        "speed.alerts.volume-zscore=3");
  }

  /** {@code SpeedApplication} in a child JVM with this JVM's class path and flags. */
  private static ChildJvm startSpeedLayer(LocalStackEndpoints endpoints, Path lake, Path log)
      throws Exception {
    Map<String, String> settings = new java.util.LinkedHashMap<>(endpoints.asProperties());
    for (String override : overrides(lake, KILLED)) {
      int equals = override.indexOf('=');
      settings.put(override.substring(0, equals), override.substring(equals + 1));
    }
    return ChildJvm.startWithSettings(SpeedApplication.class.getName(), settings, "1g", log);
  }

  private static void awaitBarOf(RealtimeViewReader views, Quote quote, Path log) {
    Instant minute = BarInterval.ONE_MINUTE.startOf(quote.eventTime());
    awaitOrShowLog(
        log,
        "1-minute bar at " + minute,
        () -> !views.bars(IBM, BarInterval.ONE_MINUTE, minute, minute.plusSeconds(60)).isEmpty());
  }

  /** A thread that sends {@code slice} at 400 trades a second. */
  private static Thread publisher(
      KafkaProducer<byte[], byte[]> producer, QuoteWireCodec codec, List<Quote> slice, int run) {
    return new Thread(
        () -> {
          for (int i = 0; i < slice.size(); i++) {
            send(producer, codec, slice.get(i));
            if (i % 400 == 399) {
              producer.flush();
              sleep(1_000);
            }
          }
          producer.flush();
        },
        "speed-kill-it-publisher-" + run);
  }

  /** Waits up to 3 minutes; on time-out fails with the child's warnings and errors. */
  private static void awaitOrShowLog(
      Path log, String what, java.util.concurrent.Callable<Boolean> condition) {
    try {
      await().atMost(Duration.ofMinutes(3)).until(condition);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError(
          "No " + what + " within 3 minutes; the speed layer's log:\n" + ChildJvm.problems(log, 80),
          e);
    }
  }

  private static long count(Path directory) {
    if (!Files.isDirectory(directory)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(file -> !file.getFileName().toString().startsWith(".")).count();
    } catch (java.io.IOException e) {
      return 0;
    }
  }

  private static void send(
      KafkaProducer<byte[], byte[]> producer, QuoteWireCodec codec, Quote quote) {
    producer.send(new ProducerRecord<>(QUOTES, codec.encodeKey(quote), codec.encodeValue(quote)));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void createTopics(LocalStackEndpoints endpoints) throws Exception {
    try (Admin admin =
        Admin.create(Map.of("bootstrap.servers", endpoints.kafkaBootstrapServers()))) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(QUOTES, 2, (short) 1),
                  new NewTopic(BARS, 1, (short) 1),
                  new NewTopic("speed-kill-it.dlq.v1", 1, (short) 1),
                  new NewTopic("speed-kill-it.late.v1", 1, (short) 1),
                  new NewTopic("speed-kill-it.alerts.v1", 1, (short) 1)))
          .all()
          .get();
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
            "all"),
        new ByteArraySerializer(),
        new ByteArraySerializer());
  }
}
