package io.marketlambda.speed.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.marketlambda.core.config.Settings;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.core.wire.QuoteWireCodec;
import io.marketlambda.hbaseviews.HBaseViewsConfig;
import io.marketlambda.hbaseviews.realtime.RealtimeTable;
import io.marketlambda.hbaseviews.realtime.RealtimeViewReader;
import io.marketlambda.hbaseviews.realtime.RealtimeViewsSchema;
import io.marketlambda.localstack.LocalStackEndpoints;
import io.marketlambda.localstack.LocalStackProcess;
import io.marketlambda.speed.SpeedApplication;
import io.marketlambda.testing.LeanTradeTicks;
import io.marketlambda.testing.LocalSpark;
import io.marketlambda.testing.LocalStackExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The speed layer heals itself after its HBase views stop taking writes: IBM's real trades of
 * 2013-10-07 are read in micro-batches of 2,000 records; after the first micro-batch a fault is
 * injected in the local stack's HBase and healed, and at the end the day's 1-minute bars equal
 * those computed trade by trade from the file, with the speed layer still running.
 */
@ExtendWith(LocalStackExtension.class)
class SpeedOutageIT {
  private static final LeanTradeTicks IBM = LeanTradeTicks.read("IBM");

  /**
   * {@code bars_1m} disabled (every write to it fails): the views query fails, again after each
   * restart; once the table is enabled the supervisor's next restart resumes from the checkpoint.
   */
  @Test
  void aQueryFailingWhileATableIsDisabledIsRestartedUntilItWritesEveryBar(
      LocalStackEndpoints endpoints) throws Exception {
    throughOutage(
        endpoints,
        "disabled-table",
        // Writes to a disabled table fail after 2 retries, not the client's 16 (~2.5 minutes of
        // NotServingRegionException).
        List.of("hbase.client.retries.number=2"),
        (admin, views, failures) -> {
          TableName bars =
              TableName.valueOf(RealtimeTable.BARS_1M.qualifiedName(views.namespace()));
          admin.disableTable(bars);
          await().atMost(Duration.ofMinutes(3)).until(() -> failures.get() >= 2);
          admin.enableTable(bars);
        });
  }

  /**
   * The local stack's only region server stopped under load for 20 s, then a new one started: the
   * speed layer's writes wait in the HBase client's retries (or its queries are restarted when
   * those run out), and every bar arrives.
   */
  @Test
  void theRegionServerStoppedAndStartedUnderLoadLosesNoBar(
      LocalStackEndpoints endpoints, LocalStackProcess stack) throws Exception {
    throughOutage(
        endpoints,
        "region-server",
        List.of(),
        (admin, views, failures) -> {
          stack.control("stop hbase-regionserver");
          try {
            Thread.sleep(20_000);
          } finally {
            stack.control("start hbase-regionserver");
          }
        });
  }

  /**
   * The Kafka broker stopped for 20 s under load and started again on the same ports and log: the
   * queries fail (or wait) while it is down and are restarted until it answers, and every bar
   * arrives once.
   */
  @Test
  void theKafkaBrokerStoppedAndStartedUnderLoadLosesNoBar(
      LocalStackEndpoints endpoints, LocalStackProcess stack) throws Exception {
    throughOutage(
        endpoints,
        "kafka",
        List.of(),
        (admin, views, failures) -> {
          stack.control("stop kafka");
          try {
            Thread.sleep(20_000);
          } finally {
            stack.control("start kafka");
          }
        });
  }

  /** A fault injected after the first micro-batch, healed before it returns. */
  private interface Fault {
    void injectAndHeal(Admin admin, HBaseViewsConfig views, AtomicInteger queryFailures)
        throws Exception;
  }

