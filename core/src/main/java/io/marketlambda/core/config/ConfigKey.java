package io.marketlambda.core.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A typed config key: name, default value, one-line description and parser. Keys are constants
 * declared beside the config record that reads them, e.g.
 *
 * <pre>{@code
 * static final ConfigKey<Duration> TRIGGER_INTERVAL = ConfigKey.duration(
 *     "speed.trigger-interval", Duration.ofSeconds(5), "How often a micro-batch starts");
 * }</pre>
 *
 * <p>Names are lower case, {@code .} separates levels and {@code -} words within a level. Raw
 * values are stripped of surrounding white space before parsing; a blank value is never valid. A
 * key whose default is {@code null} is required.
 *
 * @param <T> the type of the value
 */
public final class ConfigKey<T> {
  private static final Predicate<Object> ANY = value -> true;
  private static final Pattern NAME =
      Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)*");

  private final String name;
  private final T defaultValue;
  private final String description;
  private final String expected;
  private final Function<String, T> parser;
  private final Predicate<? super T> valid;

  private ConfigKey(
      String name,
      T defaultValue,
      String description,
      String expected,
      Function<String, T> parser,
      Predicate<? super T> valid) {
    requireDefinition(
        name != null && NAME.matcher(name).matches(),
        name,
        "a name is lower-case words joined by . or -");
    requireDefinition(
        description != null && !description.isBlank(), name, "the description is blank");
    requireDefinition(
        defaultValue == null || valid.test(defaultValue),
        name,
        "default " + defaultValue + " is not " + expected);
    this.name = name;
    this.defaultValue = defaultValue;
    this.description = description;
    this.expected = expected;
    this.parser = parser;
    this.valid = valid;
  }

  /** A free-form non-blank string, e.g. a host list. */
  public static ConfigKey<String> string(String name, String defaultValue, String description) {
    return new ConfigKey<>(
        name, defaultValue, description, "a non-blank string", text -> text, ANY);
  }

  /**
   * A string matching {@code pattern} in full, e.g. a Kafka topic name.
   *
   * @param expected what a valid value is, for messages, e.g. {@code a Kafka topic name (...)}
   * @throws IllegalArgumentException when a non-null {@code defaultValue} does not match
   */
  public static ConfigKey<String> matching(
      String name, String defaultValue, Pattern pattern, String expected, String description) {
    return new ConfigKey<>(
        name,
        defaultValue,
        description,
        expected,
        text -> text,
        text -> pattern.matcher(text).matches());
  }

  /**
   * A decimal integer in {@code [min, max]}.
   *
   * @throws IllegalArgumentException when a non-null {@code defaultValue} is out of range
   */
  public static ConfigKey<Integer> integer(
      String name, Integer defaultValue, int min, int max, String description) {
    return new ConfigKey<>(
        name,
        defaultValue,
        description,
        "an integer in [" + min + ", " + max + "]",
        Integer::valueOf,
        value -> value >= min && value <= max);
  }

  /**
   * A finite decimal number in {@code [min, max]}, e.g. {@code 0.02}.
   *
   * @throws IllegalArgumentException when a non-null {@code defaultValue} is out of range
   */
  public static ConfigKey<Double> decimal(
      String name, Double defaultValue, double min, double max, String description) {
    return new ConfigKey<>(
        name,
        defaultValue,
        description,
        "a number in [" + min + ", " + max + "]",
        Double::valueOf,
        value -> Double.isFinite(value) && value >= min && value <= max);
  }

  /**
   * A non-negative duration: {@code 500ms}, {@code 1s}, {@code 2m}, {@code 1h}, {@code 1d} (24
   * hours), or ISO-8601 such as {@code PT1S}.
   */
  public static ConfigKey<Duration> duration(
      String name, Duration defaultValue, String description) {
    return new ConfigKey<>(
        name,
        defaultValue,
        description,
        "a duration (examples: " + ConfigSyntax.DURATION_EXAMPLES + ")",
        ConfigSyntax::parseDuration,
        ANY);
  }

  /** A URI, e.g. {@code hdfs://nn:8020/lake}. */
  public static ConfigKey<URI> uri(String name, URI defaultValue, String description) {
    return new ConfigKey<>(name, defaultValue, description, "a URI", URI::create, ANY);
  }

  /** A local file-system path, absolute or relative to the working directory. */
  public static ConfigKey<Path> path(String name, Path defaultValue, String description) {
    return new ConfigKey<>(name, defaultValue, description, "a file-system path", Path::of, ANY);
  }

  /** A boolean written exactly {@code true} or {@code false}. */
  public static ConfigKey<Boolean> bool(String name, Boolean defaultValue, String description) {
    return new ConfigKey<>(
        name, defaultValue, description, "true or false", ConfigSyntax::parseBoolean, ANY);
  }

  /**
   * A constant of {@code type}, written in lower case with {@code -} for {@code _}: {@code
   * DEAD_LETTER} is {@code dead-letter} in config.
   */
  public static <E extends Enum<E>> ConfigKey<E> enumeration(
      String name, Class<E> type, E defaultValue, String description) {
    String names =
        Arrays.stream(type.getEnumConstants())
            .map(ConfigSyntax::enumName)
            .collect(Collectors.joining(", "));
    return new ConfigKey<>(
        name,
        defaultValue,
        description,
        "one of " + names,
        text -> ConfigSyntax.parseEnum(type, text),
        ANY);
  }

  /**
   * A value of a type of the product's own, parsed by {@code parser}, written in config as its
   * {@code toString()}.
   *
   * @param expected what a valid value is, for messages, e.g. {@code none or sale conditions}
   * @param parser reads a stripped non-blank value; throws {@link IllegalArgumentException} with
   *     the reason when the value is invalid
   */
  public static <T> ConfigKey<T> parsed(
      String name,
      T defaultValue,
      String expected,
      Function<String, T> parser,
      String description) {
    return new ConfigKey<>(name, defaultValue, description, expected, parser, ANY);
  }

  /** Returns the key's name, e.g. {@code lake.root}. */
  public String name() {
    return name;
  }

  /** Returns the value used when the key is absent, or empty when the key is required. */
  public Optional<T> defaultValue() {
    return Optional.ofNullable(defaultValue);
  }

  /**
   * Returns the default as it is written in config ({@code 10s}, {@code processing-time}), or empty
   * when the key is required.
   */
  public Optional<String> defaultText() {
    return defaultValue()
        .map(
            value -> {
              if (value instanceof Duration duration) {
                return ConfigSyntax.formatDuration(duration);
              }
              if (value instanceof Enum<?> constant) {
                return ConfigSyntax.enumName(constant);
              }
              return value.toString();
            });
  }

  /** Returns the one-line description of what the key sets. */
  public String description() {
    return description;
  }

  /**
   * Parses a raw value of this key.
   *
   * @throws NullPointerException when {@code rawValue} is null
   * @throws ConfigException naming the key and value when the value is blank or does not parse,
   *     e.g. {@code Cannot read config key 'speed.trigger-interval': value 'fast' is not a duration
   *     (examples: 500ms, 1s, 2m, PT1S)}
   */
  public T parse(String rawValue) {
    String text = rawValue.strip();
    try {
      T value = text.isEmpty() ? null : parser.apply(text);
      if (value != null && valid.test(value)) {
        return value;
      }
    } catch (IllegalArgumentException e) {
      throw ConfigException.invalidValue(name, rawValue, "is not " + expected, e);
    }
    throw ConfigException.invalidValue(name, rawValue, "is not " + expected);
  }

  /** Returns {@link #name()}. */
  @Override
  public String toString() {
    return name;
  }

  private static void requireDefinition(boolean valid, String name, String problem) {
    if (!valid) {
      throw new IllegalArgumentException("Cannot define config key '" + name + "': " + problem);
    }
  }
}
