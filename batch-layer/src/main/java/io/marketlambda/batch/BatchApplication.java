package io.marketlambda.batch;

import io.marketlambda.batch.run.BatchConfig;
import io.marketlambda.batch.run.BatchJob;
import io.marketlambda.core.config.MainArguments;
import io.marketlambda.core.config.Settings;
import io.marketlambda.core.config.SettingsOptions;
import java.time.Clock;
import java.time.LocalDate;
import java.util.OptionalLong;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The nightly batch's {@code main}, for {@code spark-submit}, Oozie's Spark action and the
 * Databricks JAR task:
 *
 * <pre>
 * spark-submit --class io.marketlambda.batch.BatchApplication batch-layer-spark.jar \
 *     --run-date 2013-10-04 [--as-of-version N] [--config file.properties]... [--conf k=v]...
 * </pre>
 *
 * Uses the environment's SparkSession (with Delta Lake configured when it is not already), never
 * stops it and never calls {@code System.exit}: on Databricks either would fail the job run. A bad
 * argument throws {@link IllegalArgumentException} naming it, with the usage; {@code --help} prints
 * the usage and runs nothing.
 */
public final class BatchApplication {
  private static final Logger log = LoggerFactory.getLogger(BatchApplication.class);

  private BatchApplication() {}

  public static void main(String[] args) {
    Arguments arguments = Arguments.parse(args);
    if (arguments != null) {
      run(arguments.settings.settings(), arguments.runDate, arguments.asOfVersion);
    }
  }

  /** Runs one batch with the given configuration, its progress lines logged at INFO. */
  public static BatchJob.Run run(Settings settings, LocalDate runDate, OptionalLong asOfVersion) {
    return run(settings, runDate, asOfVersion, line -> {});
  }

  /**
   * Runs one batch with the given configuration; each progress line (a table written, the serving
   * copy) is logged at INFO and handed to {@code progress}, e.g. for a progress bar.
   */
  public static BatchJob.Run run(
      Settings settings,
      LocalDate runDate,
      OptionalLong asOfVersion,
      java.util.function.Consumer<String> progress) {
    BatchConfig config = BatchConfig.from(settings);
    SparkSession spark = BatchSession.getOrCreate("marketlambda-batch", settings);
    return new BatchJob(
            spark,
            config,
            Clock.systemUTC(),
            line -> {
              log.info(line);
              progress.accept(line);
            })
        .run(runDate, asOfVersion);
  }

  /** The command line, read by picocli: {@code --run-date}, {@code --as-of-version}, settings. */
  @Command(
      name = "BatchApplication",
      mixinStandardHelpOptions = true,
      header = "Runs the nightly recompute of the batch views for one run date.",
      description =
          "For spark-submit, Oozie's Spark action and the Databricks JAR task; "
              + "bin/marketlambda batch is the same from the command line.")
  static final class Arguments {
    @Mixin SettingsOptions settings = new SettingsOptions();

    @Option(
        names = "--run-date",
        required = true,
        paramLabel = "<yyyy-mm-dd>",
        description = "The trading date (America/New_York) the run is for.")
    LocalDate runDate;

    @Option(
        names = "--as-of-version",
        paramLabel = "<version>",
        description =
            "Recompute from bronze as it was at this Delta version (0 or more), not the latest.")
    void asOfVersion(long version) {
      if (version < 0) {
        throw new ParameterException(
            spec.commandLine(),
            "Invalid value for option '--as-of-version': '"
                + version
                + "' is not a Delta version (0 or more)");
      }
      asOfVersion = OptionalLong.of(version);
    }

    OptionalLong asOfVersion = OptionalLong.empty();

    @Spec CommandSpec spec;

    /**
     * Reads {@code args}; {@code null} when {@code --help} was printed.
     *
     * @throws IllegalArgumentException naming the argument and value at fault
     */
    static Arguments parse(String... args) {
      Arguments arguments = new Arguments();
      return MainArguments.parse(arguments, args) ? arguments : null;
    }
  }
}
