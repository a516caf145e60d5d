package io.marketlambda.batch.run;

import static org.apache.spark.sql.functions.col;

import io.delta.tables.DeltaTable;
import io.marketlambda.batch.bronze.BronzeColumns;
import io.marketlambda.core.lake.LakeLayout;
import io.marketlambda.core.lake.LakeTable;
import java.sql.Timestamp;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The bronze tables a run reads, all as of one moment: their latest versions, or with {@code
 * --as-of-version N} {@code bronze.bars} at version N and {@code bronze.corporate_actions} and
 * {@code bronze.quotes} as they were at that version's commit (absent when created later).
 *
 * @param bars {@code bronze.bars}
 * @param actions {@code bronze.corporate_actions}, empty when there is none
 * @param quotes {@code bronze.quotes}, or null when nothing was landed
 * @param versions the Delta version read of each table, by qualified name (latest reads only for
 *     the tables other than {@code bronze.bars})
 */
record BronzeSnapshot(
    Dataset<Row> bars, Dataset<Row> actions, Dataset<Row> quotes, Map<String, Long> versions) {

  /** {@code bronze.quotes}, when any quotes were landed. */
  Optional<Dataset<Row>> landedQuotes() {
    return Optional.ofNullable(quotes);
  }

  /**
   * @throws IllegalStateException when {@code bronze.bars} does not exist yet (nothing imported),
   *     naming the path and the import command
   * @throws IllegalArgumentException when {@code bronze.bars} has no version {@code asOfVersion}
   */
  static BronzeSnapshot read(SparkSession spark, LakeLayout lake, OptionalLong asOfVersion) {
    String barsPath = lake.table(LakeTable.BRONZE_BARS).toString();
    if (!DeltaTable.isDeltaTable(spark, barsPath)) {
      throw new IllegalStateException(
          "Cannot run the batch: no bronze.bars table at "
              + barsPath
              + "; import history first (marketlambda import --source ... --path ...)");
    }
    Map<String, Long> versions = new LinkedHashMap<>();
    long barsVersion =
        asOfVersion.isPresent() ? asOfVersion.getAsLong() : latestVersion(spark, barsPath);
    versions.put(LakeTable.BRONZE_BARS.qualifiedName(), barsVersion);
    Dataset<Row> bars =
        spark.read().format("delta").option("versionAsOf", barsVersion).load(barsPath);
    Timestamp commit = asOfVersion.isPresent() ? commitTime(spark, barsPath, barsVersion) : null;
    Dataset<Row> actions =
        readAt(spark, lake, LakeTable.BRONZE_CORPORATE_ACTIONS, commit, versions)
            .orElseGet(() -> spark.createDataFrame(List.of(), BronzeColumns.CORPORATE_ACTIONS));
    Dataset<Row> quotes =
        readAt(spark, lake, LakeTable.BRONZE_QUOTES, commit, versions).orElse(null);
    return new BronzeSnapshot(bars, actions, quotes, Collections.unmodifiableMap(versions));
  }

  /** The table's latest version (commit null) or its state at the commit; empty when absent. */
  private static Optional<Dataset<Row>> readAt(
      SparkSession spark,
      LakeLayout lake,
      LakeTable table,
      Timestamp commit,
      Map<String, Long> versions) {
    String path = lake.table(table).toString();
    if (!DeltaTable.isDeltaTable(spark, path)) {
      return Optional.empty();
    }
    if (commit == null) {
      versions.put(table.qualifiedName(), latestVersion(spark, path));
      return Optional.of(spark.read().format("delta").load(path));
    }
    if (firstCommitTime(spark, path).compareTo(commit) > 0) {
      return Optional.empty();
    }
    return Optional.of(
        spark.read().format("delta").option("timestampAsOf", commit.toString()).load(path));
  }

  static long latestVersion(SparkSession spark, String path) {
    return DeltaTable.forPath(spark, path).history(1).select("version").first().getLong(0);
  }

  private static Timestamp commitTime(SparkSession spark, String path, long version) {
    List<Row> rows =
        DeltaTable.forPath(spark, path)
            .history()
            .filter(col("version").equalTo(version))
            .select("timestamp")
            .collectAsList();
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(
          "Cannot read bronze.bars as of version " + version + ": no such version at " + path);
    }
    return rows.get(0).getTimestamp(0);
  }

  private static Timestamp firstCommitTime(SparkSession spark, String path) {
    return DeltaTable.forPath(spark, path)
        .history()
        .orderBy(col("version"))
        .select("timestamp")
        .first()
        .getTimestamp(0);
  }
}
