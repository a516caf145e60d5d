package io.marketlambda.app;

import io.marketlambda.core.config.Settings;
import io.marketlambda.speed.SpeedApplication;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code marketlambda speed}: the speed layer in local Spark. */
@Command(
    name = "speed",
    mixinStandardHelpOptions = true,
    header = "Runs the speed layer: quotes from Kafka to the HBase realtime views.",
    description = {
      "Local Spark (local[*]); latest quote, 1m/5m/15m/1h bars, 1-minute indicators and",
      "provisional alerts (also on the alerts topic); invalid quotes go to the dead-letter topic,",
      "late ones to the late topic. Prometheus metrics on speed.metrics-port (9464).",
      "Creates the view tables when absent; resumes from its checkpoints under lake.root.",
      "On a cluster, spark-submit --class io.marketlambda.speed.SpeedApplication instead."
    })
final class SpeedCommand implements Callable<Integer> {
  @Mixin ConfigOptions config;

  @Option(
      names = "--available-now",
      description =
          "Process what the topic holds now, then stop; the same as --conf speed.trigger=available-now.")
  boolean availableNow;

  @Override
  public Integer call() throws Exception {
    Settings settings = config.settings();
    if (availableNow) {
      settings = settings.withOverrides(List.of("speed.trigger=available-now"));
    }
    SpeedApplication.run(settings);
    return 0;
  }
}
