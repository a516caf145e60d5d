package io.marketlambda.serving.hbase;

import io.marketlambda.core.config.RealtimeViewsConfig;
import io.marketlambda.core.realtime.RealtimeTable;
import io.marketlambda.serving.view.ServingViews;
import io.marketlambda.viewstore.BatchViewReader;
import io.marketlambda.viewstore.RealtimeViewReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.Connection;

/** The HBase adapters of the serving layer's views over one shared connection. */
public final class HBaseViews {
  private final Connection connection;
  private final RealtimeViewsConfig views;
  private final ServingViews servingViews;

  /**
   * @param connection an open connection, closed by the caller
   * @param views the realtime views' namespace and salt buckets
   * @param refresh how long the batch views pointer is cached
   */
  public HBaseViews(
      Connection connection, RealtimeViewsConfig views, Duration refresh, Clock clock) {
    this.connection = connection;
    this.views = views;
    this.servingViews =
        new ServingViews(
            new HBaseRealtimeView(new RealtimeViewReader(connection, views)),
            new HBaseBatchView(
                new BatchViewReader(connection, views.namespace(), views.rowKeyCodec()),
                refresh,
                clock));
  }

  /** The merged views over HBase. */
  public ServingViews servingViews() {
    return servingViews;
  }

  /**
   * Checks that every realtime view table exists.
   *
   * @throws UncheckedIOException naming the missing tables, or when HBase cannot be reached
   */
  public void checkRealtimeTables() {
    List<String> missing = new ArrayList<>();
    try (Admin admin = connection.getAdmin()) {
      for (RealtimeTable table : RealtimeTable.values()) {
        if (!admin.tableExists(TableName.valueOf(table.qualifiedName(views.namespace())))) {
          missing.add(table.qualifiedName(views.namespace()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot reach HBase: " + e.getMessage(), e);
    }
    if (!missing.isEmpty()) {
      throw new UncheckedIOException(
          new IOException(
              "Cannot serve the realtime views: tables "
                  + missing
                  + " are missing; start the speed layer once to create them"));
    }
  }
}
