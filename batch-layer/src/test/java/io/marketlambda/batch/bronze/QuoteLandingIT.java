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
 * produced, with its offset; a rerun lands nothing new, a run after more records lands only those.
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
            line -> {});

    produce(endpoints, 0, 300);
    assertThat(landing.run()).isEqualTo(300);
    assertThat(landing.run()).isZero();
    produce(endpoints, 300, 50);
    assertThat(landing.run()).isEqualTo(50);

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

  private static void produce(LocalStackEndpoints endpoints, int from, int count) throws Exception {
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
                TOPIC,
                Integer.toString(i).getBytes(StandardCharsets.UTF_8),
                ("value-" + i).getBytes(StandardCharsets.UTF_8)));
      }
      producer.flush();
    }
  }
}
