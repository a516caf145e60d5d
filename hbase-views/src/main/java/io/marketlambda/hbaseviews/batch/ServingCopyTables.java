package io.marketlambda.hbaseviews.batch;

import io.marketlambda.hbaseviews.HBaseViewsConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hbase.NamespaceDescriptor;
import org.apache.hadoop.hbase.NamespaceExistException;
import org.apache.hadoop.hbase.TableExistsException;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.CheckAndMutate;
import org.apache.hadoop.hbase.client.ColumnFamilyDescriptor;
import org.apache.hadoop.hbase.client.ColumnFamilyDescriptorBuilder;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Delete;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.RowMutations;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.client.TableDescriptor;
import org.apache.hadoop.hbase.client.TableDescriptorBuilder;
import org.apache.hadoop.hbase.io.compress.Compression;
import org.apache.hadoop.hbase.regionserver.BloomType;
import org.apache.hadoop.hbase.tool.BulkLoadHFiles;
import org.apache.hadoop.hbase.util.Bytes;

/**
 * The tables of the batch serving copy ({@link BatchViewTables}) and the pointer that says which
 * one is live, for the batch layer's export:
 *
 * <ul>
 *   <li>{@link #prepare} creates {@code batch_views_<run>} (or empties it for a rerun), pre-split
 *       by salt bucket, families {@code d w mo i} (one version, ROW bloom filter, GZ compression);
 *   <li>{@link #bulkLoad} moves HFiles of {@link BatchViewCells} into it (no write path, no WAL);
 *   <li>{@link #switchPointer} points readers at it, with the run's id, date and per-symbol
 *       watermarks, in one atomic check-and-mutate on the table the pointer named when it was read:
 *       of two exports switching at once, one wins and the other reads the pointer again;
 *   <li>{@link #dropOlder} drops the views tables older than the live one, except the one live
 *       before it (readers that read the pointer just before the switch can still finish).
 * </ul>
 *
 * Uses a connection it does not own.
 */
public final class ServingCopyTables {
  private static final int SWITCH_ATTEMPTS = 10;

  private final Connection connection;
  private final HBaseViewsConfig views;
  private final Clock clock;

  /**
   * The pointer row as the export reads it.
   *
   * @param table the live views table, within the namespace
   * @param runDate the run date of the run that wrote it
   */
  public record LivePointer(String table, LocalDate runDate) {}

  /**
   * @param connection an open HBase connection, closed by the caller
   * @param views the namespace and salt buckets, shared with the realtime views
   */
  public ServingCopyTables(Connection connection, HBaseViewsConfig views, Clock clock) {
    this.connection = connection;
    this.views = views;
    this.clock = clock;
  }

  /** The views table of a run, within the namespace. */
  public TableName viewsTable(String runId) {
    return TableName.valueOf(views.namespace(), BatchViewTables.viewsTable(runId));
  }

  /**
   * Creates the namespace when absent, then the run's views table, or truncates it when a rerun of
   * the same run finds it; returns its descriptor (what {@code HFileOutputFormat2} is configured
   * with).
   *
   * @throws IOException when HBase fails
   */
  public TableDescriptor prepare(String runId) throws IOException {
    TableName table = viewsTable(runId);
    TableDescriptorBuilder builder = TableDescriptorBuilder.newBuilder(table);
    for (String family :
        List.of(
            BatchViewTables.DAILY,
            BatchViewTables.WEEKLY,
            BatchViewTables.MONTHLY,
            BatchViewTables.INDICATORS)) {
      builder.setColumnFamily(family(family));
    }
    TableDescriptor descriptor = builder.build();
    try (Admin admin = connection.getAdmin()) {
      createNamespace(admin);
      if (admin.tableExists(table)) {
        admin.disableTable(table);
        admin.truncateTable(table, true);
      } else {
        byte[][] splits = views.rowKeyCodec().splitKeys();
        try {
          if (splits.length == 0) {
            admin.createTable(descriptor);
          } else {
            admin.createTable(descriptor, splits);
          }
        } catch (TableExistsException e) {
          // created concurrently
        }
      }
    }
    return descriptor;
  }

  /**
   * Bulk-loads the HFiles under {@code staging} into {@code table}, then deletes {@code staging}.
   *
   * @param conf the HBase client configuration, also used for the staging file system
   * @throws IOException when the load or the file system fails
   */
  public void bulkLoad(Configuration conf, TableName table, Path staging) throws IOException {
    BulkLoadHFiles.create(conf).bulkLoad(table, staging);
    FileSystem fs = staging.getFileSystem(conf);
    fs.delete(staging, true);
  }

  /**
   * Reads the pointer row: empty before the first export.
   *
   * @throws IOException when HBase fails
   */
  public Optional<LivePointer> live() throws IOException {
    TableName pointer = pointerTable();
    try (Admin admin = connection.getAdmin()) {
      if (!admin.tableExists(pointer)) {
        return Optional.empty();
      }
    }
    try (Table table = connection.getTable(pointer)) {
      Result row = table.get(new Get(Bytes.toBytes(BatchViewTables.POINTER_ROW)));
      byte[] p = Bytes.toBytes(BatchViewTables.POINTER_FAMILY);
      byte[] live = row.getValue(p, Bytes.toBytes(BatchViewTables.TABLE));
      byte[] date = row.getValue(p, Bytes.toBytes(BatchViewTables.RUN_DATE));
      if (live == null || date == null) {
        return Optional.empty();
      }
      return Optional.of(
          new LivePointer(Bytes.toString(live), LocalDate.parse(Bytes.toString(date))));
    }
  }

