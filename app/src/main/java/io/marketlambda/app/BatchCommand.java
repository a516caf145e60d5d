package io.marketlambda.app;

import io.marketlambda.batch.BatchApplication;
import io.marketlambda.batch.run.BatchJob;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code marketlambda batch}: the nightly recompute, run by hand. */
@Command(
    name = "batch",
    mixinStandardHelpOptions = true,
    header = "Runs the nightly recompute of the batch views.",
    description = {
      "Recomputes silver and gold (Delta, under lake.root) from the bronze master data set, up to",
      "--run-date, and appends the run's record with the batch watermark per symbol to batch_runs.",
      "Reruns of a date write the same rows. On a cluster: spark-submit --class",
      "io.marketlambda.batch.BatchApplication batch-layer-<version>-spark.jar --run-date D."
    })
final class BatchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ConfigOptions config;

  @Option(
      names = "--run-date",
      required = true,
      paramLabel = "<yyyy-mm-dd>",
      description = "The last trading date (America/New_York) the views cover.")
  String runDate;

  @Option(
      names = "--as-of-version",
      paramLabel = "<n>",
      description =
          "Read bronze.bars at this Delta version (time travel), to reproduce a past run.")
  Long asOfVersion;

  @Override
  public Integer call() {
    LocalDate date;
    try {
      date = LocalDate.parse(runDate);
    } catch (java.time.DateTimeException e) {
      throw new ParameterException(
          spec.commandLine(), "Cannot read --run-date '" + runDate + "': expected yyyy-mm-dd");
    }
    if (asOfVersion != null && asOfVersion < 0) {
      throw new ParameterException(
          spec.commandLine(), "Cannot read --as-of-version " + asOfVersion + ": must be 0 or more");
    }
    BatchJob.Run run =
        BatchApplication.run(
            config.settings(),
            date,
            asOfVersion == null ? OptionalLong.empty() : OptionalLong.of(asOfVersion));
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        Locale.ROOT,
        "run %s: %,d symbols in %.1f s%n",
        run.runId(),
        run.watermarks().size(),
        run.took().toMillis() / 1000.0);
    run.rowCounts()
        .forEach(
            (table, rows) ->
                out.printf(
                    Locale.ROOT,
                    "  %-26s %,12d rows  version %d%n",
                    table,
                    rows,
                    run.tableVersions().get(table)));
    return 0;
  }
}
