package io.marketlambda.serving.client;

import io.marketlambda.hbaseviews.HBaseConnector;
import io.marketlambda.hbaseviews.batch.BatchViewReader;
import io.marketlambda.hbaseviews.realtime.RealtimeViewReader;
import io.marketlambda.serving.ServingConfig;
import io.marketlambda.serving.view.ServingViews;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import org.apache.hadoop.hbase.client.Connection;

/**
 * The Java client for apps that look views up in HBase directly: one HBase {@link Connection} per
 * client (make one per JVM and share it; it is thread-safe), a {@code Table} per call, and the
 * merged {@link ServingViews} on top. The HTTP API uses the same client.
 *
 * <pre>{@code
 * try (ServingClient client = ServingClient.connect(ServingConfig.from(settings))) {
 *   Optional<Quote> quote = client.views().latestQuote(Symbol.of("IBM"));
 *   List<ServedBar> year = client.views().bars(Symbol.of("IBM"), BarInterval.ONE_DAY, from, to);
 * }
 * }</pre>
 */
public final class ServingClient implements AutoCloseable {
  private final Connection connection;
  private final ServingViews views;
  private final RealtimeViewReader realtime;

  private ServingClient(Connection connection, ServingConfig config) {
    this.connection = connection;
    this.realtime = new RealtimeViewReader(connection, config.views());
    this.views =
        new ServingViews(
            realtime,
            new BatchViewReader(
                connection, config.views(), config.batchViewsRefresh(), Clock.systemUTC()));
  }

  /**
   * Connects to HBase with the config's {@code hbase.*} settings.
   *
   * @throws UncheckedIOException when the connection cannot be created
   */
  public static ServingClient connect(ServingConfig config) {
    Connection connection = HBaseConnector.connect(config.hbase());
    return new ServingClient(connection, config);
  }

  /** The merged views. */
  public ServingViews views() {
    return views;
  }

  /**
   * Checks that HBase answers and the realtime views exist; the batch views may not (before the
   * first batch run).
   *
   * @throws UncheckedIOException when HBase cannot be reached or a realtime view table is missing
   */
  public void checkReachable() {
    realtime.requireTables();
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot close the HBase connection: " + e.getMessage(), e);
    }
  }
}
