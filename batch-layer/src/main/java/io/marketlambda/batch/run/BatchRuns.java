package io.marketlambda.batch.run;

import static org.apache.spark.sql.functions.col;

import io.delta.tables.DeltaTable;
import io.marketlambda.core.lake.LakeLayout;
import io.marketlambda.core.lake.LakeTable;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Reads the {@code batch_runs} table ({@link BatchRunColumns}) and the views a run published. */
public final class BatchRuns {
  private BatchRuns() {}

  /** The last completed run (by finish time), or empty before the first. */
  public static Optional<Row> latest(SparkSession spark, LakeLayout lake) {
    String path = lake.batchRuns().toString();
    if (!DeltaTable.isDeltaTable(spark, path)) {
      return Optional.empty();
    }
    Dataset<Row> runs = spark.read().format("delta").load(path);
    return runs.isEmpty()
        ? Optional.empty()
        : Optional.of(runs.orderBy(col(BatchRunColumns.FINISHED_AT).desc()).first());
  }

  /**
   * Reads {@code table} at the version a run recorded, so every table read comes from the same run.
   *
   * @param tableVersions a run's {@code table_versions}
   * @throws IllegalArgumentException when the run did not write {@code table}
   */
  public static Dataset<Row> read(
      SparkSession spark, LakeLayout lake, LakeTable table, Map<String, Long> tableVersions) {
    Long version = tableVersions.get(table.qualifiedName());
    if (version == null) {
      throw new IllegalArgumentException(
          "Cannot read "
              + table.qualifiedName()
              + " of the run: it wrote "
              + tableVersions.keySet());
    }
    return spark
        .read()
        .format("delta")
        .option("versionAsOf", version)
        .load(lake.table(table).toString());
  }
}
