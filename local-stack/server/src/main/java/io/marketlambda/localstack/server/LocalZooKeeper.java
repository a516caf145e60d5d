package io.marketlambda.localstack.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.hadoop.hbase.HBaseConfiguration;
import org.apache.hadoop.hbase.zookeeper.MiniZooKeeperCluster;

/** A single ZooKeeper server, the one HBase's own standalone mode starts, for HBase. */
final class LocalZooKeeper implements AutoCloseable {
  private final MiniZooKeeperCluster cluster;
  private final int clientPort;

  private LocalZooKeeper(MiniZooKeeperCluster cluster, int clientPort) {
    this.cluster = cluster;
    this.clientPort = clientPort;
  }

  /**
   * Starts ZooKeeper with its data under {@code directory}.
   *
   * @param port client port, or 0 for a free one
   */
  static LocalZooKeeper start(Path directory, int port) {
    MiniZooKeeperCluster cluster = new MiniZooKeeperCluster(HBaseConfiguration.create());
    if (port != 0) {
      cluster.setDefaultClientPort(port);
    }
    try {
      return new LocalZooKeeper(cluster, cluster.startup(directory.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start ZooKeeper on port " + port, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while starting ZooKeeper", e);
    }
  }

  int clientPort() {
    return clientPort;
  }

  @Override
  public void close() throws IOException {
    cluster.shutdown();
  }
}
