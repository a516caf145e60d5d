package io.marketlambda.speed.stream;

import org.apache.spark.sql.SparkSession;

/** The one local SparkSession of a test JVM, configured as {@code marketlambda speed} does. */
final class LocalSparkSession {
  private LocalSparkSession() {}

  static synchronized SparkSession get() {
    return SparkSession.builder()
        .appName("speed-it")
        .master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.driver.host", "localhost")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate();
  }
}
