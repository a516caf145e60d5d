package io.marketlambda.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to start a local stack.
 *
 * @param dataDirectory where Kafka logs, ZooKeeper data, HDFS blocks and HBase files live; kept
 *     across restarts unless {@code fresh}
 * @param fresh wipe {@code dataDirectory} before starting
 * @param kafkaPort broker client port; 0 picks a free one
 * @param zookeeperPort ZooKeeper client port; 0 picks a free one
 * @param hdfsPort NameNode RPC port; 0 picks a free one
 * @param logFile where the child's output goes; empty shares the caller's terminal
 * @param heap maximum heap of the child JVM, in {@code -Xmx} syntax (e.g. {@code 1g})
 * @param startTimeout how long to wait for every service to accept clients
 */
public record LocalStackOptions(
    Path dataDirectory,
    boolean fresh,
    int kafkaPort,
    int zookeeperPort,
    int hdfsPort,
    Optional<Path> logFile,
    String heap,
    Duration startTimeout) {

  public LocalStackOptions {
    Objects.requireNonNull(dataDirectory, "dataDirectory");
    dataDirectory = dataDirectory.toAbsolutePath().normalize();
    requirePort("kafkaPort", kafkaPort);
    requirePort("zookeeperPort", zookeeperPort);
    requirePort("hdfsPort", hdfsPort);
    Objects.requireNonNull(logFile, "logFile");
    if (heap == null || !heap.matches("[0-9]+[kmgKMG]")) {
      throw new IllegalArgumentException("Cannot accept local stack heap: " + heap);
    }
    if (startTimeout == null || startTimeout.isNegative() || startTimeout.isZero()) {
      throw new IllegalArgumentException(
          "Cannot accept local stack start timeout: " + startTimeout);
    }
  }

  /**
   * Options for tests: free ports, output to {@code local-stack.log} in the data directory, 1 GiB
   * heap, 3 minutes to start, data wiped first.
   */
  public static LocalStackOptions forTests(Path dataDirectory) {
    return new LocalStackOptions(
        dataDirectory,
        true,
        0,
        0,
        0,
        Optional.of(dataDirectory.resolve("local-stack.log")),
        "1g",
        Duration.ofMinutes(3));
  }

  private static void requirePort(String name, int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("Cannot accept local stack " + name + ": " + port);
    }
  }
}
