package io.marketlambda.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketlambda.localstack.LocalStackEndpoints;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hbase.HBaseConfiguration;
import org.apache.hadoop.hbase.HConstants;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.ColumnFamilyDescriptorBuilder;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.client.TableDescriptorBuilder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Proves each service of the local stack is real, from a JVM whose class path is what a product JVM
 * has under spark-submit (Spark's shaded Hadoop 3.3 client, hbase-shaded-mapreduce).
 */
@ExtendWith(LocalStackExtension.class)
class LocalStackIT {

  @Test
  void kafkaBrokerStoresAndServesRecords(LocalStackEndpoints endpoints) throws Exception {
    String topic = "local-stack-it";
    try (Admin admin =
        Admin.create(Map.of("bootstrap.servers", endpoints.kafkaBootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
    }
    RecordMetadata written;
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                endpoints.kafkaBootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true),
            new StringSerializer(),
            new StringSerializer())) {
      written = producer.send(new ProducerRecord<>(topic, "IBM", "185.12")).get();
    }

    List<ConsumerRecord<String, String>> read = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "local-stack-it",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (read.isEmpty() && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(500)).forEach(read::add);
      }
    }

    assertThat(read)
        .singleElement()
        .satisfies(
            record -> {
              assertThat(record.key()).isEqualTo("IBM");
              assertThat(record.value()).isEqualTo("185.12");
              assertThat(record.partition()).isEqualTo(written.partition());
              assertThat(record.offset()).isEqualTo(written.offset());
            });
  }

  @Test
  void hbaseCreatesTableAndServesRow(LocalStackEndpoints endpoints) throws IOException {
    Configuration conf = HBaseConfiguration.create();
    conf.set(HConstants.ZOOKEEPER_QUORUM, endpoints.zookeeperQuorum());
    conf.setInt(HConstants.ZOOKEEPER_CLIENT_PORT, endpoints.zookeeperClientPort());
    TableName name = TableName.valueOf("local_stack_it");
    byte[] family = bytes("q");
    try (Connection connection = ConnectionFactory.createConnection(conf)) {
      connection
          .getAdmin()
          .createTable(
              TableDescriptorBuilder.newBuilder(name)
                  .setColumnFamily(ColumnFamilyDescriptorBuilder.of(family))
                  .build());
      try (Table table = connection.getTable(name)) {
        table.put(
            new Put(bytes("IBM"))
                .addColumn(family, bytes("price"), 1381152600000L, bytes("185.12")));
        Result row = table.get(new Get(bytes("IBM")));

        assertThat(new String(row.getValue(family, bytes("price")), StandardCharsets.UTF_8))
            .isEqualTo("185.12");
        assertThat(row.getColumnLatestCell(family, bytes("price")).getTimestamp())
            .isEqualTo(1381152600000L);
      }
      assertThat(connection.getAdmin().tableExists(name)).isTrue();
    }
  }

  @Test
  void hdfsWritesAndReadsFile(LocalStackEndpoints endpoints) throws IOException {
    Configuration conf = new Configuration();
    Path file = new Path("/local-stack-it/quotes.txt");
    try (FileSystem fs = FileSystem.newInstance(endpoints.hdfsUri(), conf)) {
      try (FSDataOutputStream out = fs.create(file, true)) {
        out.write(bytes("IBM,2013-10-07T13:30:00Z,185.12\n"));
      }
      byte[] read;
      try (FSDataInputStream in = fs.open(file)) {
        read = in.readAllBytes();
      }

      assertThat(fs.getScheme()).isEqualTo("hdfs");
      assertThat(fs.getFileStatus(file).getLen()).isEqualTo(32);
      assertThat(new String(read, StandardCharsets.UTF_8))
          .isEqualTo("IBM,2013-10-07T13:30:00Z,185.12\n");
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
