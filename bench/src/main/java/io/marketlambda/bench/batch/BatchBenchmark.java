package io.marketlambda.bench.batch;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;

import io.delta.tables.DeltaTable;
import io.marketlambda.batch.bronze.BronzeColumns;
import io.marketlambda.batch.bronze.HistoryImport;
import io.marketlambda.batch.run.BatchConfig;
import io.marketlambda.batch.run.BatchJob;
import io.marketlambda.batch.run.ViewSink;
import io.marketlambda.core.config.LakeConfig;
import io.marketlambda.core.lake.LakeLayout;
import io.marketlambda.core.lake.LakeTable;
import io.marketlambda.sources.quarantine.QuarantineFile;
import io.marketlambda.sources.recorded.RecordedSource;
import io.marketlambda.views.BarColumns;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code marketlambda bench batch}: the full recompute of a lake's bronze bars into silver and
 * gold, timed three ways in one run: into Delta as the product does it (with the maintenance due),
 * into plain Parquet, and into Spark's no-op sink (the computation alone); once for the lake as
 * imported and once for a scaled copy whose bronze holds the same bars replicated under new symbols
 * ({@code IBM}, {@code IBM.1}, {@code IBM.2}, ...) up to a symbol count.
 */
public final class BatchBenchmark {
  private final SparkSession spark;
  private final LakeLayout lake;
  private final String workRoot;
  private final int scaledSymbols;
  private final LocalDate runDate;
  private final Consumer<String> out;
  private final StepMetrics steps = new StepMetrics();

  /**
   * @param lake a lake whose {@code bronze.bars} holds the imported history
   * @param workRoot a directory URI for the scaled lake and the Parquet output
   */
  public BatchBenchmark(
      SparkSession spark,
      LakeLayout lake,
      String workRoot,
      int scaledSymbols,
      LocalDate runDate,
      Consumer<String> out) {
    this.spark = spark;
    this.lake = lake;
    this.workRoot = workRoot.replaceAll("/+$", "");
    this.scaledSymbols = scaledSymbols;
    this.runDate = runDate;
    this.out = out;
  }

  /** Whether {@code lake} has a {@code bronze.bars} table to recompute from. */
  public static boolean hasBronze(SparkSession spark, LakeLayout lake) {
    return DeltaTable.isDeltaTable(spark, lake.table(LakeTable.BRONZE_BARS).toString());
  }

  /**
   * Imports the Stooq daily set into {@code lake}'s bronze unless it has bronze bars already.
   *
   * @param stooq the {@code stooq-daily-us} directory
   * @param quarantine where rejected rows are kept
   */
  public static void importStooqIfMissing(
      SparkSession spark, LakeLayout lake, Path stooq, Path quarantine, Consumer<String> out) {
    if (hasBronze(spark, lake)) {
      return;
    }
    Object where = "file".equals(lake.root().getScheme()) ? Path.of(lake.root()) : lake.root();
    out.accept("importing " + stooq + " into " + where);
    try (QuarantineFile rejected = new QuarantineFile(quarantine)) {
      new HistoryImport(() -> spark, lake, Clock.systemUTC(), out)
          .run(
              RecordedSource.STOOQ_DAILY.code(),
              stooq,
              List.of(),
              HistoryImport.FactorFiles.none(),
              rejected);
      if (rejected.count() > 0) {
        out.accept(
            String.format(
                Locale.ROOT, "%,d rejected rows kept in %s", rejected.count(), rejected.file()));
      }
    }
  }

  /** One timed recompute. */
  public record Result(String set, String sink, long bronzeRows, double seconds) {
    public double rowsPerSecond() {
      return bronzeRows / seconds;
    }
  }

  /** Runs every recompute and prints the report; returns the results. */
  public List<Result> run() {
    spark.sparkContext().addSparkListener(steps);
    try {
      return runAll();
    } finally {
      spark.sparkContext().removeSparkListener(steps);
    }
  }

  private List<Result> runAll() {
    List<Result> results = new ArrayList<>();
    long symbols = bronze(lake).select(BarColumns.SYMBOL).distinct().count();
    out.accept("warm-up: one untimed recompute into the no-op sink (JIT, Spark and Delta caches)");
    new BatchJob(
            spark,
            BatchConfig.lakeOnly(new LakeConfig(lake), 10, false, Duration.ZERO),
            Clock.systemUTC(),
            line -> {},
            ViewSink.noop())
        .run(runDate, OptionalLong.empty());
    spark.catalog().clearCache();
    results.addAll(runSet(symbols + " symbols", lake, "base"));
    LakeLayout scaled = scaledLake(symbols);
    results.addAll(runSet(scaledSymbols + " symbols", scaled, "scaled"));
    report(results);
    return results;
  }