  /**
   * Points readers at the run's views table unless the pointer names a run of a later date, and
   * returns the pointer as it was before (empty for the first export). The old watermarks go and
   * the new come in the same atomic row mutation (a symbol may have left).
   *
   * @param watermarks per symbol, the batch watermark (see {@code BatchViewPointer})
   * @throws IOException when HBase fails, or the pointer changed under this switch 10 times
   */
  public Optional<LivePointer> switchPointer(
      String runId, LocalDate runDate, Map<String, Instant> watermarks) throws IOException {
    TableName pointer = pointerTable();
    try (Admin admin = connection.getAdmin()) {
      if (!admin.tableExists(pointer)) {
        try {
          admin.createTable(
              TableDescriptorBuilder.newBuilder(pointer)
                  .setColumnFamily(family(BatchViewTables.POINTER_FAMILY))
                  .setColumnFamily(family(BatchViewTables.WATERMARK_FAMILY))
                  .build());
        } catch (TableExistsException e) {
          // created concurrently
        }
      }
    }
    String tableName = BatchViewTables.viewsTable(runId);
    byte[] row = Bytes.toBytes(BatchViewTables.POINTER_ROW);
    byte[] p = Bytes.toBytes(BatchViewTables.POINTER_FAMILY);
    byte[] tableColumn = Bytes.toBytes(BatchViewTables.TABLE);
    byte[] wm = Bytes.toBytes(BatchViewTables.WATERMARK_FAMILY);
    for (int attempt = 1; ; attempt++) {
      Optional<LivePointer> before = live();
      if (before.isPresent() && before.get().runDate().isAfter(runDate)) {
        return before;
      }
      long now = clock.millis();
      Put put =
          new Put(row, now)
              .addColumn(p, tableColumn, utf8(tableName))
              .addColumn(p, Bytes.toBytes(BatchViewTables.RUN_ID), utf8(runId))
              .addColumn(p, Bytes.toBytes(BatchViewTables.RUN_DATE), utf8(runDate.toString()));
      watermarks.forEach(
          (symbol, watermark) ->
              put.addColumn(wm, Bytes.toBytes(symbol), Bytes.toBytes(watermark.toEpochMilli())));
      RowMutations mutations = new RowMutations(row);
      mutations.add(new Delete(row).addFamily(wm, now - 1));
      mutations.add(put);
      CheckAndMutate.Builder check = CheckAndMutate.newBuilder(row);
      CheckAndMutate switchIfUnchanged =
          before.isPresent()
              ? check.ifEquals(p, tableColumn, utf8(before.get().table())).build(mutations)
              : check.ifNotExists(p, tableColumn).build(mutations);
      try (Table table = connection.getTable(pointer)) {
        if (table.checkAndMutate(switchIfUnchanged).isSuccess()) {
          return before;
        }
      }
      if (attempt == SWITCH_ATTEMPTS) {
        throw new IOException(
            "Cannot switch the serving copy's pointer to "
                + tableName
                + ": it changed under this export "
                + SWITCH_ATTEMPTS
                + " times in a row");
      }
    }
  }

  /**
   * Drops the views tables older than {@code live} in run order (run ids start with the run date
   * and start time), except {@code previous}, the table live before it. A table left by a killed
   * export was never live, so it is dropped; tables newer than the live one (an export under way)
   * are left alone.
   *
   * @return the tables dropped
   * @throws IOException when HBase fails
   */
  public List<String> dropOlder(String live, String previous) throws IOException {
    List<String> dropped = new ArrayList<>();
    try (Admin admin = connection.getAdmin()) {
      List<String> viewsTables = new ArrayList<>();
      for (TableName name : admin.listTableNamesByNamespace(views.namespace())) {
        if (BatchViewTables.isViewsTable(name.getQualifierAsString())) {
          viewsTables.add(name.getQualifierAsString());
        }
      }
      viewsTables.sort(Comparator.naturalOrder());
      for (String name : viewsTables) {
        if (name.compareTo(live) < 0 && !name.equals(previous)) {
          drop(admin, TableName.valueOf(views.namespace(), name));
          dropped.add(name);
        }
      }
    }
    return dropped;
  }

  /**
   * Drops one views table, e.g. a run's that lost the pointer to a later run date.
   *
   * @throws IOException when HBase fails
   */
  public void drop(TableName table) throws IOException {
    try (Admin admin = connection.getAdmin()) {
      drop(admin, table);
    }
  }

  private static void drop(Admin admin, TableName table) throws IOException {
    admin.disableTable(table);
    admin.deleteTable(table);
  }

  private TableName pointerTable() {
    return TableName.valueOf(views.namespace(), BatchViewTables.POINTER_TABLE);
  }

  private static ColumnFamilyDescriptor family(String name) {
    return ColumnFamilyDescriptorBuilder.newBuilder(Bytes.toBytes(name))
        .setMaxVersions(1)
        .setBloomFilterType(BloomType.ROW)
        .setCompressionType(Compression.Algorithm.GZ)
        .build();
  }

  private void createNamespace(Admin admin) throws IOException {
    try {
      if (Arrays.stream(admin.listNamespaceDescriptors())
          .noneMatch(ns -> ns.getName().equals(views.namespace()))) {
        admin.createNamespace(NamespaceDescriptor.create(views.namespace()).build());
      }
    } catch (NamespaceExistException e) {
      // created concurrently
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
