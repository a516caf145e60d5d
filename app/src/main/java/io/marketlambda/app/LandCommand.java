package io.marketlambda.app;

import io.marketlambda.batch.BatchSession;
import io.marketlambda.batch.bronze.QuoteLanding;
import io.marketlambda.core.config.LakeConfig;
import io.marketlambda.core.config.Settings;
import io.marketlambda.core.config.TopicsConfig;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code marketlambda land}: the quotes topic into bronze, the first step of the nightly run. */
@Command(
    name = "land",
    mixinStandardHelpOptions = true,
    header = "Lands the quotes topic into bronze.quotes, then stops.",
    description = {
      "Every record not landed yet goes to bronze.quotes (Delta, under lake.root), unparsed,",
      "with topic, partition and offset (Trigger.AvailableNow).",
      "Exactly once: its checkpoint is <lake.root>/_checkpoints/land-quotes.",
      "Records the topic's retention removed before they were landed are reported (offset",
      "ranges) and the run goes on; land.fail-on-data-loss=true makes it fail instead."
    })
final class LandCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ConfigOptions config;

  @Override
  public Integer call() {
    Settings settings = config.settings();
    PrintWriter out = spec.commandLine().getOut();
    new QuoteLanding(
            BatchSession.getOrCreate("marketlambda-land", settings),
            LakeConfig.from(settings).layout(),
            settings.withPrefixStripped("kafka."),
            TopicsConfig.from(settings).quotes(),
            settings.get(QuoteLanding.FAIL_ON_DATA_LOSS),
            out::println)
        .run();
    out.flush();
    return 0;
  }
}