  private List<Result> runSet(String set, LakeLayout setLake, String name) {
    long rows = bronze(setLake).count();
    out.accept(String.format(Locale.ROOT, "%s: %,d bronze bars", set, rows));
    List<Result> results = new ArrayList<>();
    BatchConfig config =
        BatchConfig.lakeOnly(new LakeConfig(setLake), 10, true, Duration.ofDays(7));
    results.add(time(set, "delta", rows, config, ViewSink.delta(spark, setLake)));
    results.add(
        time(set, "parquet", rows, config, ViewSink.parquet(spark, workRoot + "/parquet-" + name)));
    results.add(time(set, "noop", rows, config, ViewSink.noop()));
    spark.catalog().clearCache();
    return results;
  }

  private Result time(String set, String sink, long rows, BatchConfig config, ViewSink viewSink) {
    steps.awaitQuiet();
    steps.reset();
    long started = System.nanoTime();
    // The run's own lines: each table's write (its plan computed as it is written) and the
    // maintenance due, then each step's Spark metrics, so the report shows where the time goes.
    new BatchJob(
            spark,
            config,
            Clock.systemUTC(),
            line -> out.accept("    " + sink + " " + line),
            viewSink)
        .run(runDate, OptionalLong.empty());
    double seconds = (System.nanoTime() - started) / 1e9;
    Result result = new Result(set, sink, rows, seconds);
    out.accept(
        String.format(
            Locale.ROOT,
            "  %-8s %8.1f s  %,12.0f bronze rows/s",
            sink,
            seconds,
            result.rowsPerSecond()));
    steps.awaitQuiet();
    steps.report().forEach(line -> out.accept("    " + sink + " " + line));
    return result;
  }

  /** The scaled lake: bronze bars replicated under new symbols, written once and reused. */
  private LakeLayout scaledLake(long baseSymbols) {
    LakeLayout scaled = LakeLayout.of(workRoot + "/lake-" + scaledSymbols);
    String path = scaled.table(LakeTable.BRONZE_BARS).toString();
    if (DeltaTable.isDeltaTable(spark, path)
        && bronze(scaled).select(BarColumns.SYMBOL).distinct().count() == scaledSymbols) {
      return scaled;
    }
    out.accept("writing the scaled bronze set to " + path);
    Dataset<Row> base = bronze(lake);
    List<String> chosen = new ArrayList<>();
    List<Row> symbols =
        base.select(BarColumns.SYMBOL).distinct().orderBy(BarColumns.SYMBOL).collectAsList();
    Dataset<Row> replicated = null;
    for (int copy = 0; chosen.size() < scaledSymbols; copy++) {
      List<String> names = new ArrayList<>();
      for (Row row : symbols) {
        if (chosen.size() + names.size() < scaledSymbols) {
          names.add(row.getString(0));
        }
      }
      String suffix = copy == 0 ? "" : "." + copy;
      Dataset<Row> part =
          base.filter(col(BarColumns.SYMBOL).isin(names.toArray()))
              .withColumn(BarColumns.SYMBOL, concat(col(BarColumns.SYMBOL), lit(suffix)))
              .withColumn(
                  BronzeColumns.LINEAGE_FILE,
                  concat(lit("copy-" + copy + "/"), col(BronzeColumns.LINEAGE_FILE)));
      replicated = replicated == null ? part : replicated.unionByName(part);
      names.forEach(name -> chosen.add(name + suffix));
      if (baseSymbols == 0) {
        break;
      }
    }
    replicated
        .write()
        .format("delta")
        .mode("overwrite")
        .partitionBy(BronzeColumns.SOURCE)
        .save(path);
    return scaled;
  }

  private Dataset<Row> bronze(LakeLayout layout) {
    return spark.read().format("delta").load(layout.table(LakeTable.BRONZE_BARS).toString());
  }

  private void report(List<Result> results) {
    out.accept("");
    out.accept(
        String.format(
            Locale.ROOT,
            "%-12s %-8s %14s %10s %16s",
            "set",
            "sink",
            "bronze rows",
            "seconds",
            "rows/s"));
    for (Result result : results) {
      out.accept(
          String.format(
              Locale.ROOT,
              "%-12s %-8s %,14d %10.1f %,16.0f",
              result.set(),
              result.sink(),
              result.bronzeRows(),
              result.seconds(),
              result.rowsPerSecond()));
    }
    out.accept("");
    for (String set : results.stream().map(Result::set).distinct().toList()) {
      double delta = seconds(results, set, "delta");
      out.accept(
          String.format(
              Locale.ROOT,
              "%s: Delta takes %.2fx the time of Parquet and %.2fx that of the no-op sink"
                  + " (Delta includes the run record and the maintenance due, shown above)",
              set,
              delta / seconds(results, set, "parquet"),
              delta / seconds(results, set, "noop")));
    }
  }

  private static double seconds(List<Result> results, String set, String sink) {
    return results.stream()
        .filter(result -> result.set().equals(set) && result.sink().equals(sink))
        .findFirst()
        .orElseThrow()
        .seconds();
  }
}
