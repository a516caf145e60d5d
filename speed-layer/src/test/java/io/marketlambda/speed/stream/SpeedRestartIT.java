package io.marketlambda.speed.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.marketlambda.core.config.Settings;
import io.marketlambda.core.model.BarInterval;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.model.Symbol;
import io.marketlambda.core.wire.QuoteWireCodec;
import io.marketlambda.hbaseviews.HBaseViewsConfig;
import io.marketlambda.hbaseviews.realtime.RealtimeViewReader;
import io.marketlambda.hbaseviews.realtime.RealtimeViewsSchema;
import io.marketlambda.localstack.LocalStackEndpoints;
import io.marketlambda.testing.LeanTradeTicks;
import io.marketlambda.testing.LocalSpark;
import io.marketlambda.testing.LocalStackExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Stops the speed layer in the middle of the real IBM trades of 2013-10-07 and starts it again from
 * its checkpoints: no bar is lost and none is counted twice.
 */
@ExtendWith(LocalStackExtension.class)
class SpeedRestartIT {
  private static final String QUOTES = "speed-restart-it.quotes.v1";
  private static final HBaseViewsConfig VIEWS =
      new HBaseViewsConfig("it_speed_restart", 16, Duration.ofDays(10000));
  private static final LeanTradeTicks IBM = LeanTradeTicks.read("IBM");

  @Test
  void aRestartMidReplayLosesNoBarAndCountsNoneTwice(LocalStackEndpoints endpoints)
      throws Exception {
    publish(endpoints);
    Path lake = SpeedItSupport.freshLake("speed-restart-it-lake");
    Settings settings =
        Settings.of(endpoints.asProperties())
            .withOverrides(
                List.of(
                    "topics.quotes=" + QUOTES,
                    "realtime.hbase-namespace=" + VIEWS.namespace(),
                    "realtime.ttl=10000d",
                    "lake.root=" + lake,
                    "speed.trigger=available-now",
                    "speed.max-offsets-per-trigger=3000"));
    SparkSession spark = LocalSpark.session();
    try (Connection hbase = SpeedItSupport.hbase(endpoints)) {
      RealtimeViewsSchema.createIfAbsent(hbase.getAdmin(), VIEWS);

      List<StreamingQuery> first =
          new SpeedJob(spark, SpeedConfig.from(settings), new SpeedMetrics()).start();
      StreamingQuery minuteBars =
          first.stream().filter(query -> query.name().equals("speed-views")).findFirst().get();
      await()
          .atMost(Duration.ofMinutes(3))
          .until(
              () -> minuteBars.lastProgress() != null && minuteBars.lastProgress().batchId() >= 1);
      for (StreamingQuery query : first) {
        query.stop();
      }
      assertThat(minuteBars.lastProgress().batchId()).isLessThan(8);

      for (StreamingQuery query :
          new SpeedJob(spark, SpeedConfig.from(settings), new SpeedMetrics()).start()) {
        query.awaitTermination();
      }

      RealtimeViewReader views = new RealtimeViewReader(hbase, VIEWS);
      SpeedItSupport.assertBarsMatch(views, IBM, BarInterval.ONE_MINUTE);
      SpeedItSupport.assertBarsMatch(views, IBM, BarInterval.ONE_HOUR);
      // Every regular-session minute (09:30 to 15:59) has its indicators, whichever run wrote it.
      assertThat(
              views.indicators(
                  Symbol.of("IBM"),
                  java.time.Instant.parse("2013-10-07T13:30:00Z"),
                  java.time.Instant.parse("2013-10-07T20:00:00Z")))
          .hasSize(390);
    }
  }

  private static void publish(LocalStackEndpoints endpoints) throws Exception {
    try (Admin admin =
        Admin.create(Map.of("bootstrap.servers", endpoints.kafkaBootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(QUOTES, 2, (short) 1))).all().get();
    }
    QuoteWireCodec codec = new QuoteWireCodec();
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                "bootstrap.servers",
                endpoints.kafkaBootstrapServers(),
                "enable.idempotence",
                "true"),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      for (Quote quote : SpeedItSupport.trades(IBM)) {
        producer.send(
            new ProducerRecord<>(QUOTES, codec.encodeKey(quote), codec.encodeValue(quote)));
      }
      producer.flush();
    }
  }
}
