package io.marketlambda.core.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Raw configuration: an immutable map of key to value, read from a properties file and {@code
 * --conf key=value} overrides, from which {@link ConfigKey}s read typed values. Keys are kept in
 * sorted order. {@link #toString()} shows keys only, never values, so settings can be logged.
 */
public final class Settings {
  private static final Settings EMPTY = new Settings(new TreeMap<>());

  private final SortedMap<String, String> values;

  private Settings(SortedMap<String, String> values) {
    this.values = Collections.unmodifiableSortedMap(values);
  }

  /** Returns settings without any key; every key reads its default. */
  public static Settings empty() {
    return EMPTY;
  }

  /**
   * Returns settings holding a copy of {@code values}.
   *
   * @throws NullPointerException when a key or value is null
   */
  public static Settings of(Map<String, String> values) {
    return new Settings(new TreeMap<>(Map.copyOf(values)));
  }

  /**
   * Reads a {@link Properties} file ({@code key=value} lines, {@code #} comments) in UTF-8.
   *
   * @throws ConfigException when the file does not exist ({@code Cannot read config file <path>:
   *     not found}), is not UTF-8 or has a malformed escape
   * @throws UncheckedIOException when reading fails otherwise
   */
  public static Settings load(Path propertiesFile) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(propertiesFile, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (NoSuchFileException e) {
      throw ConfigException.unreadableFile(propertiesFile, "not found", e);
    } catch (CharacterCodingException e) {
      throw ConfigException.unreadableFile(propertiesFile, "not UTF-8 text", e);
    } catch (IllegalArgumentException e) {
      throw ConfigException.unreadableFile(propertiesFile, "malformed: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read config file " + propertiesFile + ": " + e, e);
    }
    SortedMap<String, String> values = new TreeMap<>();
    properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key)));
    return new Settings(values);
  }

  /**
   * Returns these settings with command-line overrides applied, later entries winning.
   *
   * @param keyValues entries {@code key=value} as given to {@code --conf}; the value is everything
   *     after the first {@code =} and may be empty
   * @throws ConfigException naming the entry when it has no {@code =} or an empty key
   */
  public Settings withOverrides(List<String> keyValues) {
    SortedMap<String, String> merged = new TreeMap<>(values);
    for (String entry : keyValues) {
      int equals = entry.indexOf('=');
      String key = equals < 0 ? "" : entry.substring(0, equals).strip();
      if (key.isEmpty()) {
        throw ConfigException.malformedOverride(entry);
      }
      merged.put(key, entry.substring(equals + 1));
    }
    return new Settings(merged);
  }

  /** Returns these settings overlaid with {@code higherPriority}, whose values win. */
  public Settings merge(Settings higherPriority) {
    SortedMap<String, String> merged = new TreeMap<>(values);
    merged.putAll(higherPriority.values);
    return new Settings(merged);
  }

  /**
   * Returns the typed value of a key, or its default when absent.
   *
   * @throws ConfigException when a required key is absent ({@code Cannot read config key 'x':
   *     missing; <description>}) or the value does not parse (naming the key and value)
   */
  public <T> T get(ConfigKey<T> key) {
    String raw = values.get(key.name());
    if (raw == null) {
      return key.defaultValue().orElseThrow(() -> ConfigException.missing(key));
    }
    return key.parse(raw);
  }

  /**
   * Returns the entries whose keys start with {@code prefix}, keys unchanged: for clients whose own
   * keys carry the prefix, such as {@code spark.*} (SparkConf) and {@code hbase.*} (HBase
   * Configuration).
   *
   * @param prefix a key prefix ending in {@code .}, e.g. {@code spark.}
   * @throws IllegalArgumentException when {@code prefix} does not end in {@code .}
   */
  public Map<String, String> withPrefix(String prefix) {
    requirePrefix(prefix);
    SortedMap<String, String> selected = new TreeMap<>();
    values.forEach(
        (key, value) -> {
          if (key.startsWith(prefix)) {
            selected.put(key, value);
          }
        });
    return Collections.unmodifiableSortedMap(selected);
  }

  /**
   * Returns the entries whose keys start with {@code prefix}, prefix removed: for clients whose
   * keys do not carry it, such as {@code kafka.*} ({@code kafka.bootstrap.servers} becomes {@code
   * bootstrap.servers}).
   *
   * @param prefix a key prefix ending in {@code .}, e.g. {@code kafka.}
   * @throws IllegalArgumentException when {@code prefix} does not end in {@code .}
   */
  public Map<String, String> withPrefixStripped(String prefix) {
    SortedMap<String, String> stripped = new TreeMap<>();
    withPrefix(prefix).forEach((key, value) -> stripped.put(key.substring(prefix.length()), value));
    return Collections.unmodifiableSortedMap(stripped);
  }

  /** Returns every key present, sorted. */
  public Set<String> keys() {
    return values.keySet();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Settings settings && values.equals(settings.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  /** Returns the keys only, e.g. {@code Settings[kafka.bootstrap.servers, lake.root]}. */
  @Override
  public String toString() {
    return "Settings" + values.keySet();
  }

  private static void requirePrefix(String prefix) {
    if (prefix.length() < 2 || !prefix.endsWith(".")) {
      throw new IllegalArgumentException(
          "Cannot select settings by prefix '" + prefix + "': a prefix ends in '.', e.g. kafka.");
    }
  }
}