  private void throughOutage(
      LocalStackEndpoints endpoints, String name, List<String> extraSettings, Fault fault)
      throws Exception {
    String quotes = "speed-outage-it." + name + ".quotes.v1";
    HBaseViewsConfig viewsConfig =
        new HBaseViewsConfig(
            "it_speed_outage_" + name.replace('-', '_'), 4, Duration.ofDays(10_000));
    try (org.apache.kafka.clients.admin.Admin kafka =
        org.apache.kafka.clients.admin.Admin.create(
            Map.of("bootstrap.servers", endpoints.kafkaBootstrapServers()))) {
      kafka.createTopics(List.of(new NewTopic(quotes, 2, (short) 1))).all().get();
    }
    publish(endpoints, quotes);
    Path lake = SpeedItSupport.freshLake("speed-outage-it-" + name + "-lake");
    List<String> overrides =
        new java.util.ArrayList<>(
            List.of(
                "topics.quotes=" + quotes,
                "topics.bars=speed-outage-it.bars.v1",
                "topics.dead-letter=speed-outage-it.dlq.v1",
                "topics.late=speed-outage-it.late.v1",
                "topics.alerts=speed-outage-it.alerts.v1",
                "realtime.hbase-namespace=" + viewsConfig.namespace(),
                "realtime.salt-buckets=" + viewsConfig.saltBuckets(),
                "realtime.ttl=10000d",
                "lake.root=" + lake,
                "speed.metrics-port=0",
                "speed.latest-quote-trigger=micro-batch",
                "speed.max-offsets-per-trigger=2000",
                "speed.restart.initial-backoff=500ms",
                "speed.restart.max-backoff=2s",
                "speed.restart.max-attempts=1000"));
    overrides.addAll(extraSettings);
    Settings settings = Settings.of(endpoints.asProperties()).withOverrides(overrides);
    SparkSession spark = LocalSpark.session();
    AtomicLong viewsBatches = new AtomicLong(-1);
    AtomicInteger failures = new AtomicInteger();
    StreamingQueryListener listener =
        new StreamingQueryListener() {
          @Override
          public void onQueryStarted(QueryStartedEvent event) {}

          @Override
          public void onQueryProgress(QueryProgressEvent event) {
            if ("speed-views".equals(event.progress().name())) {
              viewsBatches.accumulateAndGet(event.progress().batchId(), Math::max);
            }
          }

          @Override
          public void onQueryTerminated(QueryTerminatedEvent event) {
            if (event.exception().isDefined()) {
              failures.incrementAndGet();
            }
          }
        };
    spark.streams().addListener(listener);
    AtomicReference<Throwable> ended = new AtomicReference<>();
    Thread speed =
        new Thread(
            () -> {
              try {
                SpeedApplication.run(settings);
              } catch (Throwable e) {
                ended.set(e);
              }
            },
            "speed-outage-it");
    try (Connection hbase = SpeedItSupport.hbase(endpoints);
        Admin admin = hbase.getAdmin()) {
      RealtimeViewsSchema.createIfAbsent(admin, viewsConfig);
      speed.start();
      await().atMost(Duration.ofMinutes(3)).until(() -> viewsBatches.get() >= 0);

      long beforeFault = viewsBatches.get();
      fault.injectAndHeal(admin, viewsConfig, failures);
      assertThat(speed.isAlive()).as("speed layer running through the outage").isTrue();

      RealtimeViewReader views = new RealtimeViewReader(hbase, viewsConfig);
      Symbol ibm = Symbol.of("IBM");
      int minutes = IBM.bars(Duration.ofMinutes(1)).size();
      await()
          .atMost(Duration.ofMinutes(3))
          .until(
              () ->
                  views
                          .bars(
                              ibm,
                              BarInterval.ONE_MINUTE,
                              Instant.parse("2013-10-07T00:00:00Z"),
                              Instant.parse("2013-10-08T00:00:00Z"))
                          .size()
                      == minutes);
      // The last micro-batch may still be writing other views when the bars are complete.
      await().atMost(Duration.ofMinutes(1)).until(() -> !activeBatch(spark));
      SpeedItSupport.assertBarsMatch(views, IBM, BarInterval.ONE_MINUTE);
      assertThat(viewsBatches.get())
          .as("micro-batches completed after the fault (it hit a stream in flight)")
          .isGreaterThan(beforeFault + 1);
      assertThat(ended.get()).as("how the speed layer ended").isNull();
    } finally {
      for (StreamingQuery query : spark.streams().active()) {
        query.stop();
      }
      speed.join(60_000);
      spark.streams().removeListener(listener);
    }
  }

  private static boolean activeBatch(SparkSession spark) {
    for (StreamingQuery query : spark.streams().active()) {
      if (query.status().isTriggerActive()) {
        return true;
      }
    }
    return false;
  }

  private static void publish(LocalStackEndpoints endpoints, String topic) {
    QuoteWireCodec codec = new QuoteWireCodec();
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", endpoints.kafkaBootstrapServers()),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      List<Quote> quotes = new ArrayList<>();
      for (LeanTradeTicks.Tick tick : IBM.ticks()) {
        quotes.add(
            new Quote(
                Symbol.of("IBM"),
                tick.time(),
                tick.priceUsd(),
                tick.size(),
                "lean-tick",
                tick.line()));
      }
      for (Quote quote : quotes) {
        producer.send(
            new ProducerRecord<>(topic, codec.encodeKey(quote), codec.encodeValue(quote)));
      }
      producer.flush();
    }
  }
}
