package io.marketlambda.batch.serving;

import static org.apache.spark.sql.functions.col;

import io.marketlambda.hbaseviews.HBaseViewsConfig;
import io.marketlambda.hbaseviews.batch.BatchViewTables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hbase.HBaseConfiguration;
import org.apache.hadoop.hbase.KeyValue;
import org.apache.hadoop.hbase.NamespaceDescriptor;
import org.apache.hadoop.hbase.NamespaceExistException;
import org.apache.hadoop.hbase.TableExistsException;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.CheckAndMutate;
import org.apache.hadoop.hbase.client.ColumnFamilyDescriptorBuilder;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.apache.hadoop.hbase.client.Delete;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.RowMutations;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.client.TableDescriptor;
import org.apache.hadoop.hbase.client.TableDescriptorBuilder;
import org.apache.hadoop.hbase.io.ImmutableBytesWritable;
import org.apache.hadoop.hbase.io.compress.Compression;
import org.apache.hadoop.hbase.mapreduce.HFileOutputFormat2;
import org.apache.hadoop.hbase.regionserver.BloomType;
import org.apache.hadoop.hbase.tool.BulkLoadHFiles;
import org.apache.hadoop.hbase.util.Bytes;
import org.apache.hadoop.mapreduce.Job;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * Exports a batch run's gold views to the HBase serving copy ({@link BatchViewTables}) by bulk
 * load:
 *
 * <ol>
 *   <li>creates {@code batch_views_<run>}, pre-split by salt bucket, families {@code d w mo i} (one
 *       version, ROW bloom filter, GZ compression);
 *   <li>turns every daily, weekly and monthly bar and daily indicator row into cells, sorts them in
 *       HBase order and writes HFiles with {@link HFileOutputFormat2} under a staging directory;
 *   <li>moves them into the table with {@link BulkLoadHFiles} (no write path, no WAL);
 *   <li>switches the pointer row of {@code batch_views} to the new table, with the run's id, date
 *       and per-symbol watermarks, in one atomic check-and-mutate on the table the pointer named
 *       when it was read: of two exports switching at once, one wins and the other reads the
 *       pointer again;
 *   <li>drops the views tables older than the live one, except the one live before it (readers that
 *       read the pointer just before the switch can still finish). A table left by a killed export
 *       was never live, so it is dropped, not kept in place of the previous live one; tables newer
 *       than the live one (an export under way) are left alone.
 * </ol>
 *
 * A run never takes the serving copy back in time: when the pointer names a run of a later run
 * date, the export is skipped ({@link Result#live()} false) and the pointer stays. Exporting the
 * same run, or another run of the same date, again rewrites its table and switches the pointer.
 */
public final class ServingCopyExport {
  private final org.apache.spark.sql.SparkSession spark;
  private final Map<String, String> hbaseSettings;
  private final HBaseViewsConfig views;
  private final String stagingRoot;
  private final Clock clock;
  private final Consumer<String> progress;

  /**
   * @param hbaseSettings HBase client settings, {@code hbase.*} keys verbatim
   * @param views the namespace and salt buckets (shared with the realtime views)
   * @param stagingRoot a directory URI for the HFiles, on a file system the region servers read
   */
  public ServingCopyExport(
      org.apache.spark.sql.SparkSession spark,
      Map<String, String> hbaseSettings,
      HBaseViewsConfig views,
      String stagingRoot,
      Clock clock,
      Consumer<String> progress) {
    this.spark = spark;
    this.hbaseSettings = Map.copyOf(hbaseSettings);
    this.views = views;
    this.stagingRoot = stagingRoot.replaceAll("/+$", "");
    this.clock = clock;
    this.progress = progress;
  }

  /**
   * What an export did.
   *
   * @param table the run's views table; not created when {@code live} is false
   * @param cells cells bulk-loaded; 0 when skipped
   * @param dropped views tables dropped
   * @param live whether the pointer now names {@code table}; false when it names a run of a later
   *     run date
   */
  public record Result(String table, long cells, List<String> dropped, boolean live) {}

  /**
   * Exports one run.
   *
   * @param daily gold daily bars ({@code BarColumns}), weekly and monthly likewise
   * @param indicators gold daily indicators
   * @throws UncheckedIOException when HBase or the staging file system fails; the pointer then
   *     still names the previous table
   */
  public Result export(
      String runId,
      LocalDate runDate,
      Dataset<Row> daily,
      Dataset<Row> weekly,
      Dataset<Row> monthly,
      Dataset<Row> indicators,
      Map<String, Instant> watermarks) {
    String tableName = BatchViewTables.viewsTable(runId);
    TableName table = TableName.valueOf(views.namespace(), tableName);
    Configuration conf = configuration();
    try (Connection connection = ConnectionFactory.createConnection(conf);
        Admin admin = connection.getAdmin()) {
      createNamespace(admin);
      Optional<Pointer> before = readPointer(connection, admin);
      if (before.isPresent() && before.get().runDate().isAfter(runDate)) {
        progress.accept(laterRunIsLive(runId, runDate, before.get()));
        return new Result(tableName, 0, List.of(), false);
      }
      TableDescriptor descriptor = viewsDescriptor(table);
      if (admin.tableExists(table)) {
        admin.disableTable(table);
        admin.truncateTable(table, true);
      } else {
        createTable(admin, descriptor);
      }
      long cells =
          writeAndLoad(conf, connection, descriptor, daily, weekly, monthly, indicators, runId);
      Optional<Pointer> previous =
          switchPointer(connection, admin, tableName, runId, runDate, watermarks);
      if (previous.isPresent() && previous.get().runDate().isAfter(runDate)) {
        // A run of a later date went live while this one was loading: it stays live.
        progress.accept(laterRunIsLive(runId, runDate, previous.get()));
        admin.disableTable(table);
        admin.deleteTable(table);
        return new Result(tableName, cells, List.of(tableName), false);
      }
      List<String> dropped =
          dropOld(admin, tableName, previous.map(Pointer::table).orElse(tableName));
      progress.accept(
          String.format(
              Locale.ROOT,
              "serving copy %s:%s live: %,d cells, %,d symbols; dropped %s",
              views.namespace(),
              tableName,
              cells,
              watermarks.size(),
              dropped));
      return new Result(tableName, cells, dropped, true);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot export the serving copy of run " + runId + " to HBase: " + e.getMessage(), e);
    }
  }

  private long writeAndLoad(
      Configuration conf,
      Connection connection,
      TableDescriptor descriptor,
      Dataset<Row> daily,
      Dataset<Row> weekly,
      Dataset<Row> monthly,
      Dataset<Row> indicators,
      String runId)
      throws IOException {
    int buckets = views.saltBuckets();
    Dataset<Row> cells =
        cells(daily, BatchViewTables.DAILY, buckets)
            .union(cells(weekly, BatchViewTables.WEEKLY, buckets))
            .union(cells(monthly, BatchViewTables.MONTHLY, buckets))
            .union(cells(indicators, BatchViewTables.INDICATORS, buckets))
            // One partition per region (a salt bucket), sorted as HBase sorts: each task writes
            // HFiles that fall in one region, so the bulk load need not split them.
            .repartition(buckets, col(ServingCopyCells.SALT))
            .sortWithinPartitions(
                ServingCopyCells.ROW, ServingCopyCells.FAMILY, ServingCopyCells.QUALIFIER)
            .persist();
    try {
      long count = cells.count();
      Job job = Job.getInstance(conf);
      HFileOutputFormat2.configureIncrementalLoadMap(job, descriptor);
      String staging =
          stagingRoot
              + "/"
              + descriptor.getTableName().getQualifierAsString()
              + "-"
              + clock.millis();
      // KeyValue is not serializable: it is made after the sort, in the task that writes it.
      JavaPairRDD<ImmutableBytesWritable, KeyValue> hfileCells =
          cells
              .javaRDD()
              .mapToPair(
                  row -> {
                    byte[] key = row.getAs(ServingCopyCells.ROW);
                    KeyValue cell =
                        new KeyValue(
                            key,
                            row.<byte[]>getAs(ServingCopyCells.FAMILY),
                            row.<byte[]>getAs(ServingCopyCells.QUALIFIER),
                            row.<Long>getAs(ServingCopyCells.TIMESTAMP),
                            row.<byte[]>getAs(ServingCopyCells.VALUE));
                    return new Tuple2<>(new ImmutableBytesWritable(key), cell);
                  });
      hfileCells.saveAsNewAPIHadoopFile(
          staging,
          ImmutableBytesWritable.class,
          KeyValue.class,
          HFileOutputFormat2.class,
          job.getConfiguration());
      progress.accept(String.format(Locale.ROOT, "HFiles of %,d cells in %s", count, staging));
      BulkLoadHFiles.create(conf).bulkLoad(descriptor.getTableName(), new Path(staging));
      Path stagingPath = new Path(staging);
      FileSystem fs = stagingPath.getFileSystem(conf);
      fs.delete(stagingPath, true);
      return count;
    } finally {
      cells.unpersist();
    }
  }

  private static Dataset<Row> cells(Dataset<Row> rows, String family, int buckets) {
    return rows.flatMap(
        new ServingCopyCells(buckets, family), Encoders.row(ServingCopyCells.SCHEMA));
  }

  /** The pointer row: the live table and its run's date. */
  record Pointer(String table, LocalDate runDate) {}

  private static String laterRunIsLive(String runId, LocalDate runDate, Pointer live) {
    return "serving copy of run "
        + runId
        + " not made live: the live copy, "
        + live.table()
        + ", is of a later run date ("
        + live.runDate()
        + " after "
        + runDate
        + ")";
  }

  private Optional<Pointer> readPointer(Connection connection, Admin admin) throws IOException {
    TableName pointer = TableName.valueOf(views.namespace(), BatchViewTables.POINTER_TABLE);
    if (!admin.tableExists(pointer)) {
      return Optional.empty();
    }
    try (Table table = connection.getTable(pointer)) {
      org.apache.hadoop.hbase.client.Result row =
          table.get(new Get(Bytes.toBytes(BatchViewTables.POINTER_ROW)));
      byte[] p = Bytes.toBytes(BatchViewTables.POINTER_FAMILY);
      byte[] live = row.getValue(p, Bytes.toBytes(BatchViewTables.TABLE));
      byte[] date = row.getValue(p, Bytes.toBytes(BatchViewTables.RUN_DATE));
      if (live == null || date == null) {
        return Optional.empty();
      }
      return Optional.of(new Pointer(Bytes.toString(live), LocalDate.parse(Bytes.toString(date))));
    }
  }

  /**
   * Points readers at {@code tableName} unless the pointer names a run of a later date, and returns
   * the pointer as it was before (empty for the first export).
   */
  private Optional<Pointer> switchPointer(
      Connection connection,
      Admin admin,
      String tableName,
      String runId,
      LocalDate runDate,
      Map<String, Instant> watermarks)
      throws IOException {
    TableName pointer = TableName.valueOf(views.namespace(), BatchViewTables.POINTER_TABLE);
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
    byte[] row = Bytes.toBytes(BatchViewTables.POINTER_ROW);
    byte[] p = Bytes.toBytes(BatchViewTables.POINTER_FAMILY);
    byte[] tableColumn = Bytes.toBytes(BatchViewTables.TABLE);
    byte[] wm = Bytes.toBytes(BatchViewTables.WATERMARK_FAMILY);
    for (int attempt = 1; ; attempt++) {
      Optional<Pointer> before = readPointer(connection, admin);
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
      // One atomic row mutation: the old watermarks go (a symbol may have left), the new come.
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
      if (attempt == 10) {
        throw new IOException(
            "Cannot switch the serving copy's pointer to "
                + tableName
                + ": it changed under this export 10 times in a row");
      }
    }
  }

  /**
   * Drops the views tables older than {@code live} in run order (run ids start with the run date
   * and start time), except {@code previous}, the table live before it.
   */
  private List<String> dropOld(Admin admin, String live, String previous) throws IOException {
    List<String> dropped = new ArrayList<>();
    List<String> viewsTables = new ArrayList<>();
    for (TableName name : admin.listTableNamesByNamespace(views.namespace())) {
      if (BatchViewTables.isViewsTable(name.getQualifierAsString())) {
        viewsTables.add(name.getQualifierAsString());
      }
    }
    viewsTables.sort(Comparator.naturalOrder());
    for (String name : viewsTables) {
      if (name.compareTo(live) < 0 && !name.equals(previous)) {
        TableName old = TableName.valueOf(views.namespace(), name);
        admin.disableTable(old);
        admin.deleteTable(old);
        dropped.add(name);
      }
    }
    return dropped;
  }

  private TableDescriptor viewsDescriptor(TableName table) {
    TableDescriptorBuilder builder = TableDescriptorBuilder.newBuilder(table);
    for (String family :
        Arrays.asList(
            BatchViewTables.DAILY,
            BatchViewTables.WEEKLY,
            BatchViewTables.MONTHLY,
            BatchViewTables.INDICATORS)) {
      builder.setColumnFamily(family(family));
    }
    return builder.build();
  }

  private static org.apache.hadoop.hbase.client.ColumnFamilyDescriptor family(String name) {
    return ColumnFamilyDescriptorBuilder.newBuilder(Bytes.toBytes(name))
        .setMaxVersions(1)
        .setBloomFilterType(BloomType.ROW)
        .setCompressionType(Compression.Algorithm.GZ)
        .build();
  }

  private void createTable(Admin admin, TableDescriptor descriptor) throws IOException {
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

  private Configuration configuration() {
    Configuration conf = HBaseConfiguration.create(spark.sparkContext().hadoopConfiguration());
    hbaseSettings.forEach(conf::set);
    return conf;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
