package io.marketlambda.localstack.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.HBaseConfiguration;
import org.apache.hadoop.hbase.HConstants;
import org.apache.hadoop.hbase.LocalHBaseCluster;
import org.apache.hadoop.hbase.master.HMaster;
import org.apache.hadoop.hbase.util.JVMClusterUtil;

/**
 * HBase: one master and one region server in this JVM ({@link LocalHBaseCluster}, the classes of
 * HBase's standalone mode), storing its files on the local HDFS under {@code /hbase} and finding
 * each other through the local ZooKeeper.
 */
final class LocalHBase implements AutoCloseable {
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);
  private final LocalHBaseCluster cluster;

  private LocalHBase(LocalHBaseCluster cluster) {
    this.cluster = cluster;
  }

  /** Starts HBase and waits until the master has initialised (meta and namespaces online). */
  static LocalHBase start(Path temporaryDirectory, URI hdfsUri, int zookeeperPort) {
    Configuration conf = HBaseConfiguration.create();
    conf.set("fs.defaultFS", hdfsUri.toString());
    conf.set(HConstants.HBASE_DIR, hdfsUri.resolve("/hbase").toString());
    conf.set("hbase.tmp.dir", temporaryDirectory.toString());
    conf.set(HConstants.ZOOKEEPER_QUORUM, "localhost");
    conf.setInt(HConstants.ZOOKEEPER_CLIENT_PORT, zookeeperPort);
    conf.setInt(HConstants.MASTER_INFO_PORT, -1);
    conf.setInt(HConstants.REGIONSERVER_INFO_PORT, -1);
    conf.setBoolean(LocalHBaseCluster.ASSIGN_RANDOM_PORTS, true);
    // One region server: the master need not wait out the default 4.5 s for more to check in.
    conf.setInt("hbase.master.wait.on.regionservers.mintostart", 1);
    conf.setInt("hbase.master.wait.on.regionservers.maxtostart", 1);
    try {
      LocalHBaseCluster cluster = new LocalHBaseCluster(conf, 1, 1);
      cluster.startup();
      LocalHBase hbase = new LocalHBase(cluster);
      hbase.awaitInitialized();
      return hbase;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start HBase on " + hdfsUri, e);
    }
  }

  private void awaitInitialized() {
    Instant deadline = Instant.now().plus(READY_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      HMaster master = cluster.getActiveMaster();
      if (master != null && master.isInitialized()) {
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for the HBase master", e);
      }
    }
    throw new IllegalStateException(
        "Cannot start HBase: the master did not initialise within " + READY_TIMEOUT);
  }

  /**
   * Stops the region server, as a crash or an operator would: every table is unavailable until
   * {@link #startRegionServer()}; the master stays up.
   *
   * @throws IllegalStateException when no region server runs
   */
  synchronized void stopRegionServer() {
    List<JVMClusterUtil.RegionServerThread> running = cluster.getLiveRegionServers();
    if (running.isEmpty()) {
      throw new IllegalStateException("Cannot stop the region server: none is running");
    }
    JVMClusterUtil.RegionServerThread server = running.get(0);
    server.getRegionServer().stop("stopped by the local stack's control");
    server.waitForServerOnline(); // returns at once when online; then wait for it to end
    try {
      server.join(READY_TIMEOUT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while stopping the region server", e);
    }
  }

  /**
   * Starts a new region server and waits until it is online; the master then reassigns the regions
   * of the stopped one to it.
   *
   * @throws UncheckedIOException when it cannot start
   */
  synchronized void startRegionServer() {
    try {
      JVMClusterUtil.RegionServerThread server = cluster.addRegionServer();
      server.start();
      server.waitForServerOnline();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start a region server", e);
    }
  }

  @Override
  public void close() {
    cluster.shutdown();
    cluster.join();
  }
}
