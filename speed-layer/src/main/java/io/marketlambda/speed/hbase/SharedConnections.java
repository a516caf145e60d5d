package io.marketlambda.speed.hbase;

import io.marketlambda.hbaseviews.HBaseConnector;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.hbase.client.Connection;

/**
 * One HBase {@link Connection} per JVM and settings, shared by every task of the speed layer on
 * that JVM: HBase connections are heavyweight and thread-safe, meant to be created once and shared
 * (HBase's {@code ConnectionFactory} javadoc), where a connection per partition and micro-batch
 * paid ZooKeeper and meta lookups on every trigger. Closed when the JVM exits. A connection that
 * HBase has aborted is replaced on the next call.
 */
public final class SharedConnections {
  private static final Map<Map<String, String>, Connection> CONNECTIONS = new ConcurrentHashMap<>();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () ->
                    CONNECTIONS
                        .values()
                        .forEach(
                            connection -> {
                              try {
                                connection.close();
                              } catch (Exception e) {
                                // Exiting: nothing left to tell.
                              }
                            }),
                "marketlambda-hbase-connections-close"));
  }

  private SharedConnections() {}

  /**
   * Returns this JVM's connection for {@code settings}, creating it on first use.
   *
   * @throws java.io.UncheckedIOException when it cannot be created
   */
  public static Connection get(Map<String, String> settings) {
    Map<String, String> key = Map.copyOf(settings);
    return CONNECTIONS.compute(
        key,
        (k, connection) ->
            connection == null || connection.isClosed() || connection.isAborted()
                ? HBaseConnector.connect(k)
                : connection);
  }
}
