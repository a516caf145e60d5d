package io.marketlambda.testing;

import static io.marketlambda.testing.StackClients.bytes;
import static io.marketlambda.testing.StackClients.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.marketlambda.localstack.LocalStackEndpoints;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.Table;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Proves each service of the shared local stack is real, from a JVM whose class path is what a
 * product JVM has under spark-submit (Spark's shaded Hadoop 3.3 client, hbase-shaded-mapreduce).
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

    RecordMetadata written = StackClients.produce(endpoints, topic, "IBM", "185.12");

    assertThat(StackClients.consume(endpoints, topic, 1))
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
  void hbaseCreatesTableAndServesRow(LocalStackEndpoints endpoints) throws Exception {
    TableName name = TableName.valueOf("local_stack_it");
    byte[] family = bytes("q");
    try (Connection connection = StackClients.hbase(endpoints)) {
      StackClients.createTable(connection, name, family);
      try (Table table = connection.getTable(name)) {
        table.put(
            new Put(bytes("IBM"))
                .addColumn(family, bytes("price"), 1381152600000L, bytes("185.12")));
        Result row = table.get(new Get(bytes("IBM")));

        assertThat(text(row.getValue(family, bytes("price")))).isEqualTo("185.12");
        assertThat(row.getColumnLatestCell(family, bytes("price")).getTimestamp())
            .isEqualTo(1381152600000L);
      }
    }
  }

  @Test
  void hdfsWritesAndReadsFile(LocalStackEndpoints endpoints) throws Exception {
    Path file = new Path("/local-stack-it/quotes.txt");
    String content = "IBM,2013-10-07T13:30:00Z,185.12\n";
    try (FileSystem fs = StackClients.hdfs(endpoints)) {
      try (FSDataOutputStream out = fs.create(file, true)) {
        out.write(bytes(content));
      }
      byte[] read;
      try (FSDataInputStream in = fs.open(file)) {
        read = in.readAllBytes();
      }

      assertThat(fs.getScheme()).isEqualTo("hdfs");
      assertThat(fs.getFileStatus(file).getLen()).isEqualTo(content.length());
      assertThat(text(read)).isEqualTo(content);
    }
  }
}
