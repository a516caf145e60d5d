package io.marketlambda.localstack.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.hdfs.HdfsConfiguration;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/**
 * HDFS: one NameNode and one DataNode ({@link MiniDFSCluster}), formatted on first start and
 * reopened with its blocks on later starts.
 *
 * <p>The NameNode's metadata lives in {@code name/} and the blocks in {@code data/}, outside the
 * cluster's base directory ({@code scratch/}), which MiniDFSCluster deletes when the JVM exits.
 */
final class LocalHdfs implements AutoCloseable {
  private static final String FORMATTED_MARKER = ".formatted";
  private final MiniDFSCluster cluster;

  private LocalHdfs(MiniDFSCluster cluster) {
    this.cluster = cluster;
  }

  /**
   * Starts HDFS with its name and data directories under {@code directory}.
   *
   * @param port NameNode RPC port, or 0 for a free one
   */
  static LocalHdfs start(Path directory, int port) {
    Path marker = directory.resolve(FORMATTED_MARKER);
    boolean formatted = Files.exists(marker);
    try {
      Files.createDirectories(directory);
      HdfsConfiguration conf = new HdfsConfiguration();
      conf.set("dfs.namenode.name.dir", directory.resolve("name").toUri().toString());
      conf.set("dfs.datanode.data.dir", directory.resolve("data").toUri().toString());
      MiniDFSCluster cluster =
          new MiniDFSCluster.Builder(conf, directory.resolve("scratch").toFile())
              .nameNodePort(port)
              .numDataNodes(1)
              .manageNameDfsDirs(false)
              .manageDataDfsDirs(false)
              .format(!formatted)
              .waitSafeMode(true)
              .build();
      cluster.waitActive();
      Files.writeString(marker, "formatted by marketlambda local-stack\n");
      return new LocalHdfs(cluster);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start HDFS on port " + port + " in " + directory, e);
    }
  }

  /** The NameNode URI, {@code hdfs://localhost:port}. */
  URI uri() {
    return cluster.getURI();
  }

  @Override
  public void close() {
    cluster.shutdown();
  }
}
