package io.marketlambda.batch.bronze;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketlambda.core.lake.LakeLayout;
import io.marketlambda.core.lake.LakeTable;
import io.marketlambda.localstack.LocalStackEndpoints;
import io.marketlambda.testing.LocalSpark;
import io.marketlambda.testing.LocalStackExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Landing the quotes topic into bronze on the local stack's Kafka: every record once, bytes as
 * produced, with its offset; a rerun lands nothing new, a run after more records lands only those;
 * records retention removed before they were landed are reported, counted and found again as holes
 * of bronze.quotes.
 */
@ExtendWith(LocalStackExtension.class)
class QuoteLandingIT {
  private static final String TOPIC = "landing-it.quotes.v1";
  private static final SparkSession spark = LocalSpark.session();

  @Test
  void landsEveryRecordOnceWithItsLineage(LocalStackEndpoints endpoints, @TempDir Path root)
      throws Exception {
    try (Admin admin =
        Admin.create(Map.of("bootstrap.servers", endpoints.kafkaBootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1))).all().get();
    }
    LakeLayout lake = LakeLayout.of(root.toString());
    QuoteLanding landing =
        new QuoteLanding(
            spark,
            lake,
            Map.of("bootstrap.servers", endpoints.kafkaBootstrapServers()),
            TOPIC,
            false,
            line -> {});

    produce(endpoints, TOPIC, 0, 300);
    assertThat(landing.run()).isEqualTo(new QuoteLanding.Landed(300, 0));
    assertThat(landing.run()).isEqualTo(new QuoteLanding.Landed(0, 0));
    produce(endpoints, TOPIC, 300, 50);
    assertThat(landing.run()).isEqualTo(new QuoteLanding.Landed(50, 0));

    List<Row> landed =
        spark
            .read()
            .format("delta")
            .load(lake.table(LakeTable.BRONZE_QUOTES).toString())
            .collectAsList();
    assertThat(landed).hasSize(350);
    assertThat(
            landed.stream()
                .map(
                    row ->
                        row.<Long>getAs(BronzeColumns.KAFKA_OFFSET)
                            + "@"
                            + row.getAs(BronzeColumns.KAFKA_PARTITION))
                .distinct())
        .hasSize(350);
    assertThat(landed)
        .allSatisfy(
            row ->
                assertThat(
                        new String(
                            row.<byte[]>getAs(BronzeColumns.KAFKA_VALUE), StandardCharsets.UTF_8))
                    .isEqualTo("value-" + row.getAs(BronzeColumns.KAFKA_KEY)));
  }

  /**
   * Retention passing records not landed yet (simulated with Kafka's {@code deleteRecords} between
   * runs): by default land goes on from the oldest record left and reports the gap, and the batch
   * run finds the same hole in bronze.quotes; with {@code land.fail-on-data-loss=true} it fails,
   * landing nothing, until it is run without.
   */
  @Test
  void recordsRetentionRemovedBeforeTheyWereLandedAreReportedAsAGap(
      LocalStackEndpoints endpoints, @TempDir Path root) throws Exception {
    String topic = "landing-it-gap.quotes.v1";
    Map<String, Object> kafka = Map.of("bootstrap.servers", endpoints.kafkaBootstrapServers());
    try (Admin admin = Admin.create(kafka)) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
      LakeLayout lake = LakeLayout.of(root.toString());
      Map<String, String> client = Map.of("bootstrap.servers", endpoints.kafkaBootstrapServers());
      List<String> printed = new java.util.ArrayList<>();
      QuoteLanding landing = new QuoteLanding(spark, lake, client, topic, false, printed::add);
      QuoteLanding strict = new QuoteLanding(spark, lake, client, topic, true, printed::add);

      produce(endpoints, topic, 0, 100); // offsets 0-99
      assertThat(landing.run()).isEqualTo(new QuoteLanding.Landed(100, 0));
      produce(endpoints, topic, 100, 200); // offsets 100-299
      deleteBefore(admin, topic, 200);
      assertThat(landing.run()).isEqualTo(new QuoteLanding.Landed(100, 100));
      assertThat(printed)
          .anySatisfy(
              line -> assertThat(line).startsWith("WARNING: 100 Kafka offsets of " + topic));

      produce(endpoints, topic, 300, 100); // offsets 300-399
      deleteBefore(admin, topic, 350);
      org.assertj.core.api.Assertions.assertThatThrownBy(strict::run)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("Cannot land topic " + topic);
      assertThat(landing.run()).isEqualTo(new QuoteLanding.Landed(50, 50));

      assertThat(
              QuoteLanding.offsetsWithoutRecord(
                  spark
                      .read()
                      .format("delta")
                      .load(lake.table(LakeTable.BRONZE_QUOTES).toString())))
          .isEqualTo(Map.of(topic + "-0", 150L));
    }
  }

  private static void deleteBefore(Admin admin, String topic, long offset) throws Exception {
    admin
        .deleteRecords(
            Map.of(
                new org.apache.kafka.common.TopicPartition(topic, 0),
                org.apache.kafka.clients.admin.RecordsToDelete.beforeOffset(offset)))
        .all()
        .get();
  }

  private static void produce(LocalStackEndpoints endpoints, String topic, int from, int count)
      throws Exception {
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                "bootstrap.servers",
                endpoints.kafkaBootstrapServers(),
                "enable.idempotence",
                "true"),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      for (int i = from; i < from + count; i++) {
        producer.send(
            new ProducerRecord<>(
                topic,
                Integer.toString(i).getBytes(StandardCharsets.UTF_8),
                ("value-" + i).getBytes(StandardCharsets.UTF_8)));
      }
      producer.flush();
    }
  }
}
