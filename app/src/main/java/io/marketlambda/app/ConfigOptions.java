package io.marketlambda.app;

import io.marketlambda.core.config.Settings;
import io.marketlambda.core.config.SettingsOptions;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Mixin;

/**
 * The configuration options of every job command: core's {@link SettingsOptions} ({@code --config}
 * files and {@code --conf key=value} overrides), with the local stack's endpoints file ({@value
 * #LOCAL_STACK_ENDPOINTS}) read when no {@code --config} is given and it exists, so commands find
 * the embedded Kafka, HBase and HDFS by default. Use as a picocli {@code @Mixin}.
 */
final class ConfigOptions {
  static final String LOCAL_STACK_ENDPOINTS = "work/local-stack/endpoints.properties";
  private static final Logger log = LoggerFactory.getLogger(ConfigOptions.class);

  @Mixin private SettingsOptions options = new SettingsOptions();

  /**
   * Reads the files, then applies the overrides.
   *
   * @throws io.marketlambda.core.config.ConfigException naming the file or the entry at fault
   */
  Settings settings() {
    SettingsOptions.Read read = options.settingsOr(Path.of(LOCAL_STACK_ENDPOINTS));
    read.defaultFileRead()
        .ifPresent(file -> log.info("Using the local stack's endpoints from {}", file));
    return read.settings();
  }
}
