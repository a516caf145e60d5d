package io.marketlambda.core.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The two options every process that takes settings shares, as a picocli {@code @Mixin}: {@code
 * --config <file>} (a properties file; may repeat, later files win) and {@code --conf key=value}
 * (one setting over the files; may repeat). Used by the {@code bin/marketlambda} commands and by
 * the layers' {@code main}s for {@code spark-submit}, Oozie and Databricks.
 */
public final class SettingsOptions {
  @Option(
      names = "--config",
      paramLabel = "<file>",
      // bin/marketlambda says more under this key: it reads the local stack's endpoints by default.
      descriptionKey = "marketlambda.config",
      description = "A properties file of settings; may repeat, later files win.")
  private List<Path> files = new ArrayList<>();

  @Option(
      names = "--conf",
      paramLabel = "<key=value>",
      description =
          "One setting, overriding the files; may repeat, e.g. --conf lake.root=/data/lake.")
  private List<String> overrides = new ArrayList<>();

  /**
   * Reads the {@code --config} files in order, then applies the {@code --conf} overrides.
   *
   * @throws ConfigException naming the file or the entry at fault
   */
  public Settings settings() {
    return settings(files);
  }

  /**
   * As {@link #settings()}, but reads {@code defaultFile} instead when no {@code --config} was
   * given and it exists.
   *
   * @return the settings, and the default file when it was read
   * @throws ConfigException naming the file or the entry at fault
   */
  public Read settingsOr(Path defaultFile) {
    if (files.isEmpty() && Files.isRegularFile(defaultFile)) {
      return new Read(settings(List.of(defaultFile)), Optional.of(defaultFile));
    }
    return new Read(settings(files), Optional.empty());
  }

  /** Settings read by {@link #settingsOr}, and the default file when that was what was read. */
  public record Read(Settings settings, Optional<Path> defaultFileRead) {}

  private Settings settings(List<Path> sources) {
    Settings settings = Settings.empty();
    for (Path file : sources) {
      settings = settings.merge(Settings.load(file));
    }
    return settings.withOverrides(overrides);
  }
}
