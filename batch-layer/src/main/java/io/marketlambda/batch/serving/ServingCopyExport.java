package io.marketlambda.batch.serving;

import static org.apache.spark.sql.functions.col;

import io.marketlambda.hbaseviews.HBaseViewsConfig;
import io.marketlambda.hbaseviews.batch.BatchViewTables;
import io.marketlambda.hbaseviews.batch.ServingCopyTables;
import io.marketlambda.hbaseviews.batch.ServingCopyTables.LivePointer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hbase.HBaseConfiguration;
import org.apache.hadoop.hbase.KeyValue;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.apache.hadoop.hbase.client.TableDescriptor;
import org.apache.hadoop.hbase.io.ImmutableBytesWritable;
import org.apache.hadoop.hbase.mapreduce.HFileOutputFormat2;
import org.apache.hadoop.mapreduce.Job;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * Exports a batch run's gold views to the HBase serving copy by bulk load: the run's table is
 * prepared ({@link ServingCopyTables#prepare}), every daily, weekly and monthly bar and daily
 * indicator row becomes {@link io.marketlambda.hbaseviews.batch.BatchViewCells} (one Spark row per
 * cell, {@link ServingCopyCells}), sorted in HBase order and written as HFiles with {@link
 * HFileOutputFormat2} under a staging directory, bulk-loaded ({@link ServingCopyTables#bulkLoad}),
 * and the pointer switched ({@link ServingCopyTables#switchPointer}); older tables are dropped
 * ({@link ServingCopyTables#dropOlder}). What each step does to HBase is {@link
 * ServingCopyTables}'s.
 *
 * <p>A run never takes the serving copy back in time: when the pointer names a run of a later run
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
    Configuration conf = configuration();
    try (Connection connection = ConnectionFactory.createConnection(conf)) {
      ServingCopyTables tables = new ServingCopyTables(connection, views, clock);
      String tableName = BatchViewTables.viewsTable(runId);
      Optional<LivePointer> before = tables.live();
      if (before.isPresent() && before.get().runDate().isAfter(runDate)) {
        progress.accept(laterRunIsLive(runId, runDate, before.get()));
        return new Result(tableName, 0, List.of(), false);
      }
      TableDescriptor descriptor = tables.prepare(runId);
      long cells = writeAndLoad(conf, tables, descriptor, daily, weekly, monthly, indicators);
      Optional<LivePointer> previous = tables.switchPointer(runId, runDate, watermarks);
      if (previous.isPresent() && previous.get().runDate().isAfter(runDate)) {
        // A run of a later date went live while this one was loading: it stays live.
        progress.accept(laterRunIsLive(runId, runDate, previous.get()));
        tables.drop(descriptor.getTableName());
        return new Result(tableName, cells, List.of(tableName), false);
      }
      List<String> dropped =
          tables.dropOlder(tableName, previous.map(LivePointer::table).orElse(tableName));
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
      ServingCopyTables tables,
      TableDescriptor descriptor,
      Dataset<Row> daily,
      Dataset<Row> weekly,
      Dataset<Row> monthly,
      Dataset<Row> indicators)
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
      tables.bulkLoad(conf, descriptor.getTableName(), new Path(staging));
      return count;
    } finally {
      cells.unpersist();
    }
  }

  private static Dataset<Row> cells(Dataset<Row> rows, String family, int buckets) {
    return rows.flatMap(
        new ServingCopyCells(buckets, family), Encoders.row(ServingCopyCells.SCHEMA));
  }

  private static String laterRunIsLive(String runId, LocalDate runDate, LivePointer live) {
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

  private Configuration configuration() {
    Configuration conf = HBaseConfiguration.create(spark.sparkContext().hadoopConfiguration());
    hbaseSettings.forEach(conf::set);
    return conf;
  }
}
