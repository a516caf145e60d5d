package io.marketlambda.core.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Configuration that cannot be used: a missing required key, a value that does not parse, an
 * unreadable config file or a malformed override. Raised at start-up; the message names the key (or
 * file, or override) and the bad value, then why.
 */
public final class ConfigException extends IllegalArgumentException {
  private final String key;
  private final String value;

  private ConfigException(String message, String key, String value, Throwable cause) {
    super(message, cause);
    this.key = key;
    this.value = value;
  }

  /**
   * Returns the exception for a value that is present but unusable: {@code Cannot read config key
   * '<key>': value '<value>' <reason>}.
   *
   * @param reason why, starting with a verb, e.g. {@code is not a duration (examples: 500ms)}
   */
  public static ConfigException invalidValue(String key, String value, String reason) {
    return invalidValue(key, value, reason, null);
  }

  /**
   * Like {@link #invalidValue(String, String, String)}, chaining the failure that revealed it.
   *
   * @param cause the lower-level failure, or {@code null}
   */
  public static ConfigException invalidValue(
      String key, String value, String reason, Throwable cause) {
    return new ConfigException(
        "Cannot read config key '" + key + "': value '" + value + "' " + reason, key, value, cause);
  }

  /** {@code Cannot read config key '<key>': missing; <description>}. */
  static ConfigException missing(ConfigKey<?> key) {
    return new ConfigException(
        "Cannot read config key '" + key.name() + "': missing; " + key.description(),
        key.name(),
        null,
        null);
  }

  /** {@code Cannot read config file <file>: <reason>}; {@link #value()} is the file. */
  static ConfigException unreadableFile(Path file, String reason, Throwable cause) {
    return new ConfigException(
        "Cannot read config file " + file + ": " + reason, null, file.toString(), cause);
  }

  /** {@code Cannot read config override '<entry>': ...}; {@link #value()} is the entry. */
  static ConfigException malformedOverride(String entry) {
    return new ConfigException(
        "Cannot read config override '"
            + entry
            + "': expected key=value, e.g. lake.root=/data/lake",
        null,
        entry,
        null);
  }

  /** Returns the config key at fault, or empty for a config file or override at fault. */
  public Optional<String> key() {
    return Optional.ofNullable(key);
  }

  /**
   * Returns the bad value: the key's raw value, the config file's path or the malformed override;
   * empty for a missing key.
   */
  public Optional<String> value() {
    return Optional.ofNullable(value);
  }
}
