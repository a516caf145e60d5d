package io.marketlambda.localstack.server;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka cluster in KRaft mode: one process acting as broker and controller, with its
 * log under a directory that is formatted once and reused on later starts.
 */
final class LocalKafka implements AutoCloseable {
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(1);
  private static final Logger log = LoggerFactory.getLogger(LocalKafka.class);
  private final KafkaConfig config;
  private final String bootstrapServers;
  private KafkaRaftServer server;

  private LocalKafka(KafkaConfig config, KafkaRaftServer server, String bootstrapServers) {
    this.config = config;
    this.server = server;
    this.bootstrapServers = bootstrapServers;
  }

  /**
   * Starts the broker and waits until it answers a cluster description.
   *
   * @param port client port, or 0 for a free one; the controller listens on port + 1 when the
   *     client port is given, on a free port otherwise
   */
  static LocalKafka start(Path logDirectory, int port) {
    surfaceFatalErrorsAsExceptions();
    int clientPort = port == 0 ? freePort() : port;
    int controllerPort = port == 0 ? freePort() : port + 1;
    KafkaConfig config =
        KafkaConfig.fromProps(brokerProperties(logDirectory, clientPort, controllerPort));
    format(config, logDirectory);
    KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
    server.startup();
    LocalKafka kafka = new LocalKafka(config, server, "localhost:" + clientPort);
    kafka.awaitReady();
    return kafka;
  }

  String bootstrapServers() {
    return bootstrapServers;
  }

  private static Properties brokerProperties(
      Path logDirectory, int clientPort, int controllerPort) {
    Properties properties = new Properties();
    properties.putAll(
        Map.ofEntries(
            Map.entry("process.roles", "broker,controller"),
            Map.entry("node.id", "1"),
            Map.entry("controller.quorum.voters", "1@localhost:" + controllerPort),
            Map.entry(
                "listeners",
                "PLAINTEXT://localhost:"
                    + clientPort
                    + ",CONTROLLER://localhost:"
                    + controllerPort),
            Map.entry("advertised.listeners", "PLAINTEXT://localhost:" + clientPort),
            Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
            Map.entry("controller.listener.names", "CONTROLLER"),
            Map.entry("inter.broker.listener.name", "PLAINTEXT"),
            Map.entry("log.dirs", logDirectory.toString()),
            Map.entry("offsets.topic.replication.factor", "1"),
            Map.entry("transaction.state.log.replication.factor", "1"),
            Map.entry("transaction.state.log.min.isr", "1"),
            Map.entry("group.initial.rebalance.delay.ms", "0")));
    return properties;
  }

  /** Formats the log directory unless an earlier start did (its meta.properties is there). */
  private static void format(KafkaConfig config, Path logDirectory) {
    if (Files.exists(logDirectory.resolve("meta.properties"))) {
      return;
    }
    try {
      new Formatter()
          .setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
          .setNodeId(config.nodeId())
          .setClusterId(Uuid.randomUuid().toString())
          .setControllerListenerName("CONTROLLER")
          .setMetadataLogDirectory(logDirectory.toString())
          .addDirectory(logDirectory.toString())
          .run();
    } catch (Exception e) {
      throw new IllegalStateException("Cannot format Kafka log directory " + logDirectory, e);
    }
  }

  private void awaitReady() {
    Instant deadline = Instant.now().plus(READY_TIMEOUT);
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      while (true) {
        try {
          if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
            return;
          }
        } catch (ExecutionException | TimeoutException e) {
          if (Instant.now().isAfter(deadline)) {
            throw new IllegalStateException(
                "Cannot start Kafka: no broker answered at " + bootstrapServers, e);
          }
          log.debug("Kafka at {} not ready yet: {}", bootstrapServers, e.toString());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for Kafka", e);
    }
  }

  /**
   * Kafka calls {@code Exit.halt} on fatal errors, which would end this JVM without a word; turn
   * those calls into exceptions that name the cause in the log.
   */
  private static void surfaceFatalErrorsAsExceptions() {
    Exit.setExitProcedure(
        (status, message) -> {
          throw new IllegalStateException("Kafka asked to exit " + status + ": " + message);
        });
    Exit.setHaltProcedure(
        (status, message) -> {
          throw new IllegalStateException("Kafka asked to halt " + status + ": " + message);
        });
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot find a free port for Kafka", e);
    }
  }

  /**
   * Stops the broker, as a crash or an operator would; its log stays for {@link #startAgain()}.
   *
   * @throws IllegalStateException when it is stopped already
   */
  synchronized void stop() {
    if (server == null) {
      throw new IllegalStateException("Cannot stop Kafka: it is stopped");
    }
    server.shutdown();
    server.awaitShutdown();
    server = null;
  }

  /**
   * Starts the broker again on the same ports and log, and waits until it answers.
   *
   * @throws IllegalStateException when it is running
   */
  synchronized void startAgain() {
    if (server != null) {
      throw new IllegalStateException("Cannot start Kafka: it is running");
    }
    server = new KafkaRaftServer(config, Time.SYSTEM);
    server.startup();
    awaitReady();
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.shutdown();
      server.awaitShutdown();
      server = null;
    }
  }
}
