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
      MiniDFSCluster cluster =
          new MiniDFSCluster.Builder(new HdfsConfiguration(), directory.toFile())
              .nameNodePort(port)
              .numDataNodes(1)
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
