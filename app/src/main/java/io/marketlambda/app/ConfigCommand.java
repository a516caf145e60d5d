package io.marketlambda.app;

import io.marketlambda.batch.bronze.QuoteLanding;
import io.marketlambda.batch.run.BatchConfig;
import io.marketlambda.core.config.ConfigKey;
import io.marketlambda.core.config.LakeConfig;
import io.marketlambda.core.config.TopicsConfig;
import io.marketlambda.hbaseviews.HBaseViewsConfig;
import io.marketlambda.ingest.kafka.KafkaPublishConfig;
import io.marketlambda.serving.ServingConfig;
import io.marketlambda.sources.alphavantage.AlphaVantageConfig;
import io.marketlambda.speed.stream.SpeedConfig;
import io.marketlambda.views.BarsPipeline;
import io.marketlambda.views.WireQuotes;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code marketlambda config}: every setting the commands read, with its default. */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    header = "Lists every setting with its default and what it sets.",
    description = {
      "Every key the commands read from --config files and --conf key=value, by the part that",
      "reads it, with its default (\"(none)\" when it has none) and its description.",
      "Client settings also pass through by prefix: kafka.*, hbase.*, spark.*."
    })
final class ConfigCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** The keys by the part of the system that reads them, each key once (where first read). */
  static Map<String, List<ConfigKey<?>>> keysByPart() {
    Map<String, List<ConfigKey<?>>> parts = new LinkedHashMap<>();
    parts.put("lake", LakeConfig.keys());
    parts.put("Kafka topics", TopicsConfig.keys());
    parts.put("Kafka publishing (ingest, replay)", KafkaPublishConfig.keys());
    parts.put("Alpha Vantage (ingest alphavantage)", AlphaVantageConfig.keys());
    parts.put("HBase views (speed, batch, serve)", HBaseViewsConfig.keys());
    parts.put(
        "both layers (speed, batch)",
        List.of(BarsPipeline.PRICE_EXCLUDED_CONDITIONS, WireQuotes.MAX_EVENT_TIME_AHEAD));
    parts.put("speed layer (speed)", SpeedConfig.keys());
    List<ConfigKey<?>> batch = new ArrayList<>(BatchConfig.keys());
    batch.add(QuoteLanding.FAIL_ON_DATA_LOSS);
    parts.put("batch layer (land, batch)", batch);
    parts.put("serving layer (serve, query)", ServingConfig.keys());
    Set<String> seen = new HashSet<>();
    Map<String, List<ConfigKey<?>>> once = new LinkedHashMap<>();
    parts.forEach(
        (part, keys) -> {
          List<ConfigKey<?>> fresh = keys.stream().filter(key -> seen.add(key.name())).toList();
          if (!fresh.isEmpty()) {
            once.put(part, fresh);
          }
        });
    return once;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Map<String, List<ConfigKey<?>>> parts = keysByPart();
    int nameWidth =
        parts.values().stream()
            .flatMap(List::stream)
            .mapToInt(key -> key.name().length())
            .max()
            .orElse(0);
    int defaultWidth =
        Math.min(
            24,
            parts.values().stream()
                .flatMap(List::stream)
                .mapToInt(key -> key.defaultText().orElse("(none)").length())
                .max()
                .orElse(0));
    String format = "  %-" + nameWidth + "s  %-" + defaultWidth + "s  %s%n";
    parts.forEach(
        (part, keys) -> {
          out.println(part + ":");
          for (ConfigKey<?> key : keys) {
            out.printf(
                Locale.ROOT,
                format,
                key.name(),
                key.defaultText().orElse("(none)"),
                key.description());
          }
        });
    out.flush();
    return 0;
  }
}
