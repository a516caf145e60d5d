package io.marketlambda.batch;

import io.marketlambda.core.config.Settings;
import io.marketlambda.views.SparkSessions;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * The batch layer's SparkSession: {@link SparkSessions}' with Delta Lake's SQL extension and
 * catalog (both are needed, see Delta's "Set up Apache Spark with Delta Lake"), unless the
 * configuration sets them (Databricks sets its own).
 */
public final class BatchSession {
  static final String EXTENSIONS = "spark.sql.extensions";
  static final String CATALOG = "spark.sql.catalog.spark_catalog";

  private BatchSession() {}

  public static SparkSession getOrCreate(String appName, Settings settings) {
    List<String> delta = new ArrayList<>();
    if (!settings.keys().contains(EXTENSIONS)) {
      delta.add(EXTENSIONS + "=io.delta.sql.DeltaSparkSessionExtension");
    }
    if (!settings.keys().contains(CATALOG)) {
      delta.add(CATALOG + "=org.apache.spark.sql.delta.catalog.DeltaCatalog");
    }
    return SparkSessions.getOrCreate(appName, settings.withOverrides(delta));
  }
}
