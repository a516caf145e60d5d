package io.marketlambda.localstack;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The command-line options of a local stack, shared by {@code marketlambda local-stack} and the
 * local-stack JVM's own {@code main}, so both read the same names and defaults. Use it as a picocli
 * {@code @Mixin}.
 */
public final class LocalStackCommandLine {
  @Option(
      names = "--data-dir",
      paramLabel = "<dir>",
      defaultValue = "work/local-stack",
      description =
          "Where the services keep their data across restarts (default: ${DEFAULT-VALUE}).")
  private Path dataDirectory;

  @Option(names = "--fresh", description = "Wipe the services' data before starting.")
  private boolean fresh;

  @Option(
      names = "--kafka-port",
      paramLabel = "<port>",
      defaultValue = "9092",
      description =
          "Kafka client port; the controller takes the next one; 0 picks free ports (default: ${DEFAULT-VALUE}).")
  private int kafkaPort;

  @Option(
      names = "--zookeeper-port",
      paramLabel = "<port>",
      defaultValue = "2181",
      description = "ZooKeeper client port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  private int zookeeperPort;

  @Option(
      names = "--hdfs-port",
      paramLabel = "<port>",
      defaultValue = "8020",
      description = "HDFS NameNode RPC port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  private int hdfsPort;

  /** The data directory, absolute and normalised. */
  public Path dataDirectory() {
    return dataDirectory.toAbsolutePath().normalize();
  }

  public boolean fresh() {
    return fresh;
  }

  public int kafkaPort() {
    return kafkaPort;
  }

  public int zookeeperPort() {
    return zookeeperPort;
  }

  public int hdfsPort() {
    return hdfsPort;
  }
}
