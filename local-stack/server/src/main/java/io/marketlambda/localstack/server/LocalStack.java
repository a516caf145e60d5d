package io.marketlambda.localstack.server;

import io.marketlambda.localstack.LocalStackEndpoints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ZooKeeper, HDFS, HBase and Kafka started in this JVM, in dependency order, and stopped in the
 * reverse order. Each service keeps its data in a subdirectory of the data directory.
 */
final class LocalStack implements AutoCloseable {
  static final List<String> SERVICE_DIRECTORIES =
      List.of("zookeeper", "hdfs", "hbase-tmp", "kafka");
  private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private LocalStackEndpoints endpoints;
  private LocalHBase hbase;
  private LocalKafka kafka;

  /**
   * Starts every service.
   *
   * @throws IllegalStateException or {@link UncheckedIOException} if a service cannot start; the
   *     services already started are stopped first
   */
  static LocalStack start(Path dataDirectory, Ports ports) {
    LocalStack stack = new LocalStack();
    try {
      // ZooKeeper holds only coordination state (live servers, meta location). Keeping it across
      // restarts leaves the master waiting for a region server that is gone, so it starts empty;
      // HBase rebuilds it from its files on HDFS.
      deleteRecursively(dataDirectory.resolve("zookeeper"));
      LocalZooKeeper zookeeper =
          stack.timed(
              "ZooKeeper",
              () -> LocalZooKeeper.start(dataDirectory.resolve("zookeeper"), ports.zookeeper()));
      LocalHdfs hdfs =
          stack.timed("HDFS", () -> LocalHdfs.start(dataDirectory.resolve("hdfs"), ports.hdfs()));
      stack.hbase =
          stack.timed(
              "HBase",
              () ->
                  LocalHBase.start(
                      dataDirectory.resolve("hbase-tmp"), hdfs.uri(), zookeeper.clientPort()));
      LocalKafka kafka =
          stack.timed(
              "Kafka", () -> LocalKafka.start(dataDirectory.resolve("kafka"), ports.kafka()));
      stack.kafka = kafka;
      stack.endpoints =
          new LocalStackEndpoints(
              kafka.bootstrapServers(), "localhost", zookeeper.clientPort(), hdfs.uri());
      return stack;
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  /** Deletes the data of every service, leaving other files in the data directory alone. */
  static void wipe(Path dataDirectory) {
    for (String service : SERVICE_DIRECTORIES) {
      deleteRecursively(dataDirectory.resolve(service));
    }
  }

  private static void deleteRecursively(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete local stack data in " + directory, e);
    }
  }

  LocalStackEndpoints endpoints() {
    return endpoints;
  }

  /**
   * Runs one control command, for fault-injection tests: {@code stop hbase-regionserver}, {@code
   * start hbase-regionserver}, {@code stop kafka} or {@code start kafka} (same ports and log).
   *
   * @throws IllegalArgumentException for an unknown command
   */
  void control(String command) {
    switch (command.strip()) {
      case "stop hbase-regionserver" -> hbase.stopRegionServer();
      case "start hbase-regionserver" -> hbase.startRegionServer();
      case "stop kafka" -> kafka.stop();
      case "start kafka" -> kafka.startAgain();
      default ->
          throw new IllegalArgumentException(
              "Unknown command '"
                  + command.strip()
                  + "': expected stop|start hbase-regionserver or stop|start kafka");
    }
  }

  private <T extends AutoCloseable> T timed(String name, Supplier<T> start) {
    long begin = System.nanoTime();
    T service = start.get();
    started.push(service);
    log.info("{} started in {} ms", name, (System.nanoTime() - begin) / 1_000_000);
    return service;
  }

  /** Stops the started services, newest first; a failure to stop one does not stop the rest. */
  @Override
  public void close() {
    while (!started.isEmpty()) {
      AutoCloseable service = started.pop();
      try {
        service.close();
      } catch (Exception e) {
        log.warn("Cannot stop {} cleanly: {}", service.getClass().getSimpleName(), e.toString());
      }
    }
  }

  /** Client ports of the services; 0 picks a free port. */
  record Ports(int kafka, int zookeeper, int hdfs) {}
}
