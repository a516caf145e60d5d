package io.marketlambda.speed;

import io.marketlambda.core.config.MainArguments;
import io.marketlambda.core.config.Settings;
import io.marketlambda.core.config.SettingsOptions;
import io.marketlambda.hbaseviews.realtime.RealtimeViewsSchema;
import io.marketlambda.speed.stream.SharedProducers;
import io.marketlambda.speed.stream.SpeedConfig;
import io.marketlambda.speed.stream.SpeedJob;
import io.marketlambda.speed.stream.SpeedMetrics;
import io.marketlambda.speed.stream.SpeedProgressLog;
import io.marketlambda.views.SparkSessions;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The speed layer's {@code main}, for {@code spark-submit} and {@code marketlambda speed}:
 *
 * <pre>
 * spark-submit --class io.marketlambda.speed.SpeedApplication speed-layer.jar \
 *     [--config file.properties]... [--conf key=value]...
 * </pre>
 *
 * Uses the SparkSession of the environment (spark-submit, Databricks) and {@code local[*]} when
 * none is configured; creates the realtime view tables when absent, starts the queries and waits
 * for them. Never stops the session or exits the JVM, as a Databricks JAR task requires: a bad
 * argument throws {@link IllegalArgumentException} naming it, {@code --help} prints the usage.
 */
public final class SpeedApplication {
  private static final Logger log = LoggerFactory.getLogger(SpeedApplication.class);

  private SpeedApplication() {}

  public static void main(String[] args) throws StreamingQueryException {
    Arguments arguments = new Arguments();
    if (MainArguments.parse(arguments, args)) {
      run(arguments.settings.settings());
    }
  }

  /**
   * Runs the speed layer until its queries stop (with {@code speed.trigger=available-now}) or one
   * fails for good: a failed query is restarted with all the others from their checkpoints, after a
   * back-off ({@link QuerySupervisor}, {@code speed.restart.*}).
   *
   * @throws StreamingQueryException when a query fails and its restarts are spent; the message
   *     names the query and cause
   */
  public static void run(Settings settings) throws StreamingQueryException {
    SpeedConfig config = SpeedConfig.from(settings);
    SparkSession spark =
        SparkSessions.getOrCreate("marketlambda-speed", SpeedJob.withTaskSlots(settings));
    SpeedMetrics metrics = new SpeedMetrics();
    SpeedProgressLog progressLog = new SpeedProgressLog(metrics, config.triggerInterval());
    spark.streams().addListener(progressLog);
    HTTPServer metricsServer = null;
    try {
      if (config.metricsPort() > 0) {
        metricsServer = metrics.serve(config.metricsPort());
        log.info("Metrics at http://localhost:{}/metrics", metricsServer.getPort());
      }
      new QuerySupervisor(
              spark,
              () -> start(spark, config, metrics),
              config.restarts(),
              metrics::restarted,
              wait -> Thread.sleep(wait.toMillis()))
          .run();
    } finally {
      spark.streams().removeListener(progressLog);
      SharedProducers.closeAll();
      if (metricsServer != null) {
        metricsServer.close();
      }
    }
  }

  /** Creates the realtime view tables that are missing (again, after an outage) and starts. */
  private static List<StreamingQuery> start(
      SparkSession spark, SpeedConfig config, SpeedMetrics metrics) {
    List<?> created = RealtimeViewsSchema.createIfAbsent(config.hbase(), config.views());
    if (!created.isEmpty()) {
      log.info("Realtime views in namespace {}: created {}", config.views().namespace(), created);
    }
    return new SpeedJob(spark, config, metrics).start();
  }

  /** The command line, read by picocli: the settings. */
  @Command(
      name = "SpeedApplication",
      mixinStandardHelpOptions = true,
      header = "Runs the speed layer: quotes from Kafka to the HBase realtime views.",
      description =
          "For spark-submit and the Databricks JAR task; "
              + "bin/marketlambda speed is the same from the command line.")
  static final class Arguments {
    @Mixin SettingsOptions settings = new SettingsOptions();
  }
}
