package io.marketlambda.batch.bronze;

import io.delta.tables.DeltaTable;
import io.marketlambda.core.lake.LakeTable;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/** Creates the bronze tables: append-only Delta tables partitioned by source. */
final class BronzeTables {
  private BronzeTables() {}

  static DeltaTable createIfAbsent(
      SparkSession spark, LakeTable table, StructType schema, String path) {
    return DeltaTable.createIfNotExists(spark)
        .location(path)
        .addColumns(schema)
        .partitionedBy(BronzeColumns.SOURCE)
        .property("delta.appendOnly", "true")
        .comment("marketlambda " + table.qualifiedName() + ": master data set, append-only")
        .execute();
  }
}
