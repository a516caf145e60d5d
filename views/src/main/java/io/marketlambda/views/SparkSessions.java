package io.marketlambda.views;

import io.marketlambda.core.config.Settings;
import org.apache.spark.sql.SparkSession;

/**
 * The SparkSession of a marketlambda job: the environment's when there is one ({@code spark-submit}
 * sets {@code spark.master}; Databricks has its own), else a local one sized for one machine
 * ({@code local[*,4]}: every core, a failed task tried up to 4 times). Either way the session time
 * zone is UTC (the views compute from instants), and every {@code spark.*} key of the job's
 * configuration ({@code --conf spark.sql.shuffle.partitions=8}) is set on the builder, as
 * spark-submit's {@code --conf} would.
 */
public final class SparkSessions {
  /**
   * Attempts of a task in local mode, in {@code local[N,attempts]}: Spark's default {@code
   * spark.task.maxFailures} on a cluster.
   */
  public static final int LOCAL_TASK_ATTEMPTS = 4;

  private SparkSessions() {}

  /**
   * Returns the session for {@code appName}.
   *
   * @param settings the job's configuration; its {@code spark.*} keys are passed through
   */
  public static SparkSession getOrCreate(String appName, Settings settings) {
    SparkSession.Builder builder = SparkSession.builder().appName(appName);
    if (System.getProperty("spark.master") == null) {
      // One machine: few shuffle partitions, or every stateful micro-batch touches 200 stores;
      // FAIR pools, so that one query's jobs do not queue behind another's; file listings
      // (Delta's VACUUM) and Delta snapshot state in a few tasks, not 10,000 and 50. A failed task
      // is tried up to 4 times, as spark.task.maxFailures on a cluster (local[*] tries it once).
      builder
          .master("local[*," + LOCAL_TASK_ATTEMPTS + "]")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "4")
          .config("spark.scheduler.mode", "FAIR")
          .config("spark.sql.sources.parallelPartitionDiscovery.parallelism", "8")
          .config("spark.databricks.delta.snapshotPartitions", "4");
    }
    settings.withPrefix("spark.").forEach(builder::config);
    return builder.config("spark.sql.session.timeZone", "UTC").getOrCreate();
  }
}
