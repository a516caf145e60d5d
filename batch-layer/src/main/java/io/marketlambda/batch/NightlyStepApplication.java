package io.marketlambda.batch;

import io.marketlambda.batch.bronze.QuoteLanding;
import io.marketlambda.batch.run.BatchConfig;
import io.marketlambda.batch.run.BatchJob;
import io.marketlambda.batch.run.BatchRunColumns;
import io.marketlambda.batch.run.BatchRuns;
import io.marketlambda.batch.serving.ServingCopyExport;
import io.marketlambda.core.config.MainArguments;
import io.marketlambda.core.config.Settings;
import io.marketlambda.core.config.SettingsOptions;
import io.marketlambda.core.config.TopicsConfig;
import io.marketlambda.core.lake.LakeLayout;
import io.marketlambda.core.lake.LakeTable;
import io.marketlambda.views.SparkTimes;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The {@code main} of the nightly workflow's steps around the recompute ({@link BatchApplication}),
 * for Oozie's Spark action and the Databricks JAR task:
 *
 * <pre>
 * spark-submit --class io.marketlambda.batch.NightlyStepApplication batch-layer-spark.jar \
 *     land|export-serving-copy|verify --run-date 2013-10-04 [--config file]... [--conf k=v]...
 * </pre>
 *
 * <ul>
 *   <li>{@code land}: the quotes topic into {@code bronze.quotes} ({@link QuoteLanding});
 *   <li>{@code export-serving-copy}: the last run's gold views, at the versions it recorded, into
 *       the HBase serving copy ({@link ServingCopyExport}); the run must be of {@code --run-date};
 *   <li>{@code verify}: fails unless the last run is of {@code --run-date} and wrote rows to every
 *       gold table of {@link BatchJob#GOLD}.
 * </ul>
 *
 * Like {@link BatchApplication}, never stops the SparkSession nor calls {@code System.exit}; a bad
 * argument throws {@link IllegalArgumentException} naming it (with the usage), a failed check
 * {@link IllegalStateException}; {@code --help} prints the usage and runs nothing.
 */
public final class NightlyStepApplication {
  /** The steps, as named on the command line. */
  public static final List<String> STEPS = List.of("land", "export-serving-copy", "verify");

  private static final Logger log = LoggerFactory.getLogger(NightlyStepApplication.class);

  private NightlyStepApplication() {}

  public static void main(String[] args) {
    Arguments arguments = new Arguments();
    if (!MainArguments.parse(arguments, args)) {
      return;
    }
    Settings settings = arguments.settings.settings();
    SparkSession spark = BatchSession.getOrCreate("marketlambda-" + arguments.step, settings);
    BatchConfig config = BatchConfig.from(settings);
    LakeLayout lake = config.lake().layout();
    switch (arguments.step) {
      case "land" -> land(spark, lake, settings);
      case "export-serving-copy" -> exportServingCopy(spark, config, arguments.runDate);
      default -> verify(spark, lake, arguments.runDate);
    }
  }

  /** The command line, read by picocli: the step, {@code --run-date} and the settings. */
  @Command(
      name = "NightlyStepApplication",
      mixinStandardHelpOptions = true,
      header = "Runs one step of the nightly workflow around the recompute.",
      description = {
        "land: the quotes topic into bronze.quotes;",
        "export-serving-copy: the last run's gold views into the HBase serving copy;",
        "verify: fails unless the last run is of --run-date and wrote rows to every gold table."
      })
  static final class Arguments {
    @Parameters(
        index = "0",
        paramLabel = "<step>",
        completionCandidates = Steps.class,
        description = "One of: ${COMPLETION-CANDIDATES}.")
    void step(String value) {
      if (!STEPS.contains(value)) {
        throw new ParameterException(
            spec.commandLine(),
            "Invalid value for <step>: '" + value + "', expected one of " + STEPS);
      }
      step = value;
    }

    String step;

    @Option(
        names = "--run-date",
        required = true,
        paramLabel = "<yyyy-mm-dd>",
        description = "The trading date (America/New_York) of the nightly run.")
    LocalDate runDate;

    @Mixin SettingsOptions settings = new SettingsOptions();

    @Spec CommandSpec spec;
  }

  /** The steps, for picocli's usage and completion. */
  static final class Steps implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return STEPS.iterator();
    }
  }

  private static void land(SparkSession spark, LakeLayout lake, Settings settings) {
    new QuoteLanding(
            spark,
            lake,
            settings.withPrefixStripped("kafka."),
            TopicsConfig.from(settings).quotes(),
            settings.get(QuoteLanding.FAIL_ON_DATA_LOSS),
            log::info)
        .run();
  }

  private static void exportServingCopy(SparkSession spark, BatchConfig config, LocalDate date) {
    LakeLayout lake = config.lake().layout();
    Row run = runOf(spark, lake, date, "export the serving copy");
    Map<String, Long> versions = run.getJavaMap(run.fieldIndex(BatchRunColumns.TABLE_VERSIONS));
    Map<String, Instant> watermarks = new TreeMap<>();
    run.<String, Object>getJavaMap(run.fieldIndex(BatchRunColumns.WATERMARKS))
        .forEach((symbol, watermark) -> watermarks.put(symbol, SparkTimes.instant(watermark)));
    new ServingCopyExport(
            spark,
            config.hbase(),
            config.views(),
            new org.apache.hadoop.fs.Path(lake.staging("hfiles")).toString(),
            Clock.systemUTC(),
            log::info)
        .export(
            run.getAs(BatchRunColumns.RUN_ID),
            date,
            BatchRuns.read(spark, lake, LakeTable.GOLD_BARS_DAILY, versions),
            BatchRuns.read(spark, lake, LakeTable.GOLD_BARS_WEEKLY, versions),
            BatchRuns.read(spark, lake, LakeTable.GOLD_BARS_MONTHLY, versions),
            BatchRuns.read(spark, lake, LakeTable.GOLD_INDICATORS_DAILY, versions),
            watermarks);
  }

  private static void verify(SparkSession spark, LakeLayout lake, LocalDate date) {
    Row run = runOf(spark, lake, date, "verify the run");
    Map<String, Long> rows = run.getJavaMap(run.fieldIndex(BatchRunColumns.ROW_COUNTS));
    for (LakeTable table : BatchJob.GOLD) {
      if (rows.getOrDefault(table.qualifiedName(), 0L) <= 0) {
        throw new IllegalStateException(
            "Cannot verify the run of "
                + date
                + ": it wrote no rows to "
                + table.qualifiedName()
                + " (row counts "
                + rows
                + ")");
      }
    }
    log.info("verified run {} of {}: {}", run.getAs(BatchRunColumns.RUN_ID), date, rows);
  }

  /** The last run, which must be of {@code date}. */
  private static Row runOf(SparkSession spark, LakeLayout lake, LocalDate date, String what) {
    Row run =
        BatchRuns.latest(spark, lake)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Cannot " + what + " of " + date + ": no run in " + lake.batchRuns()));
    Object value = run.getAs(BatchRunColumns.RUN_DATE);
    LocalDate last = value instanceof Date sqlDate ? sqlDate.toLocalDate() : (LocalDate) value;
    if (!last.equals(date)) {
      throw new IllegalStateException(
          "Cannot " + what + " of " + date + ": the last run is of " + last + "; run the batch");
    }
    return run;
  }
}
