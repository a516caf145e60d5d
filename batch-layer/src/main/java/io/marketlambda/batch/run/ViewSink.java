package io.marketlambda.batch.run;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import io.delta.tables.DeltaTable;
import io.marketlambda.batch.silver.SilverColumns;
import io.marketlambda.core.lake.LakeLayout;
import io.marketlambda.core.lake.LakeTable;
import io.marketlambda.views.BarColumns;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Where a batch run writes the tables it computes. The product writes Delta ({@link #delta});
 * {@code bench batch} also runs the same job into Parquet and into Spark's no-op sink, to show what
 * Delta costs.
 */
public interface ViewSink {
  /**
   * What a write did: rows written, the table's version after it (-1 without versions) and the
   * files it holds (-1 when not known).
   */
  record Written(long rows, long version, long files) {}

  /** Columns with file statistics in the lake's silver and gold tables: their leading keys. */
  int STATS_COLUMNS = 3;

  /**
   * Replaces {@code table} with {@code rows} as they are partitioned and sorted: the caller lays
   * them out by the table's cluster key ({@link #clustered}, or a computation that keeps it).
   */
  Written write(LakeTable table, Dataset<Row> rows);

  /** The table as written, for the views computed from it. */
  Dataset<Row> read(LakeTable table);

  /** Whether the tables are Delta tables that keep versions, OPTIMIZE, VACUUM and run records. */
  boolean isDelta();

  /**
   * What a table's files are clustered by: the trading date for the per-date views, else symbol.
   * Files then hold ranges of the key readers filter on, and per-file min/max statistics skip the
   * rest (no Z-ordering pass is needed after a full rewrite).
   */
  static String clusterKey(LakeTable table) {
    return table == LakeTable.GOLD_TOP_MOVERS
            || table == LakeTable.GOLD_VOLATILITY_LEADERS
            || table == LakeTable.GOLD_SECTOR_SUMMARY
        ? SilverColumns.TRADING_DATE
        : BarColumns.SYMBOL;
  }

  /** {@code rows} range-partitioned by the table's cluster key and sorted within files. */
  static Dataset<Row> clustered(LakeTable table, Dataset<Row> rows) {
    String key = clusterKey(table);
    String[] order =
        Arrays.stream(new String[] {key, SilverColumns.TRADING_DATE, BarColumns.BAR_START})
            .distinct()
            .filter(column -> Arrays.asList(rows.columns()).contains(column))
            .toArray(String[]::new);
    return rows.repartitionByRange(col(key))
        .sortWithinPartitions(order[0], Arrays.copyOfRange(order, 1, order.length));
  }

  /**
   * Delta tables under the lake layout: each write one overwrite commit, the change data feed and
   * retention properties on gold tables; rows, files and version from the commit's own record. Per
   * write it reads the latest commit of the table only: no reads that grow with its history.
   */
  static ViewSink delta(SparkSession spark, LakeLayout lake) {
    return new ViewSink() {
      @Override
      public Written write(LakeTable table, Dataset<Row> rows) {
        String path = lake.table(table).toString();
        // Delta's userMetadata names this commit in the table's history: the version read back is
        // this write's even when another writer commits to the table right after it.
        String tag = "marketlambda-write-" + java.util.UUID.randomUUID();
        rows.write()
            .format("delta")
            .mode("overwrite")
            .option("overwriteSchema", "true")
            .option("userMetadata", tag)
            .save(path);
        Row commit = commit(path, tag);
        scala.collection.Map<String, String> metrics =
            commit.getMap(commit.fieldIndex("operationMetrics"));
        long count = Long.parseLong(metrics.get("numOutputRows").getOrElse(() -> "-1"));
        long files = Long.parseLong(metrics.get("numFiles").getOrElse(() -> "-1"));
        long version = commit.getLong(commit.fieldIndex("version"));
        // Table properties, set once (an overwrite keeps them): checked on the snapshot the write
        // left in memory, so no read.
        String properties = missingProperties(table, path);
        if (!properties.isEmpty()) {
          spark.sql("ALTER TABLE delta.`" + path + "` SET TBLPROPERTIES (" + properties + ")");
          // The latest commit is the ALTER's while the run holds the lake's batch-run lock (no
          // other batch writes its tables); the write's own commit above is found by its tag.
          Row altered = DeltaTable.forPath(spark, path).history(1).first();
          version = altered.getLong(altered.fieldIndex("version"));
        }
        return new Written(count, version, files);
      }

      /**
       * The properties {@code table} lacks, as a {@code SET TBLPROPERTIES} list: file statistics on
       * its first {@link #STATS_COLUMNS} columns only (the keys readers filter on: symbol, interval
       * and bar start, or trading date; Delta's default is 32, and computing them was a fifth of
       * the write's time); on gold tables the change data feed and retention.
       */
      private String missingProperties(LakeTable table, String path) {
        scala.collection.immutable.Map<String, String> present =
            org.apache.spark.sql.delta.DeltaLog.forTable(spark, path)
                .unsafeVolatileSnapshot()
                .metadata()
                .configuration();
        java.util.List<String> missing = new java.util.ArrayList<>();
        if (!present.contains("delta.dataSkippingNumIndexedCols")) {
          missing.add("delta.dataSkippingNumIndexedCols = " + STATS_COLUMNS);
        }
        if (table.layer() == io.marketlambda.core.lake.Layer.GOLD
            && !present.contains("delta.enableChangeDataFeed")) {
          missing.add(
              "delta.enableChangeDataFeed = true,"
                  + " delta.logRetentionDuration = 'interval 30 days',"
                  + " delta.deletedFileRetentionDuration = 'interval 7 days'");
        }
        return String.join(", ", missing);
      }

      /** This write's commit: the latest, unless another writer committed after it. */
      private Row commit(String path, String tag) {
        Row latest = DeltaTable.forPath(spark, path).history(1).first();
        if (tag.equals(latest.getAs("userMetadata"))) {
          return latest;
        }
        return DeltaTable.forPath(spark, path)
            .history(100)
            .filter(col("userMetadata").equalTo(tag))
            .first();
      }

      @Override
      public Dataset<Row> read(LakeTable table) {
        return spark.read().format("delta").load(lake.table(table).toString());
      }

      @Override
      public boolean isDelta() {
        return true;
      }
    };
  }

  /** Plain Parquet files under {@code root}/layer/table, as laid out by the caller; no versions. */
  static ViewSink parquet(SparkSession spark, String root) {
    return new ViewSink() {
      @Override
      public Written write(LakeTable table, Dataset<Row> rows) {
        rows.write().mode("overwrite").parquet(path(table));
        // The count from the files' footers: no data is read again.
        return new Written(read(table).count(), -1, -1);
      }

      @Override
      public Dataset<Row> read(LakeTable table) {
        return spark.read().parquet(path(table));
      }

      @Override
      public boolean isDelta() {
        return false;
      }

      private String path(LakeTable table) {
        return root + "/" + table.layer().databaseName() + "/" + table.tableName();
      }
    };
  }

  /**
   * Spark's {@code noop} sink: every row is computed but nothing is written: the cost of the
   * computation alone. The rows are counted as they pass ({@link Observation}), not by a second
   * computation; {@link #read} gives the rows written again (computed again).
   */
  static ViewSink noop() {
    Map<LakeTable, Dataset<Row>> computed = new EnumMap<>(LakeTable.class);
    return new ViewSink() {
      @Override
      public Written write(LakeTable table, Dataset<Row> rows) {
        Observation observation = new Observation(table.tableName());
        rows.observe(observation, count(lit(1)).as("rows"))
            .write()
            .format("noop")
            .mode("overwrite")
            .save();
        computed.put(table, rows);
        try {
          return new Written(((Number) observation.getAsJava().get("rows")).longValue(), -1, -1);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Interrupted while counting " + table, e);
        }
      }

      @Override
      public Dataset<Row> read(LakeTable table) {
        return computed.get(table);
      }

      @Override
      public boolean isDelta() {
        return false;
      }
    };
  }
}
