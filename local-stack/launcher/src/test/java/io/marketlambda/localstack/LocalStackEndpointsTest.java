package io.marketlambda.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackEndpointsTest {
  @TempDir Path directory;

  private final LocalStackEndpoints endpoints =
      new LocalStackEndpoints(
          "localhost:9092", "localhost", 2181, URI.create("hdfs://localhost:8020"));

  @Test
  void writesAPropertiesFileOfConfigKeysAndReadsItBack() throws Exception {
    Path file = directory.resolve("nested/endpoints.properties");

    endpoints.write(file);

    assertThat(Files.readAllLines(file))
        .contains(
            "kafka.bootstrap.servers=localhost\\:9092",
            "hbase.zookeeper.quorum=localhost",
            "hbase.zookeeper.property.clientPort=2181",
            "hdfs.uri=hdfs\\://localhost\\:8020");
    assertThat(LocalStackEndpoints.read(file)).isEqualTo(endpoints);
    assertThat(directory.resolve("nested")).isDirectoryNotContaining("glob:**.tmp");
  }

  @Test
  void propertiesKeepAStableOrder() {
    assertThat(endpoints.asProperties().keySet())
        .containsExactly(
            "kafka.bootstrap.servers",
            "hbase.zookeeper.quorum",
            "hbase.zookeeper.property.clientPort",
            "hdfs.uri");
  }

  @Test
  void readingAFileWithoutAKeyNamesTheKeyAndTheFile() throws Exception {
    Path file = directory.resolve("endpoints.properties");
    Files.writeString(
        file, "kafka.bootstrap.servers=localhost:9092\nhbase.zookeeper.quorum=localhost\n");

    assertThatThrownBy(() -> LocalStackEndpoints.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot read hbase.zookeeper.property.clientPort in " + file + ": missing");
  }

  @Test
  void readingAMalformedPortNamesTheValue() throws Exception {
    Path file = directory.resolve("endpoints.properties");
    Files.writeString(
        file,
        "kafka.bootstrap.servers=localhost:9092\nhbase.zookeeper.quorum=localhost\n"
            + "hbase.zookeeper.property.clientPort=twenty\nhdfs.uri=hdfs://localhost:8020\n");

    assertThatThrownBy(() -> LocalStackEndpoints.read(file))
        .hasMessage("Cannot read hbase.zookeeper.property.clientPort in " + file + ": twenty");
  }

  @Test
  void rejectsANonHdfsUri() {
    assertThatThrownBy(
            () ->
                new LocalStackEndpoints(
                    "localhost:9092", "localhost", 2181, URI.create("file:/tmp")))
        .hasMessage("Cannot accept hdfs.uri: file:/tmp");
  }
}
