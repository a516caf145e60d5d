package io.marketlambda.batch.run;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import io.delta.tables.DeltaTable;
import io.marketlambda.core.lake.LakeLayout;
import io.marketlambda.core.lake.LakeTable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The Delta maintenance of the tables a batch run wrote, where it is due rather than after every
 * write, as Delta users schedule OPTIMIZE and VACUUM ({@link #run}).
 */
final class LakeMaintenance {
  /**
   * A table holding more files than this after its write is compacted (OPTIMIZE). A full rewrite
   * leaves one file per range of {@code spark.sql.shuffle.partitions}; many more come from settings
   * that split writes further, where compaction pays.
   */
  static final int OPTIMIZE_MIN_FILES = 64;

  private final SparkSession spark;
  private final BatchConfig config;
  private final LakeLayout lake;
  private final Clock clock;
  private final Consumer<String> progress;

  LakeMaintenance(
      SparkSession spark,
      BatchConfig config,
      LakeLayout lake,
      Clock clock,
      Consumer<String> progress) {
    this.spark = spark;
    this.config = config;
    this.lake = lake;
    this.clock = clock;
    this.progress = progress;
  }

  /**
   * Maintenance where it is due, as Delta users schedule it rather than after every write: OPTIMIZE
   * of a table the run left with more than {@link #OPTIMIZE_MIN_FILES} files (a full rewrite leaves
   * one clustered file per range of symbols or dates, which compaction would only merge, undoing
   * the clustering); VACUUM of every table the run wrote when the last run that VACUUMed is {@code
   * batch.vacuum-interval} ago or longer.
   *
   * @param versions the version of each table written, by qualified name: updated here
   * @param files the files each table holds after its write (-1 unknown), by qualified name
   * @return when this run VACUUMed, if it did
   */
  Optional<Instant> run(Map<String, Long> versions, Map<String, Long> files) {
    boolean vacuum = !config.vacuumRetention().isZero() && vacuumDue();
    Instant vacuumed = clock.instant();
    for (String name : List.copyOf(versions.keySet())) {
      boolean optimize = config.optimize() && files.getOrDefault(name, -1L) > OPTIMIZE_MIN_FILES;
      if (!optimize && !vacuum) {
        continue;
      }
      String path = lake.table(byName(name)).toString();
      DeltaTable delta = DeltaTable.forPath(spark, path);
      long startedNanos = System.nanoTime();
      if (optimize) {
        delta.optimize().executeCompaction();
      }
      long optimizedNanos = System.nanoTime();
      if (vacuum) {
        delta.vacuum(config.vacuumRetention().toMinutes() / 60.0);
      }
      versions.put(name, BronzeSnapshot.latestVersion(spark, path));
      progress.accept(
          String.format(
              Locale.ROOT,
              "  %-26s %s%s",
              name,
              optimize
                  ? String.format(
                      Locale.ROOT,
                      "OPTIMIZE of %,d files %.1f s ",
                      files.get(name),
                      (optimizedNanos - startedNanos) / 1e9)
                  : "",
              vacuum
                  ? String.format(
                      Locale.ROOT, "VACUUM %.1f s", (System.nanoTime() - optimizedNanos) / 1e9)
                  : ""));
    }
    return vacuum ? Optional.of(vacuumed) : Optional.empty();
  }

  /** Whether no run VACUUMed within {@code batch.vacuum-interval} (from {@code batch_runs}). */
  private boolean vacuumDue() {
    String path = lake.batchRuns().toString();
    if (!DeltaTable.isDeltaTable(spark, path)) {
      return true;
    }
    Dataset<Row> runs = spark.read().format("delta").load(path);
    if (!java.util.Arrays.asList(runs.columns()).contains(BatchRunColumns.VACUUMED_AT)) {
      return true; // the runs of earlier versions VACUUMed every time and have no such column
    }
    Row last = runs.agg(max(col(BatchRunColumns.VACUUMED_AT))).first();
    return last.isNullAt(0)
        || !last.getTimestamp(0).toInstant().plus(config.vacuumInterval()).isAfter(clock.instant());
  }

  private static LakeTable byName(String qualifiedName) {
    for (LakeTable table : LakeTable.values()) {
      if (table.qualifiedName().equals(qualifiedName)) {
        return table;
      }
    }
    throw new IllegalArgumentException("Cannot find lake table " + qualifiedName);
  }
}
