package io.marketlambda.testing;

import org.apache.spark.sql.SparkSession;

/**
 * The one local SparkSession of a test JVM, configured as the jobs configure theirs on one machine:
 * two cores, two shuffle partitions, UTC session time zone, no UI, loopback driver, and Delta
 * Lake's extension and catalog when Delta is on the class path (they must be set when the session
 * is created). Modules that use it have Spark on their test class path (it is {@code provided}
 * here).
 */
public final class LocalSpark {
  private static final String DELTA_EXTENSION = "io.delta.sql.DeltaSparkSessionExtension";

  private LocalSpark() {}

  /** The session, created on first use. */
  public static synchronized SparkSession session() {
    SparkSession.Builder builder =
        SparkSession.builder()
            .appName("marketlambda-test")
            .master("local[2]")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.sql.sources.parallelPartitionDiscovery.parallelism", "4")
            .config("spark.databricks.delta.snapshotPartitions", "2")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.driver.host", "localhost")
            .config("spark.driver.bindAddress", "127.0.0.1");
    if (onClassPath(DELTA_EXTENSION)) {
      builder
          .config("spark.sql.extensions", DELTA_EXTENSION)
          .config(
              "spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog");
    }
    return builder.getOrCreate();
  }

  private static boolean onClassPath(String className) {
    try {
      Class.forName(className, false, LocalSpark.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
