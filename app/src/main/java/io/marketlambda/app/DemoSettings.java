package io.marketlambda.app;

import io.marketlambda.core.config.Settings;
import io.marketlambda.ingest.kafka.KafkaPublishConfig;
import io.marketlambda.localstack.LocalStackProcess;
import io.marketlambda.views.SparkSessions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The demo's settings: the local stack's endpoints, its lake and API key, and the user's --conf.
 */
final class DemoSettings {
  private DemoSettings() {}

  /**
   * Returns the settings as {@code key=value} entries, writing a fresh API key to {@code
   * <work>/api-keys}.
   *
   * @param overrides the user's {@code --conf key=value}, applied last
   * @throws IOException when the key file cannot be written
   */
  static List<String> entries(
      LocalStackProcess stack, Path work, int servingPort, List<String> overrides)
      throws IOException {
    Path keys = work.resolve("api-keys");
    byte[] random = new byte[16];
    new SecureRandom().nextBytes(random);
    Files.writeString(
        keys,
        "# API keys of the demo's serving layer, one per line\n"
            + HexFormat.of().formatHex(random)
            + "\n",
        StandardCharsets.UTF_8);
    List<String> demo =
        List.of(
            "lake.root=" + work.resolve("lake").toAbsolutePath(),
            // The live day is 2013-10-07: realtime cells older than their TTL would be invisible.
            "realtime.ttl=10000d",
            "batch.serving-copy=true",
            // The history loads beside the live day: a fresh lake has nothing to compact or
            // vacuum, and the views query need not run micro-batches back to back (the latest
            // quote has its own continuous query) to leave the batch some of the cores.
            "batch.optimize=false",
            "batch.vacuum-retention=0s",
            "speed.trigger-interval=1s",
            "serving.http.port=" + servingPort,
            "serving.api-keys-file=" + keys.toAbsolutePath(),
            "speed.metrics-port=0",
            // The replay is recorded history: with --speed max the minute bars of Tuesday to
            // Friday race ahead of Monday's trades on the other topic, and the speed layer's one
            // watermark would call those trades late. A week covers the live days.
            "speed.watermark=7d",
            // Task slots beyond the cores: the speed layer's continuous latest-quote query holds
            // one per quotes partition for as long as it runs, and the views query needs two
            // more (the batch shares the session); with fewer it runs micro-batches.
            "spark.master=local["
                + (Runtime.getRuntime().availableProcessors()
                    + Settings.of(Map.of())
                        .withOverrides(overrides)
                        .get(KafkaPublishConfig.PARTITIONS)
                    + 2)
                + ","
                + SparkSessions.LOCAL_TASK_ATTEMPTS
                + "]");
    List<String> entries = new ArrayList<>();
    stack.endpoints().asProperties().forEach((key, value) -> entries.add(key + "=" + value));
    entries.addAll(demo);
    entries.addAll(overrides);
    return entries;
  }

  /** The first API key of {@code <work>/api-keys}. */
  static String apiKey(Path work) throws IOException {
    return Files.readString(work.resolve("api-keys"), StandardCharsets.UTF_8)
        .lines()
        .filter(line -> !line.startsWith("#"))
        .findFirst()
        .orElseThrow();
  }

  /**
   * Returns the market data directory: {@code dataDir}, else {@code data/} of the installation.
   *
   * @throws IllegalArgumentException when it lacks {@code lean/daily} or {@code lean/tick}
   */
  static Path dataDirectory(Path dataDir) {
    Path data = dataDir;
    if (data == null) {
      String home = System.getenv("MARKETLAMBDA_HOME");
      data = home == null ? Path.of("data") : Path.of(home, "data");
    }
    if (!Files.isDirectory(data.resolve("lean").resolve("daily"))
        || !Files.isDirectory(data.resolve("lean").resolve("tick"))) {
      throw new IllegalArgumentException(
          "Cannot use --data-dir "
              + data
              + ": it has no lean/daily and lean/tick directories (the bundled data/ or"
              + " ../shared/data)");
    }
    return data;
  }
}
