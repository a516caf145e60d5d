package io.marketlambda.batch;

import io.marketlambda.batch.run.BatchConfig;
import io.marketlambda.batch.run.BatchJob;
import io.marketlambda.core.config.Settings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * argument throws {@link IllegalArgumentException} naming it.
 */
public final class BatchApplication {
  private static final Logger log = LoggerFactory.getLogger(BatchApplication.class);

  private BatchApplication() {}

  public static void main(String[] args) {
    Arguments arguments = Arguments.parse(args);
    run(arguments.settings(), arguments.runDate(), arguments.asOfVersion());
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

  /**
   * The command line: {@code --run-date}, {@code --as-of-version}, {@code --config}, {@code
   * --conf}.
   */
  record Arguments(Settings settings, LocalDate runDate, OptionalLong asOfVersion) {
    static Arguments parse(String[] args) {
      Settings settings = Settings.empty();
      List<String> overrides = new ArrayList<>();
      LocalDate runDate = null;
      OptionalLong asOf = OptionalLong.empty();
      for (int i = 0; i < args.length; i++) {
        String option = args[i];
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("Cannot read argument '" + option + "': no value");
        }
        String value = args[++i];
        switch (option) {
          case "--config" -> settings = settings.merge(Settings.load(Path.of(value)));
          case "--conf" -> overrides.add(value);
          case "--run-date" -> runDate = date(value);
          case "--as-of-version" -> asOf = OptionalLong.of(version(value));
          default ->
              throw new IllegalArgumentException(
                  "Cannot read argument '"
                      + option
                      + "': expected --run-date, --as-of-version, --config or --conf");
        }
      }
      if (runDate == null) {
        throw new IllegalArgumentException(
            "Cannot run the batch: --run-date <yyyy-mm-dd> is missing");
      }
      return new Arguments(settings.withOverrides(overrides), runDate, asOf);
    }

    private static LocalDate date(String value) {
      try {
        return LocalDate.parse(value);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "Cannot read --run-date '" + value + "': expected yyyy-mm-dd", e);
      }
    }

    private static long version(String value) {
      try {
        long version = Long.parseLong(value);
        if (version >= 0) {
          return version;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException(
          "Cannot read --as-of-version '" + value + "': expected a Delta version, 0 or more");
    }
  }
}
