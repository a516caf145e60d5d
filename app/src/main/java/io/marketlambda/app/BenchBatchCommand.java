package io.marketlambda.app;

import io.marketlambda.batch.BatchSession;
import io.marketlambda.bench.batch.BatchBenchmark;
import io.marketlambda.core.config.LakeConfig;
import io.marketlambda.core.config.Settings;
import io.marketlambda.core.lake.LakeLayout;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code marketlambda bench batch}. */
@Command(
    name = "batch",
    mixinStandardHelpOptions = true,
    header = "Time of the nightly recompute into Delta, beside plain Parquet and a no-op sink.",
    description = {
      "Times the full recompute of the Stooq daily set (96 symbols, 20+ years) and of a scaled",
      "copy (the same bars under more symbols) into Delta, as the product runs it, next to the",
      "same job writing Parquet and writing to Spark's no-op sink, all in one run.",
      "Imports the Stooq set into the benchmark's own lake first when it is not there."
    })
final class BenchBatchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ConfigOptions config;

  @Mixin BenchCommand.DataDirOption data;

  @Option(
      names = "--symbols",
      paramLabel = "<n>",
      defaultValue = "500",
      description = "Symbols of the scaled set (default: ${DEFAULT-VALUE}).")
  int symbols;

  @Option(
      names = "--work",
      paramLabel = "<dir>",
      defaultValue = "work/bench/batch",
      description = "The benchmark's lakes and Parquet output (default: ${DEFAULT-VALUE}).")
  Path work;

  @Option(
      names = "--run-date",
      paramLabel = "<yyyy-mm-dd>",
      defaultValue = "2026-11-20",
      description = "The run date of every recompute (default: ${DEFAULT-VALUE}).")
  String runDate;

  @Override
  public Integer call() {
    Path stooq = data.directory.resolve("stooq-daily-us");
    if (!Files.isDirectory(stooq)) {
      throw new ParameterException(
          spec.commandLine(), "Cannot read " + stooq + ": not found (check --data-dir)");
    }
    if (symbols < 1) {
      throw new ParameterException(spec.commandLine(), "Cannot bench with --symbols " + symbols);
    }
    LocalDate date;
    try {
      date = LocalDate.parse(runDate);
    } catch (DateTimeException e) {
      throw new ParameterException(
          spec.commandLine(), "Cannot read --run-date '" + runDate + "': expected yyyy-mm-dd");
    }
    Path base = work.resolve("lake-stooq").toAbsolutePath();
    PrintWriter out = spec.commandLine().getOut();
    Consumer<String> lines =
        line -> {
          out.println(line);
          out.flush();
        };
    Settings settings = config.settings().withOverrides(List.of("lake.root=" + base));
    SparkSession spark = BatchSession.getOrCreate("marketlambda-bench-batch", settings);
    LakeLayout lake = LakeConfig.from(settings).layout();
    BatchBenchmark.importStooqIfMissing(
        spark, lake, stooq, work.resolve("quarantine.jsonl"), lines);
    new BatchBenchmark(spark, lake, work.toAbsolutePath().toUri().toString(), symbols, date, lines)
        .run();
    return 0;
  }
}
