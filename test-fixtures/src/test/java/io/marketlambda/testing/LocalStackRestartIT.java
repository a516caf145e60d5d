package io.marketlambda.testing;

import static io.marketlambda.testing.StackClients.bytes;
import static io.marketlambda.testing.StackClients.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.marketlambda.localstack.LocalStackEndpoints;
import io.marketlambda.localstack.LocalStackOptions;
import io.marketlambda.localstack.LocalStackProcess;
import java.time.Duration;
import java.util.Optional;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Table;
import org.junit.jupiter.api.Test;

/**
 * The local stack keeps Kafka records, HBase rows and HDFS files in its data directory across a
 * clean stop and start, and {@code --fresh} wipes them. Runs a stack of its own, not the shared
 * one, since it stops it.
 */
class LocalStackRestartIT {
  private static final java.nio.file.Path DATA =
      java.nio.file.Path.of("target", "local-stack-restart");
  private static final String TOPIC = "restart-it";
  private static final TableName TABLE = TableName.valueOf("restart_it");
  private static final byte[] FAMILY = bytes("q");
  private static final Path FILE = new Path("/restart-it/kept.txt");

  @Test
  void keepsDataAcrossRestartsAndFreshWipesIt() throws Exception {
    try (LocalStackProcess stack = LocalStackProcess.start(options(true, "first"))) {
      writeOneOfEach(stack.endpoints());
    }

    try (LocalStackProcess stack = LocalStackProcess.start(options(false, "restarted"))) {
      LocalStackEndpoints endpoints = stack.endpoints();
      assertThat(StackClients.consume(endpoints, TOPIC, 1))
          .singleElement()
          .satisfies(record -> assertThat(record.value()).isEqualTo("kept"));
      try (Connection hbase = StackClients.hbase(endpoints);
          Table table = hbase.getTable(TABLE)) {
        assertThat(text(table.get(new Get(bytes("IBM"))).getValue(FAMILY, bytes("c"))))
            .isEqualTo("kept");
      }
      try (FileSystem fs = StackClients.hdfs(endpoints);
          FSDataInputStream in = fs.open(FILE)) {
        assertThat(text(in.readAllBytes())).isEqualTo("kept");
      }
    }

    try (LocalStackProcess stack = LocalStackProcess.start(options(true, "fresh"))) {
      LocalStackEndpoints endpoints = stack.endpoints();
      try (Connection hbase = StackClients.hbase(endpoints);
          FileSystem fs = StackClients.hdfs(endpoints)) {
        assertThat(hbase.getAdmin().tableExists(TABLE)).isFalse();
        assertThat(fs.exists(FILE)).isFalse();
      }
    }
  }

  private static void writeOneOfEach(LocalStackEndpoints endpoints) throws Exception {
    StackClients.produce(endpoints, TOPIC, "IBM", "kept");
    try (Connection hbase = StackClients.hbase(endpoints)) {
      StackClients.createTable(hbase, TABLE, FAMILY);
      try (Table table = hbase.getTable(TABLE)) {
        table.put(new Put(bytes("IBM")).addColumn(FAMILY, bytes("c"), bytes("kept")));
      }
    }
    try (FileSystem fs = StackClients.hdfs(endpoints);
        FSDataOutputStream out = fs.create(FILE)) {
      out.write(bytes("kept"));
    }
  }

  private static LocalStackOptions options(boolean fresh, String run) {
    return new LocalStackOptions(
        DATA,
        fresh,
        0,
        0,
        0,
        Optional.of(DATA.resolveSibling("local-stack-restart-" + run + ".log")),
        "1g",
        Duration.ofMinutes(3));
  }
}
