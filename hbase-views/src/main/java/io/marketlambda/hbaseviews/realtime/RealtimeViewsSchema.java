package io.marketlambda.hbaseviews.realtime;

import io.marketlambda.hbaseviews.HBaseConnector;
import io.marketlambda.hbaseviews.HBaseViewsConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.hbase.NamespaceDescriptor;
import org.apache.hadoop.hbase.NamespaceExistException;
import org.apache.hadoop.hbase.TableExistsException;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.ColumnFamilyDescriptorBuilder;
import org.apache.hadoop.hbase.client.TableDescriptor;
import org.apache.hadoop.hbase.client.TableDescriptorBuilder;
import org.apache.hadoop.hbase.io.compress.Compression;
import org.apache.hadoop.hbase.regionserver.BloomType;
import org.apache.hadoop.hbase.util.Bytes;

/**
 * Creates the HBase namespace and tables of the realtime views ({@link RealtimeTable}): each table
 * pre-split into one region per salt bucket ({@link
 * io.marketlambda.hbaseviews.rowkey.RowKeyCodec#splitKeys()}), with its family keeping 1 version,
 * the table's TTL, the ROW bloom filter and a compression ({@link #DEFAULT_COMPRESSION} unless
 * given). Operators can create the same with {@code src/main/hbase/realtime-views.hbase}, which a
 * test keeps equal to {@link #descriptors(HBaseViewsConfig)}.
 */
public final class RealtimeViewsSchema {
  /**
   * GZ: HBase compresses it with the JDK's zlib when Hadoop's native library is absent, so it works
   * on every machine, the local stack included. SNAPPY, LZ4 or ZSTD are faster but need a native
   * library or an extra codec jar on every region server.
   */
  public static final Compression.Algorithm DEFAULT_COMPRESSION = Compression.Algorithm.GZ;

  private RealtimeViewsSchema() {}

  /** Returns the descriptors of every realtime view table, with {@link #DEFAULT_COMPRESSION}. */
  public static List<TableDescriptor> descriptors(HBaseViewsConfig views) {
    return descriptors(views, DEFAULT_COMPRESSION);
  }

  /** Returns the descriptors of every realtime view table, in {@link RealtimeTable} order. */
  public static List<TableDescriptor> descriptors(
      HBaseViewsConfig views, Compression.Algorithm compression) {
    return Arrays.stream(RealtimeTable.values())
        .map(table -> descriptor(views, table, compression))
        .toList();
  }

  /**
   * Connects with the {@code hbase.*} client settings and creates what is absent, as {@link
   * #createIfAbsent(Admin, HBaseViewsConfig)}.
   *
   * @throws UncheckedIOException when HBase refuses or cannot be reached
   */
  public static List<RealtimeTable> createIfAbsent(
      java.util.Map<String, String> hbaseSettings, HBaseViewsConfig views) {
    try (org.apache.hadoop.hbase.client.Connection connection =
            HBaseConnector.connect(hbaseSettings);
        Admin admin = connection.getAdmin()) {
      return createIfAbsent(admin, views);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot reach HBase to create the realtime views: " + e.getMessage(), e);
    }
  }

  /**
   * Creates the namespace and the tables that do not exist yet, with {@link #DEFAULT_COMPRESSION};
   * leaves existing ones as they are.
   *
   * @return the tables created, in {@link RealtimeTable} order; empty when all existed
   * @throws UncheckedIOException when HBase refuses or cannot be reached
   */
  public static List<RealtimeTable> createIfAbsent(Admin admin, HBaseViewsConfig views) {
    return createIfAbsent(admin, views, DEFAULT_COMPRESSION);
  }

  /**
   * Creates the namespace and the tables that do not exist yet; leaves existing ones as they are,
   * whatever their settings. Safe to run concurrently: a table or namespace another process created
   * first counts as existing.
   *
   * @return the tables created, in {@link RealtimeTable} order; empty when all existed
   * @throws UncheckedIOException when HBase refuses or cannot be reached
   */
  public static List<RealtimeTable> createIfAbsent(
      Admin admin, HBaseViewsConfig views, Compression.Algorithm compression) {
    createNamespaceIfAbsent(admin, views.namespace());
    byte[][] splitKeys = views.rowKeyCodec().splitKeys();
    List<RealtimeTable> created = new ArrayList<>();
    for (RealtimeTable table : RealtimeTable.values()) {
      TableDescriptor descriptor = descriptor(views, table, compression);
      try {
        if (!admin.tableExists(descriptor.getTableName())) {
          createTable(admin, descriptor, splitKeys);
          created.add(table);
        }
      } catch (TableExistsException e) {
        // Created concurrently by another process: existing, as wanted.
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Cannot create table " + descriptor.getTableName() + ": " + e.getMessage(), e);
      }
    }
    return List.copyOf(created);
  }

  private static void createTable(Admin admin, TableDescriptor descriptor, byte[][] splitKeys)
      throws IOException {
    if (splitKeys.length == 0) {
      admin.createTable(descriptor);
    } else {
      admin.createTable(descriptor, splitKeys);
    }
  }

  private static void createNamespaceIfAbsent(Admin admin, String namespace) {
    try {
      boolean exists =
          Arrays.stream(admin.listNamespaceDescriptors())
              .anyMatch(existing -> existing.getName().equals(namespace));
      if (!exists) {
        admin.createNamespace(NamespaceDescriptor.create(namespace).build());
      }
    } catch (NamespaceExistException e) {
      // Created concurrently by another process: existing, as wanted.
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot create namespace " + namespace + ": " + e.getMessage(), e);
    }
  }

  private static TableDescriptor descriptor(
      HBaseViewsConfig views, RealtimeTable table, Compression.Algorithm compression) {
    return TableDescriptorBuilder.newBuilder(
            TableName.valueOf(table.qualifiedName(views.namespace())))
        .setColumnFamily(
            ColumnFamilyDescriptorBuilder.newBuilder(Bytes.toBytes(table.family()))
                .setMaxVersions(1)
                .setTimeToLive(Math.toIntExact(views.timeToLive().toSeconds()))
                .setBloomFilterType(BloomType.ROW)
                .setCompressionType(compression)
                .build())
        .build();
  }
}
