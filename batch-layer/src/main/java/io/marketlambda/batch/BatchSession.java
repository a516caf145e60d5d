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
 *
 * <p>Parquet's dictionary encoding is off for the lake's double columns (prices, volumes, factors,
 * indicators: {@link #PLAIN_DOUBLE_COLUMNS}), through parquet-mr's per-column setting {@code
 * parquet.enable.dictionary#<column>} (set on the SparkContext's Hadoop configuration, the base of
 * the one every write uses, Delta's included). Such values are nearly all distinct, so the
 * dictionary is built only to be dropped, and a profile of the nightly recompute showed a quarter
 * of its CPU time in it; strings (symbol, source, interval) keep their dictionaries. A setting
 * given for a column ({@code spark.hadoop.parquet.enable.dictionary#<column>}) wins.
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
    SparkSession spark = SparkSessions.getOrCreate(appName, settings.withOverrides(delta));
    org.apache.hadoop.conf.Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    for (String column : PLAIN_DOUBLE_COLUMNS) {
      hadoop.setIfUnset("parquet.enable.dictionary#" + column, "false");
    }
    return spark;
  }

  /** The double columns of the lake's bars and daily indicators: written without dictionary. */
  public static final List<String> PLAIN_DOUBLE_COLUMNS = plainDoubleColumns();

  private static List<String> plainDoubleColumns() {
    java.util.Set<String> names = new java.util.TreeSet<>();
    for (org.apache.spark.sql.types.StructType schema :
        List.of(
            io.marketlambda.batch.silver.SilverColumns.BARS_DAILY,
            io.marketlambda.views.DailyIndicatorColumns.SCHEMA)) {
      for (org.apache.spark.sql.types.StructField field : schema.fields()) {
        if (field.dataType().equals(org.apache.spark.sql.types.DataTypes.DoubleType)) {
          names.add(field.name());
        }
      }
    }
    return List.copyOf(names);
  }
}
