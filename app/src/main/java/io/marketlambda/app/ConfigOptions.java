package io.marketlambda.app;

import io.marketlambda.core.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/**
 * The configuration options every job command shares: properties files plus {@code --conf
 * key=value} overrides, read into one {@link Settings}. Use as a picocli {@code @Mixin}.
 *
 * <p>Without {@code --config}, the local stack's endpoints file ({@value #LOCAL_STACK_ENDPOINTS})
 * is read when it exists, so commands find the embedded Kafka, HBase and HDFS by default.
 */
final class ConfigOptions {
  static final String LOCAL_STACK_ENDPOINTS = "work/local-stack/endpoints.properties";
  private static final Logger log = LoggerFactory.getLogger(ConfigOptions.class);

  @Option(
      names = "--config",
      paramLabel = "<file>",
      description = {
        "A properties file of settings; may repeat, later files win.",
        "Default: " + LOCAL_STACK_ENDPOINTS + " when it exists."
      })
  private List<Path> files = new ArrayList<>();

  @Option(
      names = "--conf",
      paramLabel = "<key=value>",
      description =
          "One setting, overriding the files; may repeat, e.g. --conf lake.root=/data/lake.")
  private List<String> overrides = new ArrayList<>();

  /**
   * Reads the files, then applies the overrides.
   *
   * @throws io.marketlambda.core.config.ConfigException naming the file or the entry at fault
   */
  Settings settings() {
    List<Path> sources = files;
    Path endpoints = Path.of(LOCAL_STACK_ENDPOINTS);
    if (sources.isEmpty() && Files.isRegularFile(endpoints)) {
      log.info("Using the local stack's endpoints from {}", endpoints);
      sources = List.of(endpoints);
    }
    Settings settings = Settings.empty();
    for (Path file : sources) {
      settings = settings.merge(Settings.load(file));
    }
    return settings.withOverrides(overrides);
  }
}
