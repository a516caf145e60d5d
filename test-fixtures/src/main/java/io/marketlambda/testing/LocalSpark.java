package io.marketlambda.testing;

import org.apache.spark.sql.SparkSession;

/**
 * The one local SparkSession of a test JVM, configured as the jobs configure theirs on one machine:
 * two cores, two shuffle partitions, UTC session time zone, no UI, loopback driver. Modules that
 * use it have Spark on their test class path (it is {@code provided} here).
 */
public final class LocalSpark {
  private LocalSpark() {}

  /** The session, created on first use. */
  public static synchronized SparkSession session() {
    return SparkSession.builder()
        .appName("marketlambda-test")
        .master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.driver.host", "localhost")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate();
  }
}
