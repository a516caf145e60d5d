package io.marketlambda.speed.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketlambda.core.config.Settings;
import io.marketlambda.core.model.Quote;
import io.marketlambda.core.wire.QuoteWireCodec;
import io.marketlambda.hbaseviews.HBaseViewsConfig;
import io.marketlambda.hbaseviews.realtime.RealtimeViewsSchema;
import io.marketlambda.localstack.LocalStackEndpoints;
import io.marketlambda.testing.LeanTradeTicks;
import io.marketlambda.testing.LocalSpark;
import io.marketlambda.testing.LocalStackExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Retention passes offsets the speed layer has not read yet (simulated with Kafka's {@code
 * deleteRecords} while it is stopped): with the default {@code speed.fail-on-data-loss=false} it
 * goes on from the oldest record left, and counts the gap exactly.
 */
@ExtendWith(LocalStackExtension.class)
class SpeedDataLossIT {
  private static final String QUOTES = "speed-data-loss-it.quotes.v1";
  private static final HBaseViewsConfig VIEWS =
      new HBaseViewsConfig("it_speed_data_loss", 16, Duration.ofDays(10000));

  @Test
  void recordsRetentionRemovedBeforeTheyWereReadAreCountedAndTheQueriesGoOn(
      LocalStackEndpoints endpoints) throws Exception {
    List<Quote> trades = SpeedItSupport.trades(LeanTradeTicks.read("IBM")).subList(0, 3000);
    Map<String, Object> kafka = Map.of("bootstrap.servers", endpoints.kafkaBootstrapServers());
    try (Admin admin = Admin.create(kafka)) {
      admin.createTopics(List.of(new NewTopic(QUOTES, 1, (short) 1))).all().get();
    }
    Path lake = SpeedItSupport.freshLake("speed-data-loss-it-lake");
    Settings settings =
        Settings.of(endpoints.asProperties())
            .withOverrides(
                List.of(
                    "topics.quotes=" + QUOTES,
                    "realtime.hbase-namespace=" + VIEWS.namespace(),
                    "realtime.ttl=10000d",
                    "lake.root=" + lake,
                    "speed.trigger=available-now"));
    SparkSession spark = LocalSpark.session();
    SpeedMetrics metrics = new SpeedMetrics();
    SpeedProgressLog progressLog = new SpeedProgressLog(metrics);
    AtomicLong viewsRows = new AtomicLong();
    StreamingQueryListener rows = new InputRows(viewsRows);
    try (Connection hbase = SpeedItSupport.hbase(endpoints)) {
      RealtimeViewsSchema.createIfAbsent(hbase.getAdmin(), VIEWS);
      publish(kafka, trades.subList(0, 1000)); // offsets 0-999: read by the first run
      runToEnd(spark, settings);

      publish(kafka, trades.subList(1000, 3000)); // offsets 1000-2999
      try (Admin admin = Admin.create(kafka)) {
        admin
            .deleteRecords(
                Map.of(new TopicPartition(QUOTES, 0), RecordsToDelete.beforeOffset(2000)))
            .all()
            .get();
      }
      spark.streams().addListener(progressLog);
      spark.streams().addListener(rows);
      try {
        runToEnd(spark, settings);
      } finally {
        spark.streams().removeListener(progressLog);
        spark.streams().removeListener(rows);
      }
    }

    // Offsets 1000-1999 were gone before the second run read them; 2000-2999 were read.
    assertThat(viewsRows.get()).isEqualTo(1000);
    assertThat(metrics.offsetsWithoutRecord.labelValues(SpeedPipeline.VIEWS).get())
        .isEqualTo(1000.0);
    assertThat(metrics.offsetsWithoutRecord.labelValues(SpeedPipeline.LATEST).get())
        .isEqualTo(1000.0);
  }

  private static void runToEnd(SparkSession spark, Settings settings) throws Exception {
    for (StreamingQuery query :
        new SpeedJob(spark, SpeedConfig.from(settings), new SpeedMetrics()).start()) {
      query.awaitTermination();
      assertThat(query.exception().isDefined()).isFalse();
    }
  }

  private static void publish(Map<String, Object> kafka, List<Quote> quotes) {
    QuoteWireCodec codec = new QuoteWireCodec();
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(kafka, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (Quote quote : quotes) {
        producer.send(
            new ProducerRecord<>(QUOTES, codec.encodeKey(quote), codec.encodeValue(quote)));
      }
      producer.flush();
    }
  }

  /** Adds up the input rows of {@code speed-views}. */
  private static final class InputRows extends StreamingQueryListener {
    private final AtomicLong rows;

    InputRows(AtomicLong rows) {
      this.rows = rows;
    }

    @Override
    public void onQueryStarted(QueryStartedEvent event) {}

    @Override
    public void onQueryProgress(QueryProgressEvent event) {
      if (SpeedPipeline.VIEWS.equals(event.progress().name())) {
        rows.addAndGet(event.progress().numInputRows());
      }
    }

    @Override
    public void onQueryTerminated(QueryTerminatedEvent event) {}
  }
}
