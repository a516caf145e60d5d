package io.marketlambda.batch.run;

import static org.apache.spark.sql.functions.col;

import io.delta.tables.DeltaTable;
import io.marketlambda.batch.silver.SilverColumns;
import io.marketlambda.core.lake.LakeLayout;
import io.marketlambda.core.lake.LakeTable;
import io.marketlambda.views.BarColumns;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Where a batch run writes the tables it computes. The product writes Delta ({@link #delta});
 * {@code bench batch} also runs the same job into Parquet and into Spark's no-op sink, to show what
 * Delta costs.
 */
public interface ViewSink {
  /** What a write did: rows written, and the table's version after it (-1 without versions). */
  record Written(long rows, long version) {}

  /** Replaces {@code table} with {@code rows}. */
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
   * Delta tables under the lake layout: each write one overwrite commit (clustered), the change
   * data feed and retention properties on gold tables; rows and version from the commit's own
   * metrics.
   */
  static ViewSink delta(SparkSession spark, LakeLayout lake) {
    return new ViewSink() {
      @Override
      public Written write(LakeTable table, Dataset<Row> rows) {
        String path = lake.table(table).toString();
        // Delta's userMetadata names this commit in the table's history: the version read back is
        // this write's even when another writer commits to the table right after it.
        String tag = "marketlambda-write-" + java.util.UUID.randomUUID();
        clustered(table, rows)
            .write()
            .format("delta")
            .mode("overwrite")
            .option("overwriteSchema", "true")
            .option("userMetadata", tag)
            .save(path);
        Row commit =
            DeltaTable.forPath(spark, path)
                .history(100)
                .filter(org.apache.spark.sql.functions.col("userMetadata").equalTo(tag))
                .first();
        scala.collection.Map<String, String> metrics =
            commit.getMap(commit.fieldIndex("operationMetrics"));
        long count = Long.parseLong(metrics.get("numOutputRows").getOrElse(() -> "-1"));
        long version = commit.getLong(commit.fieldIndex("version"));
        if (table.layer() == io.marketlambda.core.lake.Layer.GOLD) {
          Row detail = DeltaTable.forPath(spark, path).detail().first();
          scala.collection.Map<String, String> properties =
              detail.getMap(detail.fieldIndex("properties"));
          if (!properties.contains("delta.enableChangeDataFeed")) {
            spark.sql(
                "ALTER TABLE delta.`"
                    + path
                    + "` SET TBLPROPERTIES (delta.enableChangeDataFeed = true,"
                    + " delta.logRetentionDuration = 'interval 30 days',"
                    + " delta.deletedFileRetentionDuration = 'interval 7 days')");
            // The first SET TBLPROPERTIES after this write: its own commit, not a later writer's.
            version =
                DeltaTable.forPath(spark, path)
                    .history(100)
                    .filter(
                        org.apache
                            .spark
                            .sql
                            .functions
                            .col("operation")
                            .equalTo("SET TBLPROPERTIES")
                            .and(org.apache.spark.sql.functions.col("version").gt(version)))
                    .agg(org.apache.spark.sql.functions.min("version"))
                    .first()
                    .getLong(0);
          }
        }
        return new Written(count, version);
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

  /** Plain Parquet files under {@code root}/layer/table, clustered the same way; no versions. */
  static ViewSink parquet(SparkSession spark, String root) {
    return new ViewSink() {
      @Override
      public Written write(LakeTable table, Dataset<Row> rows) {
        clustered(table, rows).write().mode("overwrite").parquet(path(table));
        return new Written(read(table).count(), -1);
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
   * Spark's {@code noop} sink: every row is computed (and cached, for the views computed from it)
   * but nothing is written: the cost of the computation alone.
   */
  static ViewSink noop() {
    Map<LakeTable, Dataset<Row>> computed = new EnumMap<>(LakeTable.class);
    return new ViewSink() {
      @Override
      public Written write(LakeTable table, Dataset<Row> rows) {
        Dataset<Row> cached = rows.persist();
        cached.write().format("noop").mode("overwrite").save();
        computed.put(table, cached);
        return new Written(cached.count(), -1);
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
