package io.marketlambda.localstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Where the services of a running local stack listen, as written to its endpoints file.
 *
 * <p>The file is a {@link Properties} file whose keys are the configuration keys product processes
 * read, so it can be passed to any marketlambda command as a config file:
 *
 * <pre>
 * kafka.bootstrap.servers=localhost:9092
 * hbase.zookeeper.quorum=localhost
 * hbase.zookeeper.property.clientPort=2181
 * hdfs.uri=hdfs://localhost:8020
 * </pre>
 *
 * @param kafkaBootstrapServers {@code host:port} of the KRaft broker's client listener
 * @param zookeeperQuorum host name of the ZooKeeper server HBase clients connect to
 * @param zookeeperClientPort ZooKeeper client port
 * @param hdfsUri the NameNode URI, {@code hdfs://host:port}
 */
public record LocalStackEndpoints(
    String kafkaBootstrapServers, String zookeeperQuorum, int zookeeperClientPort, URI hdfsUri) {

  public static final String KAFKA_BOOTSTRAP_SERVERS = "kafka.bootstrap.servers";
  public static final String HBASE_ZOOKEEPER_QUORUM = "hbase.zookeeper.quorum";
  public static final String HBASE_ZOOKEEPER_CLIENT_PORT = "hbase.zookeeper.property.clientPort";
  public static final String HDFS_URI = "hdfs.uri";

  public LocalStackEndpoints {
    requireText(KAFKA_BOOTSTRAP_SERVERS, kafkaBootstrapServers);
    requireText(HBASE_ZOOKEEPER_QUORUM, zookeeperQuorum);
    if (zookeeperClientPort < 1 || zookeeperClientPort > 65535) {
      throw new IllegalArgumentException(
          "Cannot accept " + HBASE_ZOOKEEPER_CLIENT_PORT + ": " + zookeeperClientPort);
    }
    if (hdfsUri == null || !"hdfs".equals(hdfsUri.getScheme())) {
      throw new IllegalArgumentException("Cannot accept " + HDFS_URI + ": " + hdfsUri);
    }
  }

  /** The endpoints as configuration keys and values, in a stable order. */
  public Map<String, String> asProperties() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put(KAFKA_BOOTSTRAP_SERVERS, kafkaBootstrapServers);
    properties.put(HBASE_ZOOKEEPER_QUORUM, zookeeperQuorum);
    properties.put(HBASE_ZOOKEEPER_CLIENT_PORT, Integer.toString(zookeeperClientPort));
    properties.put(HDFS_URI, hdfsUri.toString());
    return Collections.unmodifiableMap(properties);
  }

  /**
   * Writes the endpoints file atomically: readers polling for it see the whole file or none.
   *
   * @throws UncheckedIOException if the file cannot be written
   */
  public void write(Path file) {
    Properties properties = new Properties();
    properties.putAll(asProperties());
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
        properties.store(writer, "marketlambda local stack endpoints");
      }
      Files.move(
          temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write local stack endpoints file " + file, e);
    }
  }

  /**
   * Reads an endpoints file written by {@link #write(Path)}.
   *
   * @throws UncheckedIOException if the file cannot be read
   * @throws IllegalArgumentException if a key is missing or a value is malformed
   */
  public static LocalStackEndpoints read(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read local stack endpoints file " + file, e);
    }
    String port = required(properties, file, HBASE_ZOOKEEPER_CLIENT_PORT);
    try {
      return new LocalStackEndpoints(
          required(properties, file, KAFKA_BOOTSTRAP_SERVERS),
          required(properties, file, HBASE_ZOOKEEPER_QUORUM),
          Integer.parseInt(port),
          URI.create(required(properties, file, HDFS_URI)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Cannot read " + HBASE_ZOOKEEPER_CLIENT_PORT + " in " + file + ": " + port, e);
    }
  }

  private static String required(Properties properties, Path file, String key) {
    String value = properties.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("Cannot read " + key + " in " + file + ": missing");
    }
    return value.trim();
  }

  private static void requireText(String key, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("Cannot accept " + key + ": blank");
    }
  }
}
